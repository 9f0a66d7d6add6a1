using SyncDashboard.Web.Calendar.Layout;
using static SyncDashboard.Tests.Unit.Calendar.LayoutKit;

namespace SyncDashboard.Tests.Unit.Calendar;

/// <summary>Overlapping timed events side by side in one day column.</summary>
public sealed class ColumnPackingTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);

    private static TimeGridDay Lay(params (string Title, string From, string To)[] events) => Lay(null, events);

    private static TimeGridDay Lay(LayoutOptions? options, params (string Title, string From, string To)[] events) =>
        TimeGridLayouter.Day(events.Select(e => On(Utc, Day, e.Title, e.From, e.To)), Day, Context(Utc, options: options)).Days.Single();

    [Fact]
    public void TwoOverlappingEventsShareTheWidthInHalves()
    {
        var day = Lay(("A", "09:00", "10:00"), ("B", "09:30", "10:30"));
        Assert.Equal((0, 2, 1), day.Item("A").Place());
        Assert.Equal((1, 2, 1), day.Item("B").Place());
    }

    [Fact]
    public void ThreeEventsOverlappingAtOnceTakeThreeColumns()
    {
        var day = Lay(("A", "09:00", "11:00"), ("B", "09:15", "10:00"), ("C", "09:30", "10:30"));
        Assert.Equal([(0, 3, 1), (1, 3, 1), (2, 3, 1)], new[] { "A", "B", "C" }.Select(t => day.Item(t).Place()));
    }

    [Fact]
    public void AChainOfOverlapsIsOneClusterAndReusesAFreedColumn()
    {
        // A and C never overlap, but B overlaps both: one cluster of two columns, C back in A's column.
        var day = Lay(("A", "09:00", "10:00"), ("B", "09:30", "11:00"), ("C", "10:30", "11:30"));
        Assert.Equal((0, 2, 1), day.Item("A").Place());
        Assert.Equal((1, 2, 1), day.Item("B").Place());
        Assert.Equal((0, 2, 1), day.Item("C").Place());
    }

    [Fact]
    public void SeparateClustersKeepTheirOwnColumnCounts()
    {
        var day = Lay(("A", "09:00", "10:00"), ("B", "09:30", "10:00"), ("Lunch", "12:00", "13:00"));
        Assert.Equal(2, day.Item("A").ColumnCount);
        Assert.Equal((0, 1, 1), day.Item("Lunch").Place());
    }

    [Fact]
    public void EventsThatOnlyTouchDoNotOverlap()
    {
        var day = Lay(("A", "09:00", "10:00"), ("B", "10:00", "11:00"));
        Assert.Equal((0, 1, 1), day.Item("A").Place());
        Assert.Equal((0, 1, 1), day.Item("B").Place());
    }

    [Fact]
    public void IdenticalStartsPutTheLongerFirstThenByTitle()
    {
        var day = Lay(("Zeta", "09:00", "10:00"), ("Alpha", "09:00", "10:00"), ("Long", "09:00", "12:00"));
        Assert.Equal(0, day.Item("Long").Column);
        Assert.Equal(1, day.Item("Alpha").Column);
        Assert.Equal(2, day.Item("Zeta").Column);
    }

    [Fact]
    public void AnItemExpandsRightOverColumnsFreeForItsWholeTime()
    {
        // Long in column 0, B and C in 1 and 2 early on; D (11:00) reuses column 1 and, with C long gone, spans 1–2.
        var day = Lay(("Long", "09:00", "12:00"), ("B", "09:00", "10:00"), ("C", "09:30", "10:30"), ("D", "11:00", "12:00"));
        Assert.Equal((0, 3, 1), day.Item("Long").Place());
        Assert.Equal((1, 3, 1), day.Item("B").Place());
        Assert.Equal((2, 3, 1), day.Item("C").Place());
        Assert.Equal((1, 3, 2), day.Item("D").Place());
    }

    [Fact]
    public void AZeroLengthEventKeepsItsTimeAndIsPackedAsIfDrawnAtTheMinimumHeight()
    {
        var day = Lay(("Reminder", "09:00", "09:00"), ("Call", "09:05", "10:00"));
        Assert.Equal(540, day.Item("Reminder").TopMinutes);
        Assert.Equal(0, day.Item("Reminder").DurationMinutes);
        Assert.Equal((0, 2, 1), day.Item("Reminder").Place());
        Assert.Equal((1, 2, 1), day.Item("Call").Place());
    }

    [Fact]
    public void WithoutAMinimumHeightAZeroLengthEventOverlapsNothing()
    {
        var day = Lay(new LayoutOptions { MinimumItemMinutes = 0 }, ("Reminder", "09:00", "09:00"), ("Call", "09:05", "10:00"));
        Assert.Equal((0, 1, 1), day.Item("Reminder").Place());
        Assert.Equal((0, 1, 1), day.Item("Call").Place());
    }

    [Fact]
    public void TwoZeroLengthEventsAtTheSameMinuteSitSideBySide()
    {
        var day = Lay(("A", "13:00", "13:00"), ("B", "13:00", "13:00"));
        Assert.Equal([(0, 2, 1), (1, 2, 1)], new[] { "A", "B" }.Select(t => day.Item(t).Place()));
    }

    [Fact]
    public void ItemsComeOutByTopThenColumn()
    {
        var day = Lay(("Late", "15:00", "16:00"), ("B", "09:00", "10:00"), ("A", "09:00", "10:30"));
        Assert.Equal(["A", "B", "Late"], day.Items.Select(i => i.Event.Title));
    }
}
