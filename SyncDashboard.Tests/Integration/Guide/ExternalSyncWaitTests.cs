using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Events;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;

namespace SyncDashboard.Tests.Integration.Guide;

/// <summary>POST /api/events waits for delivery only Api:ExternalSyncWait (2 s by default), then says what is still queued.</summary>
[Collection(AppCollection.Name)]
public sealed class ExternalSyncWaitTests(AppFixture fixture)
{
    private AppHost App => fixture.App;

    [Fact]
    public async Task ACreateThatGoogleIsSlowToTakeAnswersAfterTheWaitAsQueuedAndIsDeliveredLater()
    {
        var g = await App.ConnectGoogleAsync();
        App.Get<GoogleEmulator>().AddFault(new FaultRule(FaultKind.Delay, PathContains: g.CalendarId, Method: "POST", DelayMs: 8000));
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(15), TimeSpan.Zero);

        var clock = Stopwatch.StartNew();
        var response = await g.User.Api.PostJsonAsync("/api/events", new { title = "Slow to arrive", startDateTime = start, endDateTime = start.AddHours(1) });
        clock.Stop();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(7));
        var answer = (await response.Content.ReadFromJsonAsync<EventCreatedBody>(Json.App))!;
        var google = Assert.Single(answer.ExternalSync);
        Assert.Equal((Provider.Google, false, true, null), (google.Provider, google.Success, google.Queued, google.ExternalId));
        // The same list at the top level and in the event, read through the app's own types.
        Assert.Equal(answer.Event.Id, answer.Id);
        Assert.Equal(LinkState.Pending, Assert.Single(answer.Event.ExternalSync).State);

        await Eventually.TrueAsync(async () =>
            (await App.Get<EventService>().GetAsync(g.User.Id, answer.Id)).ExternalSync.Single().Success, "Google took the event after its delay");
    }

    [Fact]
    public async Task PreferWaitZeroAnswersAtOnceWithEverythingQueued()
    {
        var g = await App.ConnectGoogleAsync();
        App.Get<GoogleEmulator>().AddFault(new FaultRule(FaultKind.Delay, PathContains: g.CalendarId, Method: "POST", DelayMs: 3000));
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(16), TimeSpan.Zero);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events")
        {
            Content = JsonContent.Create(new { title = "Bulk import", startDateTime = start, endDateTime = start.AddHours(1) }, options: Json.Web),
        };
        request.Headers.Add("Prefer", "wait=0");

        var clock = Stopwatch.StartNew();
        using var response = await g.User.Api.SendAsync(request);
        clock.Stop();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("wait=0", Assert.Single(response.Headers.GetValues("Preference-Applied")));
        // Without the preference it would wait the default 2 s for the delayed Google.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.8), $"answered after {clock.Elapsed}, not at once");
        var google = Assert.Single((await response.Content.ReadFromJsonAsync<EventCreatedBody>(Json.App))!.ExternalSync);
        Assert.Equal((false, true), (google.Success, google.Queued));
    }

    private sealed record EventCreatedBody(bool Success, Guid Id, EventDto Event, IReadOnlyList<ExternalSyncReport> ExternalSync);

    private sealed record ExternalSyncReport(Provider Provider, bool Success, bool Queued, string? ExternalId, string? Error);
}
