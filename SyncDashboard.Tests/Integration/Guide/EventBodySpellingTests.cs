using System.Net;
using System.Text.Json;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration.Guide;

/// <summary>An event's times as the app spells them (start/end) or as the setup guide does (startDateTime/endDateTime).</summary>
[Collection(AppCollection.Name)]
public sealed class EventBodySpellingTests(AppFixture fixture)
{
    private static readonly DateTimeOffset Start = new(DateTime.UtcNow.Date.AddDays(2).AddHours(9), TimeSpan.Zero);

    [Fact]
    public async Task BothSpellingsWithDifferentTimesAreRefusedAndNothingIsCreated()
    {
        var user = await fixture.App.CreateUserAsync("spelling");

        var response = await user.Api.PostJsonAsync("/api/events",
            new { title = "Which one?", start = Start, end = Start.AddHours(1), startDateTime = Start.AddHours(2), endDateTime = Start.AddHours(3) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("startDateTime", out _) && errors.TryGetProperty("endDateTime", out _), errors.ToString());
        Assert.Equal(0, (await (await user.Api.GetAsync($"/api/events?from={Esc(Start.AddDays(-1))}&to={Esc(Start.AddDays(1))}")).ReadJsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task AGuideBodyWithoutItsEndIsRefusedNamingTheFieldAsTheGuideSpellsIt()
    {
        var user = await fixture.App.CreateUserAsync("spelling");

        var response = await user.Api.PostJsonAsync("/api/events", new { title = "No end", startDateTime = Start });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("endDateTime", out _), errors.ToString());
        Assert.False(errors.TryGetProperty("end", out _), errors.ToString());
    }

    [Fact]
    public async Task TheSameTimeInBothSpellingsAndAnUpdateInTheGuidesSpellingAreTaken()
    {
        var user = await fixture.App.CreateUserAsync("spelling");
        var created = await user.Api.PostJsonAsync("/api/events",
            new { title = "Both", start = Start, end = Start.AddHours(1), startDateTime = Start, endDateTime = Start.AddHours(1) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();

        var updated = await user.Api.PutJsonAsync($"/api/events?id={id}", new { title = "Moved", startDateTime = Start.AddHours(4), endDateTime = Start.AddHours(5) });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var ev = await updated.ReadJsonAsync();
        Assert.Equal((Start.AddHours(4), "Moved"), (ev.GetProperty("start").GetDateTimeOffset(), ev.GetProperty("title").GetString()));
    }

    private static string Esc(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("O"));
}
