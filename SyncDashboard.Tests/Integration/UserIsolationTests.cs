using System.Net;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;

namespace SyncDashboard.Tests.Integration;

[Collection(AppCollection.Name)]
public sealed class UserIsolationTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AnotherUserCannotReadChangeOrDeleteByGuessingTheId()
    {
        var alice = await _app.CreateUserAsync("alice");
        var bob = await _app.CreateUserAsync("bob");
        var id = (await (await alice.Api.PostJsonAsync("/api/events", new { title = "Alice's secret", start = Start, end = Start.AddHours(1) })).ReadJsonAsync())
            .GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await bob.Api.GetAsync($"/api/events/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Api.PutJsonAsync($"/api/events?id={id}", new { title = "Bob was here", start = Start, end = Start.AddHours(1) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Api.DeleteAsync($"/api/events?id={id}")).StatusCode);

        var bobsList = await (await bob.Api.GetAsync($"/api/events?from={EventsApiTests.Esc(Start.AddDays(-1))}&to={EventsApiTests.Esc(Start.AddDays(1))}")).ReadJsonAsync();
        Assert.Equal(0, bobsList.GetArrayLength());
        var bobsUpcoming = await (await bob.Api.GetAsync("/api/calendar/upcoming?days=30&maxResults=100")).ReadJsonAsync();
        Assert.DoesNotContain(bobsUpcoming.GetProperty("events").EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);

        var alicesCopy = await (await alice.Api.GetAsync($"/api/events/{id}")).ReadJsonAsync();
        Assert.Equal("Alice's secret", alicesCopy.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ChangeFeedIsPerUser()
    {
        var alice = await _app.CreateUserAsync("alice");
        var bob = await _app.CreateUserAsync("bob");
        await alice.Api.PostJsonAsync("/api/events", new { title = "A", start = Start, end = Start.AddHours(1) });
        var bobsChanges = await (await bob.Api.GetAsync("/api/calendar/changes?since=0")).ReadJsonAsync();
        Assert.Equal(0, bobsChanges.GetProperty("currentSeq").GetInt64());
        Assert.Equal(0, bobsChanges.GetProperty("changes").GetArrayLength());
    }

    [Fact]
    public async Task SyncNowWithAnotherUsersIntegrationIsNotFound()
    {
        var alice = await _app.ConnectGoogleAsync();
        var bob = await _app.CreateUserAsync("bob");

        using var bobs = await bob.Api.PostJsonAsync("/api/calendar/sync", new { integrationId = alice.IntegrationId });
        Assert.Equal(HttpStatusCode.NotFound, bobs.StatusCode);
        using var unknown = await bob.Api.PostJsonAsync("/api/calendar/sync", new { integrationId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // The owner still syncs it, and Bob's own "sync everything" still starts.
        using var alices = await alice.User.Api.PostJsonAsync("/api/calendar/sync", new { integrationId = alice.IntegrationId });
        Assert.Equal(HttpStatusCode.OK, alices.StatusCode);
        using var bobsAll = await bob.Api.PostJsonAsync("/api/calendar/sync", new { });
        Assert.Equal(HttpStatusCode.OK, bobsAll.StatusCode);
        Assert.True((await bobsAll.ReadJsonAsync()).GetProperty("started").GetBoolean());
    }
}
