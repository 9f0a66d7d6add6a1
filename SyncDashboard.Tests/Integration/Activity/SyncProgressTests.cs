using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Google;
using SyncDashboard.Core.Sync.Progress;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;
using SyncDashboard.Web.Demo;
using SyncDashboard.Web.Realtime;

namespace SyncDashboard.Tests.Integration.Activity;

/// <summary>Live progress over the hub during a big import, and "Sync now" pressed twice (ADR 0020).</summary>
public sealed class SyncProgressTests
{
    private const int Events = 2000;

    [Fact]
    public async Task AHubClientSeesPagesFetchedAndEventsAppliedWhileTwoThousandEventsAreImported()
    {
        // Small pages, so the import reads several; no push channel, so the one pull is the import.
        await using var app = await AppHost.StartAsync(new Dictionary<string, string?>
        {
            ["Google:PageSize"] = "250", ["Google:UsePushNotifications"] = "false",
        });
        var user = await app.CreateUserAsync("progress");
        var emulator = app.Get<GoogleEmulator>();
        var email = $"p{Guid.NewGuid():N}@example.com";
        emulator.CreateAccount(email, "UTC", owner: user.EmulatorOwner);
        var calendarId = emulator.PrimaryCalendarId(email);
        var start = DateTimeOffset.UtcNow.Date.AddDays(1);
        for (var i = 0; i < Events; i++)
            emulator.InsertEvent(calendarId, GoogleTestKit.TimedEvent($"Imported {i}", new DateTimeOffset(start, TimeSpan.Zero).AddMinutes(30 * i), 30));

        await using var hub = await ConnectAsync(app, user.Token);
        var connect = app.Get<GoogleConnectService>();
        var account = await connect.ConnectGrantAsync(user.Id, emulator.IssueTokens(email, GoogleTestKit.Scopes).ToTokenResponse(), default);
        var integrationId = (await connect.AddCalendarsAsync(user.Id, account.CredentialId,
            [new CalendarChoice(calendarId, "Primary", SyncDirection.TwoWay, true)], default)).Single();

        await Eventually.TrueAsync(() => hub.Received.Any(p => p.IntegrationId == integrationId && p.Kind == SyncRunKind.Pull && p.Stage == SyncStage.Finished),
            "the end of the import was announced");
        var pull = hub.Received.Where(p => p.IntegrationId == integrationId && p.Kind == SyncRunKind.Pull).ToList();
        var finished = pull.Single(p => p.Stage == SyncStage.Finished);
        Assert.Equal((Events / 250, Events, Events), (finished.PagesFetched, finished.EventsApplied, finished.EventsTotal));
        Assert.Contains(pull, p => p.Stage == SyncStage.Started);
        Assert.Contains(pull, p => p.Stage == SyncStage.Fetching && p.PagesFetched >= 1);
        Assert.Contains(pull, p => p.Stage == SyncStage.Applying && p.EventsTotal == Events);
        Assert.Equal(Events, (await app.AppEventsAsync(user.Id)).Count);
    }

    [Fact]
    public async Task ASecondSyncNowWhileOneRunsStartsNothing()
    {
        await using var app = await AppHost.StartAsync(new Dictionary<string, string?> { ["Google:UsePushNotifications"] = "false" });
        var g = await app.ConnectGoogleAsync();
        var emulator = app.Get<GoogleEmulator>();
        // Google answers the next listing slowly, so the first Sync now is still running when the second is pressed.
        emulator.AddFault(new FaultRule(FaultKind.Delay, Count: 1, PathContains: "/events", Method: "GET", DelayMs: 3000));
        var runsBefore = (await app.SyncRunsAsync(g.IntegrationId)).Count;

        var first = g.User.Api.PostAsync("/api/calendar/sync", null);
        await Eventually.TrueAsync(() => app.Get<Core.Sync.SyncNowService>().IsRunning(g.User.Id), "the first Sync now is running");
        using var second = await g.User.Api.PostAsync("/api/calendar/sync", null);
        using var again = await g.User.Api.PostJsonAsync("/api/calendar/sync", new { integrationId = g.IntegrationId });

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (second.StatusCode, again.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        var manual = (await app.SyncRunsAsync(g.IntegrationId)).Skip(runsBefore).Where(r => r.Trigger == SyncTrigger.Manual).ToList();
        Assert.Single(manual);
    }

    private static async Task<ProgressClient> ConnectAsync(AppHost app, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "/hubs/calendar"), HttpTransportType.WebSockets,
                o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            // Enum names in any of the app's spellings, or numbers.
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper)))
            .Build();
        var client = new ProgressClient(connection);
        connection.On<SyncProgress>(nameof(ICalendarHubClient.SyncProgress), client.Received.Enqueue);
        await connection.StartAsync();
        return client;
    }

    private sealed class ProgressClient(HubConnection connection) : IAsyncDisposable
    {
        public ConcurrentQueue<SyncProgress> Received { get; } = new();
        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
