using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Core.Events;
using SyncDashboard.Web.Components.Dashboard;

namespace SyncDashboard.Tests.Components;

[UseInvariantCulture]
public sealed class UpcomingListTests(ComponentDatabase database) : IClassFixture<ComponentDatabase>
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTime TuesdayMorning = new(2026, 3, 10, 9, 0, 0);

    [Fact]
    public async Task EmptyListSaysNothingIsComingUp()
    {
        await using var ctx = new BunitContext();
        var cut = ctx.Render<UpcomingList>(p => p.Add(x => x.Events, []).Add(x => x.Now, Utc(TuesdayMorning)));

        Assert.Equal("Nothing in the next 7 days — create an event and it shows up here.", Text.Of(cut.Find("[data-testid=upcoming-empty]")));
        Assert.Equal("/calendar?event=new", cut.Find("[data-testid=upcoming-create-event]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=upcoming-item]"));
    }

    [Fact]
    public async Task EventsAreGroupedByDayTodayTomorrowThenByDate()
    {
        await using var ctx = new BunitContext();
        var cut = Render(ctx, TimeZoneInfo.Utc, TuesdayMorning,
            Timed("Stand-up", 10, 9, 30), Timed("Lunch", 10, 12, 0), Timed("Dentist", 11, 8, 15), Timed("Review", 13, 15, 0), Timed("Trip", 17, 7, 0));

        Assert.Equal(
        [
            "Today", "09:30 Stand-up", "12:00 Lunch",
            "Tomorrow", "08:15 Dentist",
            "Fri, 13 Mar", "15:00 Review",
            "Tue, 17 Mar", "07:00 Trip",
        ], Outline(cut));
        Assert.Empty(cut.FindAll("[data-testid=upcoming-empty]"));
    }

    [Fact]
    public async Task DaysChangeAtTheUsersMidnightNotAtUtcMidnight()
    {
        await using var ctx = new BunitContext();
        // 22:30 UTC is 23:30 in Berlin (still today); 23:30 UTC is 00:30 on Wednesday there.
        var cut = Render(ctx, Berlin, TuesdayMorning, Timed("Late call", 10, 22, 30), Timed("Night train", 10, 23, 30));

        Assert.Equal(["Today", "23:30 Late call", "Tomorrow", "00:30 Night train"], Outline(cut));
    }

    [Fact]
    public async Task AllDayEventsReadAllDayUnderTheirDay()
    {
        await using var ctx = new BunitContext();
        var cut = Render(ctx, TimeZoneInfo.Utc, TuesdayMorning, AllDay("Holiday", 10), AllDay("Offsite", 11), AllDay("Conference", 12));

        Assert.Equal(["Today", "All day Holiday", "Tomorrow", "All day Offsite", "Thu, 12 Mar", "All day Conference"], Outline(cut));
    }

    [Fact]
    public async Task AMultiDayEventShowsItsSpanWithTheLastDayIncluded()
    {
        await using var ctx = new BunitContext();
        // Saturday and Sunday: stored end-exclusive on Monday. The old list read "Sat · all day".
        var weekend = new UpcomingEvent(Guid.NewGuid(), "Weekend away", Date(14), Date(16), true, null, null, "/calendar");
        var cut = Render(ctx, TimeZoneInfo.Utc, TuesdayMorning, weekend);

        Assert.Equal(["Sat, 14 Mar", "Sat, 14 Mar – Sun, 15 Mar Weekend away"], Outline(cut));
    }

    [Fact]
    public async Task AWeekendFromSaturdayToMondayShowsAllThreeDaysNotItsLastOne()
    {
        await using var ctx = new BunitContext();
        // Sat 14 – Mon 16 March, stored end-exclusive on Tuesday 17.
        var trip = new UpcomingEvent(Guid.NewGuid(), "Trip", Date(14), Date(17), true, null, null, "/calendar");
        var cut = Render(ctx, TimeZoneInfo.Utc, TuesdayMorning, trip);

        Assert.Equal(["Sat, 14 Mar", "Sat, 14 Mar – Mon, 16 Mar Trip"], Outline(cut));
    }

    [Fact]
    public void ATimedEventOfADayOrMoreShowsBothEndsWithTheirDays()
    {
        var conference = new UpcomingEvent(Guid.NewGuid(), "Conference", new(2026, 3, 13, 9, 0, 0, TimeSpan.Zero), new(2026, 3, 15, 17, 0, 0, TimeSpan.Zero),
            false, null, null, "/calendar");
        var overnight = new UpcomingEvent(Guid.NewGuid(), "Night train", new(2026, 3, 13, 22, 0, 0, TimeSpan.Zero), new(2026, 3, 14, 7, 0, 0, TimeSpan.Zero),
            false, null, null, "/calendar");

        var group = Assert.Single(UpcomingGroups.Of([conference, overnight], Gb(TimeZoneInfo.Utc), Utc(TuesdayMorning)));

        Assert.Equal("Fri, 13 Mar 09:00 – Sun, 15 Mar 17:00", group.Items[0].TimeLabel);
        // A night's journey is read by when it leaves, like the calendar's time grid shows it.
        Assert.Equal("22:00", group.Items[1].TimeLabel);
    }

    [Fact]
    public void AnEventUnderWayThatEndsOnALaterDaySaysWhichDay()
    {
        var retreat = new UpcomingEvent(Guid.NewGuid(), "Retreat", new(2026, 3, 9, 18, 0, 0, TimeSpan.Zero), new(2026, 3, 12, 12, 0, 0, TimeSpan.Zero),
            false, null, null, "/calendar");

        var group = Assert.Single(UpcomingGroups.Of([retreat], Gb(TimeZoneInfo.Utc), Utc(TuesdayMorning)));

        Assert.Equal("Today", group.Heading);
        Assert.Equal("until Thu, 12 Mar 12:00", group.Items[0].TimeLabel);
    }

    [Fact]
    public async Task ItemsLinkToTheEventAndNameThePlace()
    {
        await using var ctx = new BunitContext();
        var dentist = Timed("Dentist", 10, 11, 0) with { Location = "Main St 4" };
        var cut = Render(ctx, TimeZoneInfo.Utc, TuesdayMorning, dentist);

        var item = cut.Find("[data-testid=upcoming-item]");
        Assert.Equal(dentist.Id.ToString(), item.GetAttribute("data-event-id"));
        Assert.StartsWith("11:00 Dentist", Text.Of(item));
        Assert.EndsWith("Main St 4", Text.Of(item));
        var link = item.QuerySelector("a")!;
        Assert.Equal("Dentist", Text.Of(link));
        Assert.Equal($"/calendar?event={dentist.Id}", link.GetAttribute("href"));
    }

    [Fact]
    public async Task EventsFromTheUpcomingServiceLandOnTheUsersOwnDays()
    {
        // 01:00 UTC on Wednesday is still 21:00 on Tuesday in New York (EDT, UTC-4).
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 11, 1, 0, 0, TimeSpan.Zero));
        await using var services = database.BuildServices(clock);
        var userId = await database.NewUserAsync("America/New_York");
        var events = services.GetRequiredService<EventService>();
        await events.CreateAsync(userId, new EventInput("Holiday", Date(11), Date(12), IsAllDay: true));
        await events.CreateAsync(userId, new EventInput("Late call", At(11, 2, 30), At(11, 3, 0), TimeZone: "America/New_York"));
        await events.CreateAsync(userId, new EventInput("Breakfast", At(11, 12, 0), At(11, 13, 0), TimeZone: "America/New_York"));
        await events.CreateAsync(userId, new EventInput("Review", At(14, 15, 0), At(14, 16, 0), TimeZone: "America/New_York"));
        var zone = UpcomingWindow.FindZone("America/New_York");
        var upcoming = await services.GetRequiredService<UpcomingService>().GetAsync(userId, 7, 50);

        await using var ctx = new BunitContext();
        var cut = Render(ctx, zone, TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime, [.. upcoming.Events]);

        Assert.Equal(
        [
            "Today", "22:30 Late call",
            "Tomorrow", "All day Holiday", "08:00 Breakfast",
            "Sat, 14 Mar", "11:00 Review",
        ], Outline(cut));
    }

    [Fact]
    public void GroupsKeepTheOrderTheyAreGiven()
    {
        var groups = UpcomingGroups.Of([Timed("Stand-up", 10, 9, 30), Timed("Dentist", 11, 8, 15), Timed("Lunch", 10, 12, 0)], Gb(TimeZoneInfo.Utc), Utc(TuesdayMorning));

        Assert.Equal(["Today", "Tomorrow"], groups.Select(g => g.Heading));
        Assert.Equal(["Stand-up", "Lunch"], groups[0].Items.Select(i => i.Event.Title));
    }

    [Fact]
    public void EventStartedYesterdayAndStillOnCountsAsToday()
    {
        var overnight = new UpcomingEvent(Guid.NewGuid(), "Night shift", new(2026, 3, 9, 22, 0, 0, TimeSpan.Zero), new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero),
            false, null, null, "/calendar");

        var group = Assert.Single(UpcomingGroups.Of([overnight], Gb(TimeZoneInfo.Utc), Utc(TuesdayMorning)));

        Assert.Equal("Today", group.Heading);
        Assert.Equal("until 10:00", group.Items[0].TimeLabel);
    }

    [Fact]
    public void DaysPastTomorrowAreHeadedByTheirDate()
    {
        var groups = UpcomingGroups.Of([Timed("Sixth day", 16, 23, 0), Timed("Seventh day", 17, 0, 30)], Gb(TimeZoneInfo.Utc), Utc(TuesdayMorning));

        Assert.Equal(["Mon, 16 Mar", "Tue, 17 Mar"], groups.Select(g => g.Heading));
        Assert.Equal("23:00", groups[0].Items[0].TimeLabel);
    }

    /// <param name="localNow">The viewer's wall-clock time in <paramref name="zone"/>.</param>
    private static IRenderedComponent<UpcomingList> Render(BunitContext ctx, TimeZoneInfo zone, DateTime localNow, params UpcomingEvent[] events) =>
        ctx.Render<UpcomingList>(p => p.Add(x => x.Events, events).Add(x => x.Format, Gb(zone))
            .Add(x => x.Now, new DateTimeOffset(localNow, zone.GetUtcOffset(localNow))));

    private static SyncDashboard.Core.Formatting.DateTimeFormatter Gb(TimeZoneInfo zone) => Unit.Formatting.FormatKit.For("en-GB", zone: zone);

    private static DateTimeOffset Utc(DateTime utc) => new(utc, TimeSpan.Zero);

    /// <summary>Section headings and items in reading order.</summary>
    private static IReadOnlyList<string> Outline(IRenderedComponent<UpcomingList> cut) => Text.Of(cut.FindAll("h3, [data-testid=upcoming-item]"));

    private static UpcomingEvent Timed(string title, int day, int hour, int minute)
    {
        var id = Guid.NewGuid();
        return new(id, title, At(day, hour, minute), At(day, hour, minute).AddHours(1), false, null, null, $"/calendar?event={id}");
    }

    /// <summary>A one-day all-day event as the upcoming service hands it over for a UTC viewer: midnight to midnight.</summary>
    private static UpcomingEvent AllDay(string title, int day) => new(Guid.NewGuid(), title, Date(day), Date(day + 1), true, null, null, "/calendar");

    private static DateTimeOffset At(int day, int hour, int minute) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    private static DateTimeOffset Date(int day) => new(2026, 3, day, 0, 0, 0, TimeSpan.Zero);
}
