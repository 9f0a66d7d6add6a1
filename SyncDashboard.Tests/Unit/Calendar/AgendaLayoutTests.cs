using SyncDashboard.Web.Calendar.Layout;
using static SyncDashboard.Tests.Unit.Calendar.LayoutKit;

namespace SyncDashboard.Tests.Unit.Calendar;

/// <summary>The phone's agenda: days from the anchor, each with its events, multi-day ones as "day k of n".</summary>
public sealed class AgendaLayoutTests
{
    private static readonly DateOnly Tue = new(2026, 12, 1);

    [Fact]
    public void ListsTheConfiguredNumberOfDaysFromTheAnchorEmptyOnesIncluded()
    {
        var agenda = AgendaLayouter.Build([], Tue, Context(Berlin, options: new LayoutOptions { AgendaDays = 7 }));
        Assert.Equal(Enumerable.Range(0, 7).Select(i => Tue.AddDays(i)), agenda.Days.Select(d => d.Date));
        Assert.All(agenda.Days, d => Assert.Empty(d.Items));
    }

    [Fact]
    public void AMultiDayEventIsListedOnEachDayItTouchesAsDayKOfN()
    {
        var agenda = AgendaLayouter.Build([AllDay("Retreat", Tue, Tue.AddDays(3))], Tue, Context(Berlin));
        var entries = agenda.Days.SelectMany(d => d.Items.Select(i => (d.Date, i.DayNumber, i.DayCount))).ToList();
        Assert.Equal([(Tue, 1, 3), (Tue.AddDays(1), 2, 3), (Tue.AddDays(2), 3, 3)], entries);
        Assert.All(agenda.Days.SelectMany(d => d.Items), i => Assert.True(i.IsMultiDay));
    }

    [Fact]
    public void AnAgendaStartingMidEventCountsFromTheEventsOwnFirstDay()
    {
        var agenda = AgendaLayouter.Build([AllDay("Retreat", Tue, Tue.AddDays(3))], Tue.AddDays(1), Context(Berlin));
        var first = agenda.Days[0].Items.Single();
        Assert.Equal((2, 3, true, true), (first.DayNumber, first.DayCount, first.ContinuesBefore, first.ContinuesAfter));
    }

    [Fact]
    public void ATimedEventOverMidnightCarriesTheDaysShareOfIt()
    {
        var party = Timed("Party", Local(Berlin, 2026, 12, 1, 22), Local(Berlin, 2026, 12, 2, 2));
        var agenda = AgendaLayouter.Build([party], Tue, Context(Berlin));
        var tue = agenda.Days[0].Items.Single();
        var wed = agenda.Days[1].Items.Single();
        Assert.Equal((1, 2, party.Start, Local(Berlin, 2026, 12, 2, 0), false, true),
            (tue.DayNumber, tue.DayCount, tue.From, tue.To, tue.ContinuesBefore, tue.ContinuesAfter));
        Assert.Equal((2, 2, Local(Berlin, 2026, 12, 2, 0), party.End, true, false),
            (wed.DayNumber, wed.DayCount, wed.From, wed.To, wed.ContinuesBefore, wed.ContinuesAfter));
    }

    [Fact]
    public void ADaysItemsAreAllDayFirstThenByTheirTimeThatDay()
    {
        var wed = Tue.AddDays(1);
        var agenda = AgendaLayouter.Build([
                On(Berlin, wed, "Lunch", "12:00", "13:00"),
                Timed("Night shift", Local(Berlin, 2026, 12, 1, 22), Local(Berlin, 2026, 12, 2, 6)),
                On(Berlin, wed, "Standup", "09:00", "09:15"),
                AllDay("Birthday", wed, wed.AddDays(1)),
            ], wed, Context(Berlin));
        Assert.Equal(["Birthday", "Night shift", "Standup", "Lunch"], agenda.Days[0].Items.Select(i => i.Event.Title));
        var single = agenda.Days[0].Items.Single(i => i.Event.Title == "Lunch");
        Assert.Equal((1, 1, false), (single.DayNumber, single.DayCount, single.IsMultiDay));
    }

    [Fact]
    public void TodayIsFlagged()
    {
        var agenda = AgendaLayouter.Build([], Tue, Context(Berlin, now: Local(Berlin, 2026, 12, 3, 7)));
        Assert.Equal([Tue.AddDays(2)], agenda.Days.Where(d => d.IsToday).Select(d => d.Date));
    }
}
