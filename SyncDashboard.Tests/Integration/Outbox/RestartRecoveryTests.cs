using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Idempotency;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;

namespace SyncDashboard.Tests.Integration.Outbox;

/// <summary>
/// What an earlier run left half done is taken back as the app starts on the same files, without waiting out a lease:
/// outbox rows left in flight are sent, Idempotency-Keys whose requests were cut off are free again.
/// </summary>
public sealed class RestartRecoveryTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "syncdashboard-restart-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Emulator state kept in files too, so the emulated Google and Notion outlive the host like the database.</summary>
    private Dictionary<string, string?> Settings() => new()
    {
        ["Emulators:Google:StatePath"] = Path.Combine(_dir, "google.json"),
        ["Emulators:Notion:StatePath"] = Path.Combine(_dir, "notion.json"),
    };

    [Fact]
    public async Task RowsLeftInFlightByAnEarlierRunAreSentRightAfterStart()
    {
        GoogleUser g;
        var planted = Guid.NewGuid();
        await using (var first = await AppHost.StartAsync(Settings(), dataDirectory: _dir))
        {
            g = await first.ConnectGoogleAsync();
            // Its lease is held for an hour: only the start-up reclaim can send it within the wait below.
            await OutboxLeaseTests.PlantInFlightAsync(first, g.User.Id, g.IntegrationId, (planted, "Left in flight", DateTime.UtcNow.AddHours(1)));
        }

        var logs = new CapturedLogs { MinimumLevel = LogLevel.Warning };
        await using var second = await AppHost.StartAsync(Settings(), b => b.Logging.AddProvider(logs), _dir);
        await Eventually.TrueAsync(async () => Assert.Single(await second.OutboxAsync(g.User.Id)).State == OutboxState.Completed,
            "the row left in flight was sent", TimeSpan.FromSeconds(15));
        Assert.Single(second.Get<GoogleEmulator>().Events(g.CalendarId), e => e.Id == planted.ToString("N"));
        // The demo account's rows may have been in flight too when the first host stopped.
        Assert.Contains(logs.Entries, e => e.Message.StartsWith("Reclaimed ", StringComparison.Ordinal)
            && e.Message.EndsWith(" outbox rows left in flight by an earlier run; they are sent again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AKeyWhoseRequestWasCutOffByTheEndOfTheRunIsFreeAfterRestart()
    {
        TestUser user;
        await using (var first = await AppHost.StartAsync(Settings(), dataDirectory: _dir))
        {
            user = await first.CreateUserAsync("cut-off");
            // A request holding the key when the process ended (its answer never recorded).
            var claim = await first.Get<IdempotencyService>().BeginAsync(user.Id, "cut-off-key", "0", (_, _) => throw new InvalidOperationException(), default);
            Assert.IsType<IdempotencyDecision.Proceed>(claim);
            var busy = await Post(first.CreateClient(user.Token), "cut-off-key");
            Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        }

        await using var second = await AppHost.StartAsync(Settings(), dataDirectory: _dir);
        var retried = await Post(second.CreateClient(user.Token), "cut-off-key");
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.False(retried.Headers.Contains(IdempotencyKeys.ReplayedHeader));
    }

    [Theory]
    [InlineData("Sync:InFlightLease", "00:00:00")]
    [InlineData("Idempotency:KeyLifetime", "-00:00:01")]
    [InlineData("Idempotency:PurgeInterval", "00:00:00")]
    public async Task ANonPositiveDurationStopsTheStartNamingTheKey(string key, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            AppHost.StartAsync(new Dictionary<string, string?> { [key] = value }, dataDirectory: _dir));
        Assert.Contains(key + " must be positive", error.Message);
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/events")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { title = "Retried", start = Start, end = Start.AddHours(1) }),
        };
        request.Headers.Add(IdempotencyKeys.Header, key);
        return client.SendAsync(request);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { /* SQLite may still hold the file briefly */ }
    }
}
