using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace SyncDashboard.Emulators.Notion;

/// <summary>
/// Delivers page events to verified subscriptions in the background (contract §13): signed with the verification
/// token, retried on non-2xx up to WebhookMaxAttempts, and page.properties_updated merged per page within a window.
/// </summary>
internal sealed class NotionWebhookDispatcher(NotionEmulator emulator, IHttpClientFactory? factory, ILogger logger, CancellationToken shutdown)
{
    public const string HttpClientName = "NotionEmulatorWebhooks";

    // Fallback for an emulator built without DI (no factory); AddNotionEmulator always supplies one.
    private static readonly Lazy<HttpClient> FallbackClient = new(() => new HttpClient(new SocketsHttpHandler()));

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Sub, string Page), Pending> _pending = [];

    private sealed class Pending(NotionPageEvent first)
    {
        public NotionPageEvent Event { get; set; } = first;
        public HashSet<(string Id, string Type)> Authors { get; } = [(first.AuthorId, first.AuthorType)];
    }

    public void Publish(IReadOnlyList<NotionPageEvent> events)
    {
        if (events.Count == 0) return;
        foreach (var evt in events)
            foreach (var sub in emulator.SubscribersFor(evt))
            {
                var window = emulator.Options.WebhookAggregationWindow;
                if (evt.Type != "page.properties_updated" || window <= TimeSpan.Zero)
                {
                    Start(sub, evt, [(evt.AuthorId, evt.AuthorType)]);
                    continue;
                }
                lock (_gate)
                {
                    if (_pending.TryGetValue((sub.Id, evt.PageId), out var p))
                    {
                        p.Event = p.Event with { UpdatedProperties = p.Event.UpdatedProperties.Union(evt.UpdatedProperties).ToList(), Timestamp = evt.Timestamp };
                        p.Authors.Add((evt.AuthorId, evt.AuthorType));
                        continue;
                    }
                    _pending[(sub.Id, evt.PageId)] = new Pending(evt);
                }
                _ = FlushLaterAsync(sub, evt.PageId, window);
            }
    }

    private async Task FlushLaterAsync(WebhookSubscriptionState sub, string pageId, TimeSpan window)
    {
        try { await Task.Delay(window, shutdown); }
        catch (OperationCanceledException) { return; }
        Pending? p;
        lock (_gate) _pending.Remove((sub.Id, pageId), out p);
        if (p is not null) Start(sub, p.Event, p.Authors.ToList());
    }

    private void Start(WebhookSubscriptionState sub, NotionPageEvent evt, List<(string Id, string Type)> authors) =>
        _ = Task.Run(() => DeliverAsync(sub, evt, authors), shutdown);

    private async Task DeliverAsync(WebhookSubscriptionState sub, NotionPageEvent evt, List<(string Id, string Type)> authors)
    {
        var eventId = NotionIds.NewId();
        var max = Math.Max(1, emulator.Options.WebhookMaxAttempts);
        for (var attempt = 1; attempt <= max && !shutdown.IsCancellationRequested; attempt++)
        {
            var body = emulator.BuildEnvelope(sub, evt, authors, eventId, attempt).ToJsonString(NotionRequestFilter.WireOptions);
            var ok = await PostAsync(sub.Url, body, sub.VerificationToken);
            emulator.CountWebhookAttempt(ok);
            if (ok) return;
            if (attempt == max) break;
            try { await Task.Delay(emulator.Options.WebhookRetryBaseDelay * Math.Pow(2, attempt - 1), shutdown); }
            catch (OperationCanceledException) { return; }
        }
        emulator.CountWebhookGaveUp();
        logger.LogWarning("Notion emulator gave up delivering {Type} for page {PageId} to {Url}", evt.Type, evt.PageId, sub.Url);
    }

    /// <summary>POSTs a body; signs it with HMAC-SHA256 of the raw bytes when a key is given.</summary>
    public async Task<bool> PostAsync(string url, string body, string? signingKey)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        if (signingKey is not null) request.Headers.Add("X-Notion-Signature", Sign(bytes, signingKey));
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var client = factory?.CreateClient(HttpClientName) ?? FallbackClient.Value;
            using var response = await client.SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            logger.LogDebug(ex, "Notion emulator webhook POST to {Url} failed", url);
            return false;
        }
    }

    public static string Sign(byte[] body, string key) =>
        "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), body)).ToLowerInvariant();
}
