using Bunit;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Core.Events;
using SyncDashboard.Web.Components.Dashboard;

namespace SyncDashboard.Tests.Components;

[UseInvariantCulture]
public sealed class NextEventCardTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public async Task CountdownShowsMinutesUntilTheNextEvent()
    {
        await using var ctx = new BunitContext();
        var cut = Render(ctx, Timed(Utc(10, 10, 0), TimeSpan.FromHours(1)), TimeZoneInfo.Utc, Local(10, 9, 35));

        Assert.Equal("in 25 min", Countdown(cut));
    }

    [Fact]
    public async Task CountdownShowsHoursWithinAFewHours()
    {
        await using var ctx = new BunitContext();
        var cut = Render(ctx, Timed(Utc(10, 14, 0), TimeSpan.FromHours(1)), TimeZoneInfo.Utc, Local(10, 11, 55));

        Assert.Equal("in 2 h", Countdown(cut));
    }

    [Fact]
    public async Task CountdownNeverReadsZeroMinutesJustBeforeTheStart()
    {
        await using var ctx = new BunitContext();
        var cut = Render(ctx, Timed(Utc(10, 10, 0), TimeSpan.FromHours(1)), TimeZoneInfo.Utc, Local(10, 9, 59).AddSeconds(30));

        Assert.Equal("in 1 min", Countdown(cut));
    }

    [Fact]
    public async Task CountdownReadsNowWhileTheEventIsOn()
    {
        await using var ctx = new BunitContext();
        var cut = Render(ctx, Timed(Utc(10, 10, 0), TimeSpan.FromHours(1)), TimeZoneInfo.Utc, Local(10, 10, 30));

        Assert.Equal("now", Countdown(cut));
    }

    [Fact]
    public async Task EventMoreThanADayAwayOnTheNextDayReadsTomorrowAndItsTime()
    {
        await using var ctx = new BunitContext();
        var cut = Render(ctx, Timed(Utc(11, 22, 0), TimeSpan.FromHours(1)), TimeZoneInfo.Utc, Local(10, 21, 0));

        Assert.Equal("tomorrow 22:00", Countdown(cut));
    }

    [Fact]
    public async Task EventLaterThisWeekReadsItsWeekdayAndTime()
    {
        await using var ctx = new BunitContext();
        var cut = Render(ctx, Timed(Utc(13, 8, 0), TimeSpan.FromHours(1)), TimeZoneInfo.Utc, Local(10, 21, 0));

        Assert.Equal("Fri 08:00", Countdown(cut));
    }

    [Fact]
    public async Task CountdownAndTimesAreInTheUsersZone()
    {
        await using var ctx = new BunitContext();
        // 08:00 UTC is 09:00 in Berlin; it is 23:30 there on the evening before.
        var cut = Render(ctx, Timed(Utc(11, 8, 0), TimeSpan.FromMinutes(30)), Berlin, Local(10, 23, 30));

        Assert.Equal("tomorrow 09:00", Countdown(cut));
        Assert.Contains("Wed, 11 Mar 09:00–09:30", Text.Of(cut.Find("[data-testid=next-event]")));
    }

    [Fact]
    public async Task CountdownMovesOnAsTheClockAdvances()
    {
        await using var ctx = new BunitContext();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 8, 35, 0, TimeSpan.Zero));
        var next = Timed(Utc(10, 9, 0), TimeSpan.FromHours(1));
        // The dashboard passes "now" from its clock on every render.
        var cut = ctx.Render<NextEventCard>(p => p.Add(x => x.Event, next).Add(x => x.Format, Gb(Berlin)).Add(x => x.Now, clock.GetUtcNow()));
        Assert.Equal("in 25 min", Countdown(cut));

        clock.Advance(TimeSpan.FromMinutes(10));
        cut.Render(p => p.Add(x => x.Now, clock.GetUtcNow()));
        Assert.Equal("in 15 min", Countdown(cut));

        clock.Advance(TimeSpan.FromMinutes(20));
        cut.Render(p => p.Add(x => x.Now, clock.GetUtcNow()));
        Assert.Equal("now", Countdown(cut));
    }

    [Fact]
    public async Task CardShowsTitleTimeAndPlace()
    {
        await using var ctx = new BunitContext();
        var cut = Render(ctx, Timed(Utc(10, 10, 0), TimeSpan.FromMinutes(90)) with { Location = "Room 4" }, TimeZoneInfo.Utc, Local(10, 9, 0));

        Assert.Equal("Dentist", Text.Of(cut.Find("[data-testid=next-event-title]")));
        var card = Text.Of(cut.Find("[data-testid=next-event]"));
        Assert.Contains("Tue, 10 Mar 10:00–11:30", card);
        Assert.Contains("at Room 4", card);
    }

    [Fact]
    public async Task EventWithoutAPlaceSaysNothingAboutWhere()
    {
        await using var ctx = new BunitContext();
        var cut = Render(ctx, Timed(Utc(10, 10, 0), TimeSpan.FromHours(1)), TimeZoneInfo.Utc, Local(10, 9, 0));

        Assert.DoesNotContain(" at ", Text.Of(cut.Find("[data-testid=next-event]")));
    }

    [Fact]
    public async Task AllDayEventShowsItsDaysWithTheLastDayIncluded()
    {
        await using var ctx = new BunitContext();
        // The upcoming service hands all-day events over as the user's local midnights (here Berlin, UTC+1).
        var offsite = new UpcomingEvent(Guid.NewGuid(), "Offsite", new(2026, 3, 9, 23, 0, 0, TimeSpan.Zero), new(2026, 3, 11, 23, 0, 0, TimeSpan.Zero),
            true, null, null, "/calendar");
        var cut = Render(ctx, offsite, Berlin, Local(10, 9, 0));

        Assert.Contains("Tue, 10 Mar – Wed, 11 Mar", Text.Of(cut.Find("[data-testid=next-event]")));
        Assert.Equal("today · all day", Countdown(cut));
    }

    [Fact]
    public async Task AnAllDayEventTomorrowReadsTomorrowNotHours()
    {
        await using var ctx = new BunitContext();
        // Tomorrow in Berlin, seen at 09:00 the day before: a day away, never "in 15 h".
        var holiday = new UpcomingEvent(Guid.NewGuid(), "Holiday", new(2026, 3, 10, 23, 0, 0, TimeSpan.Zero), new(2026, 3, 11, 23, 0, 0, TimeSpan.Zero),
            true, null, null, "/calendar");
        var cut = Render(ctx, holiday, Berlin, Local(10, 9, 0));

        Assert.Equal("tomorrow · all day", Countdown(cut));
        Assert.DoesNotContain(" h", Countdown(cut));
        Assert.Contains("Wed, 11 Mar", Text.Of(cut.Find("[data-testid=next-event-when]")));
    }

    [Fact]
    public async Task WithoutAnEventTheCardInvitesToPlanSomething()
    {
        await using var ctx = new BunitContext();
        var cut = ctx.Render<NextEventCard>(p => p.Add(x => x.Event, null).Add(x => x.Now, Utc(10, 9, 0)));

        Assert.Equal("Nothing in the next 7 days — create an event.", Text.Of(cut.Find("[data-testid=next-event-empty]")));
        Assert.Equal("/calendar?event=new", cut.Find("[data-testid=create-event]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=next-event-countdown]"));
    }

    /// <param name="localNow">The viewer's wall-clock time in <paramref name="zone"/>.</param>
    private static IRenderedComponent<NextEventCard> Render(BunitContext ctx, UpcomingEvent next, TimeZoneInfo zone, DateTime localNow) =>
        ctx.Render<NextEventCard>(p => p.Add(x => x.Event, next).Add(x => x.Format, Gb(zone))
            .Add(x => x.Now, new DateTimeOffset(localNow, zone.GetUtcOffset(localNow))));

    private static SyncDashboard.Core.Formatting.DateTimeFormatter Gb(TimeZoneInfo zone) => Unit.Formatting.FormatKit.For("en-GB", zone: zone);

    private static string Countdown(IRenderedComponent<NextEventCard> cut) => Text.Of(cut.Find("[data-testid=next-event-countdown]"));

    private static UpcomingEvent Timed(DateTimeOffset start, TimeSpan length) =>
        new(Guid.NewGuid(), "Dentist", start, start + length, false, null, null, "/calendar");

    private static DateTimeOffset Utc(int day, int hour, int minute) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>The viewer's wall-clock time, as the dashboard passes it.</summary>
    private static DateTime Local(int day, int hour, int minute) => new(2026, 3, day, hour, minute, 0);
}
