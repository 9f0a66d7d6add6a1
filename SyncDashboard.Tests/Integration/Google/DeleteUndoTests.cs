using System.Diagnostics;
using System.Net;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration.Google;

/// <summary>
/// Undo of a delete over real HTTP with the Google emulator (ADR 0014). The test host's undo window is 3 s
/// (Events:DeleteUndoWindow in AppHost); the dispatcher's scheduled scan is every 30 s.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DeleteUndoTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;
    private GoogleEmulator Emulator => _app.Get<GoogleEmulator>();
    private static DateTimeOffset Tomorrow(int hour) => new(DateTime.UtcNow.Date.AddDays(1).AddHours(hour), TimeSpan.Zero);

    [Fact]
    public async Task RestoreWithinTheWindowBringsTheEventBackAndGoogleNeverSeesADelete()
    {
        var g = await _app.ConnectGoogleAsync();
        var kept = await CreateInGoogleAsync(g, "Undone delete");
        var sentinel = await CreateInGoogleAsync(g, "Really deleted");

        Assert.Equal(HttpStatusCode.NoContent, (await g.User.Api.DeleteAsync($"/api/events?id={kept}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await g.User.Api.GetAsync($"/api/events/{kept}")).StatusCode);
        var restore = await g.User.Api.PostAsync($"/api/events/{kept}/restore", null);
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        Assert.Equal("Undone delete", (await restore.ReadJsonAsync()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await g.User.Api.GetAsync($"/api/events/{kept}")).StatusCode);

        // Sentinel: a delete made after the restore leaves after its own window, later than the first one's would have.
        await g.User.Api.DeleteAsync($"/api/events?id={sentinel}");
        await Eventually.TrueAsync(() => Emulator.GetEvent(g.CalendarId, sentinel.ToString("N")).Status == "cancelled", "the sentinel's delete reached Google");
        Assert.Equal("confirmed", Emulator.GetEvent(g.CalendarId, kept.ToString("N")).Status);
        Assert.Equal(0, Emulator.RequestCount("DELETE", kept.ToString("N")));
    }

    [Fact]
    public async Task DeleteLeavesSoonAfterTheWindowNotAtTheNextScheduledScan()
    {
        var g = await _app.ConnectGoogleAsync();
        var id = await CreateInGoogleAsync(g, "Gone soon");
        var clock = Stopwatch.StartNew();

        await g.User.Api.DeleteAsync($"/api/events?id={id}");

        await Eventually.TrueAsync(() => Emulator.GetEvent(g.CalendarId, id.ToString("N")).Status == "cancelled", "the delete reached Google",
            TimeSpan.FromSeconds(15));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task RestoreOnceTheDeleteWasSentIsAConflict()
    {
        var g = await _app.ConnectGoogleAsync();
        var id = await CreateInGoogleAsync(g, "Too late");
        await g.User.Api.DeleteAsync($"/api/events?id={id}");
        await Eventually.TrueAsync(() => Emulator.GetEvent(g.CalendarId, id.ToString("N")).Status == "cancelled", "the delete reached Google");

        var response = await g.User.Api.PostAsync($"/api/events/{id}/restore", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("Too late to undo", (await response.ReadJsonAsync()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await g.User.Api.GetAsync($"/api/events/{id}")).StatusCode);
    }

    [Fact]
    public async Task AnotherUsersDeletedEventIsNotFoundAndStaysDeleted()
    {
        var owner = await _app.CreateUserAsync();
        var stranger = await _app.CreateUserAsync();
        var created = await (await owner.Api.PostJsonAsync("/api/events", new { title = "Private", start = Tomorrow(9), end = Tomorrow(10) })).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        await owner.Api.DeleteAsync($"/api/events?id={id}");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.PostAsync($"/api/events/{id}/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Api.PostAsync($"/api/events/{Guid.NewGuid()}/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Api.GetAsync($"/api/events/{id}")).StatusCode);
    }

    private async Task<Guid> CreateInGoogleAsync(GoogleUser g, string title)
    {
        var created = await (await g.User.Api.PostJsonAsync("/api/events", new { title, start = Tomorrow(9), end = Tomorrow(10) })).ReadJsonAsync();
        var id = created.GetProperty("id").GetGuid();
        await Eventually.TrueAsync(() => Emulator.Events(g.CalendarId).Any(e => e.Id == id.ToString("N")), $"'{title}' is in Google");
        return id;
    }
}
