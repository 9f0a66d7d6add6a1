using SyncDashboard.Core.Events;

namespace SyncDashboard.Tests.Unit.Recurrence;

public sealed class RecurrencePatternTests
{
    /// <summary>Tuesday 8 December 2026, 18:30 — the second Tuesday of its month.</summary>
    private static readonly DateTime Tue8Dec = new(2026, 12, 8, 18, 30, 0);
    /// <summary>Thursday 31 December 2026 — the month's last day and its last (5th) Thursday.</summary>
    private static readonly DateTime Thu31Dec = new(2026, 12, 31, 9, 0, 0);

    private static readonly HashSet<DayOfWeek> MonThu = [DayOfWeek.Thursday, DayOfWeek.Monday];

    public static TheoryData<RecurrencePattern, DateTime, bool, string> Rules => new()
    {
        { new(RepeatFrequency.Daily), Tue8Dec, false, "RRULE:FREQ=DAILY" },
        { new(RepeatFrequency.Daily, Interval: 3, End: RepeatEnd.AfterCount, Count: 10), Tue8Dec, false, "RRULE:FREQ=DAILY;INTERVAL=3;COUNT=10" },
        { new(RepeatFrequency.Weekly), Tue8Dec, false, "RRULE:FREQ=WEEKLY;BYDAY=TU" },
        { new(RepeatFrequency.Weekly, 2, MonThu, End: RepeatEnd.AfterCount, Count: 6), Tue8Dec, false, "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=6" },
        { new(RepeatFrequency.Weekly, 1, new HashSet<DayOfWeek> { DayOfWeek.Sunday, DayOfWeek.Saturday }), Tue8Dec, false, "RRULE:FREQ=WEEKLY;BYDAY=SA,SU" },
        { new(RepeatFrequency.Monthly), Tue8Dec, false, "RRULE:FREQ=MONTHLY;BYMONTHDAY=8" },
        { new(RepeatFrequency.Monthly, MonthlyBy: MonthlyBy.WeekdayOfMonth), Tue8Dec, false, "RRULE:FREQ=MONTHLY;BYDAY=2TU" },
        { new(RepeatFrequency.Monthly, 2, MonthlyBy: MonthlyBy.LastDayOfMonth), Thu31Dec, false, "RRULE:FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-1" },
        { new(RepeatFrequency.Monthly, MonthlyBy: MonthlyBy.WeekdayOfMonth), Thu31Dec, false, "RRULE:FREQ=MONTHLY;BYDAY=5TH" },
        { new(RepeatFrequency.Monthly, MonthlyBy: MonthlyBy.LastWeekdayOfMonth), Thu31Dec, false, "RRULE:FREQ=MONTHLY;BYDAY=-1TH" },
        { new(RepeatFrequency.Yearly), Tue8Dec, false, "RRULE:FREQ=YEARLY" },
        { new(RepeatFrequency.Yearly, MonthlyBy: MonthlyBy.WeekdayOfMonth), Tue8Dec, false, "RRULE:FREQ=YEARLY;BYMONTH=12;BYDAY=2TU" },
        { new(RepeatFrequency.Yearly, MonthlyBy: MonthlyBy.LastDayOfMonth), Thu31Dec, false, "RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1" },
        // The end of 31 Dec in Berlin (UTC+1) is 22:59:59 UTC, as Google writes it; an all-day series ends on a date.
        { new(RepeatFrequency.Daily, End: RepeatEnd.OnDate, Until: new DateOnly(2026, 12, 31)), Tue8Dec, false, "RRULE:FREQ=DAILY;UNTIL=20261231T225959Z" },
        { new(RepeatFrequency.Daily, End: RepeatEnd.OnDate, Until: new DateOnly(2026, 12, 31)), Tue8Dec.Date, true, "RRULE:FREQ=DAILY;UNTIL=20261231" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void ChoicesBecomeTheRuleGoogleWrites(RecurrencePattern pattern, DateTime start, bool allDay, string rule) =>
        Assert.Equal(rule, pattern.ToRule(start, allDay, "Europe/Berlin"));

    [Theory]
    [MemberData(nameof(Rules))]
    public void RuleReadsBackIntoTheSameChoices(RecurrencePattern pattern, DateTime start, bool allDay, string rule)
    {
        Assert.True(RecurrencePattern.TryFrom(rule, start, allDay ? null : "Europe/Berlin", out var read));
        Assert.Equal(pattern with { Weekdays = pattern.Frequency == RepeatFrequency.Weekly ? pattern.WeekdaysFor(start) : null }, read);
    }

    [Theory]
    [InlineData("RRULE:FREQ=WEEKLY;WKST=SU;BYDAY=MO", RepeatFrequency.Weekly)] // Google's UI writes WKST=SU; weekly every week it changes nothing
    [InlineData("RRULE:FREQ=MONTHLY", RepeatFrequency.Monthly)]
    [InlineData("RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=8", RepeatFrequency.Yearly)]
    [InlineData("RRULE:FREQ=WEEKLY;BYDAY=TU\nEXDATE:20261215T173000Z", RepeatFrequency.Weekly)] // EXDATE is no choice: ignored here, kept by the editor
    public void EquivalentSpellingsAreReadToo(string rule, RepeatFrequency frequency)
    {
        Assert.True(RecurrencePattern.TryFrom(rule, Tue8Dec, "Europe/Berlin", out var read));
        Assert.Equal(frequency, read!.Frequency);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("RRULE:FREQ=MONTHLY;BYMONTHDAY=15")] // not the first day's date
    [InlineData("RRULE:FREQ=MONTHLY;BYDAY=3TU")] // 8 December is the 2nd Tuesday
    [InlineData("RRULE:FREQ=MONTHLY;BYDAY=-1TU")] // and not the last
    [InlineData("RRULE:FREQ=MONTHLY;BYMONTHDAY=1,15")]
    [InlineData("RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1")]
    [InlineData("RRULE:FREQ=YEARLY;BYMONTH=3")]
    [InlineData("RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR")]
    [InlineData("RRULE:FREQ=DAILY;BYHOUR=9,17")]
    [InlineData("RRULE:FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=MO,SU")] // the week's start changes which Sunday
    [InlineData("RRULE:FREQ=DAILY\nRDATE:20261224T090000Z")]
    [InlineData("RRULE:FREQ=SECONDLY")]
    [InlineData("EXDATE:20261215T173000Z")]
    public void RulesThePickerCannotSayAreLeftAsCustom(string? rule) =>
        Assert.False(RecurrencePattern.TryFrom(rule, Tue8Dec, "Europe/Berlin", out _));

    [Fact]
    public void AnUntilInstantIsReadAsItsDayInTheSeriesZone()
    {
        // 04:59:59 UTC on 1 January is still 31 December in New York.
        Assert.True(RecurrencePattern.TryFrom("RRULE:FREQ=DAILY;UNTIL=20270101T045959Z", Tue8Dec, "America/New_York", out var read));
        Assert.Equal(new DateOnly(2026, 12, 31), read!.Until);
    }

    [Fact]
    public void MonthlyChoicesFollowTheFirstDay()
    {
        Assert.Equal([MonthlyBy.DayOfMonth, MonthlyBy.WeekdayOfMonth], RecurrencePattern.MonthlyChoices(Tue8Dec));
        Assert.Equal([MonthlyBy.DayOfMonth, MonthlyBy.LastDayOfMonth, MonthlyBy.WeekdayOfMonth, MonthlyBy.LastWeekdayOfMonth],
            RecurrencePattern.MonthlyChoices(Thu31Dec));
    }
}
