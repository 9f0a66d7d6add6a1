using SyncDashboard.Core.Events;
using SyncDashboard.Web.Calendar.Layout;

namespace SyncDashboard.Tests.Unit.Calendar;

public sealed class LayoutEventTests
{
    private static EventDto Dto(DateTimeOffset start, DateTimeOffset end, bool allDay) =>
        new(Guid.NewGuid(), "E", start, end, allDay, null, null, null, null, null, 1, DateTimeOffset.UnixEpoch, []);

    [Fact]
    public void AnAllDayDtoIsReadAsItsUtcDates()
    {
        var e = LayoutEvent.From(Dto(new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), true));
        Assert.True(e.IsAllDay);
        Assert.Equal((new DateOnly(2026, 12, 5), new DateOnly(2026, 12, 7)), (e.AllDayStart, e.AllDayEnd));
        Assert.Equal(TimeSpan.FromDays(2), e.Duration);
    }

    [Fact]
    public void ATimedDtoKeepsItsInstantsInUtc()
    {
        var start = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.FromHours(1));
        var e = LayoutEvent.From(Dto(start, start.AddHours(1), false));
        Assert.False(e.IsAllDay);
        Assert.Equal(TimeSpan.Zero, e.Start.Offset);
        Assert.Equal(start, e.Start);
        Assert.Equal(TimeSpan.FromHours(1), e.Duration);
    }

    [Fact]
    public void AnEndBeforeTheStartBecomesZeroLengthAndAnEmptyAllDaySpanOneDay()
    {
        var start = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(start, LayoutEvent.Timed(Guid.NewGuid(), "T", start, start.AddHours(-1)).End);
        Assert.Equal(new DateOnly(2026, 12, 2), LayoutEvent.AllDay(Guid.NewGuid(), "A", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1)).AllDayEnd);
    }
}
