using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SyncDashboard.Emulators.Google.Push;

/// <summary>
/// Background sender of push notifications. First attempts go out in queue order; a 500/502/503/504
/// (or a network failure) is retried with doubling delays off the main loop; any other answer is final.
/// </summary>
public sealed class GooglePushSender(
    GooglePushQueue queue, GoogleEmulator emulator, IHttpClientFactory httpClientFactory,
    ILogger<GooglePushSender> logger) : BackgroundService
{
    public const string HttpClientName = "GoogleEmulatorPush";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var notification in queue.Reader.ReadAllAsync(stoppingToken))
        {
            if (!await TrySendAsync(notification, 1, stoppingToken))
            {
                _ = RetryAsync(notification, stoppingToken);
            }
        }
    }

    private async Task RetryAsync(PushNotification notification, CancellationToken ct)
    {
        var options = emulator.Options;
        var delay = options.PushRetryBaseDelay;
        try
        {
            for (var attempt = 2; attempt <= options.PushMaxAttempts; attempt++)
            {
                await Task.Delay(delay, emulator.Time, ct);
                if (await TrySendAsync(notification, attempt, ct)) { return; }
                delay *= 2;
            }
            emulator.RecordPushFailed();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // host shutting down
        }
    }

    /// <summary>True when done (delivered or refused for good); false when worth retrying.</summary>
    private async Task<bool> TrySendAsync(PushNotification n, int attempt, CancellationToken ct)
    {
        emulator.RecordPushAttempt();
        try
        {
            using var request = Build(n);
            using var client = httpClientFactory.CreateClient(HttpClientName);
            client.Timeout = emulator.Options.PushTimeout;
            using var response = await client.SendAsync(request, ct);
            var status = (int)response.StatusCode;
            if (status is 200 or 201 or 202 or 204 or 102)
            {
                emulator.RecordPushSent();
                return true;
            }
            logger.LogInformation("Push {State} #{Number} to {Address} answered {Status} (attempt {Attempt})",
                n.ResourceState, n.MessageNumber, n.Address, status, attempt);
            if (status is 500 or 502 or 503 or 504) { return false; }
            emulator.RecordPushFailed();
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogInformation("Push to {Address} failed: {Message} (attempt {Attempt})", n.Address, ex.Message, attempt);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never let one bad address stop the sender (a faulted BackgroundService stops the host).
            logger.LogWarning(ex, "Push to {Address} could not be sent", n.Address);
            emulator.RecordPushFailed();
            return true;
        }
    }

    private static HttpRequestMessage Build(PushNotification n)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, n.Address) { Content = new ByteArrayContent([]) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=UTF-8");
        var headers = request.Headers;
        headers.TryAddWithoutValidation("User-Agent", "APIs-Google; (+https://developers.google.com/webmasters/APIs-Google.html)");
        headers.Add("X-Goog-Channel-ID", n.ChannelId);
        headers.Add("X-Goog-Message-Number", n.MessageNumber.ToString(CultureInfo.InvariantCulture));
        headers.Add("X-Goog-Resource-ID", n.ResourceId);
        headers.Add("X-Goog-Resource-State", n.ResourceState);
        headers.Add("X-Goog-Resource-URI", n.ResourceUri);
        if (n.Expiration is { } expiration)
        {
            headers.Add("X-Goog-Channel-Expiration", expiration.UtcDateTime.ToString("r", CultureInfo.InvariantCulture));
        }
        if (n.Token is not null)
        {
            headers.Add("X-Goog-Channel-Token", n.Token);
        }
        return request;
    }
}
