using SyncDashboard.Core.Events;

namespace SyncDashboard.Tests.Unit;

public sealed class RecurrenceExpanderTests
{
    private static readonly DateTime From = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime To = new(2026, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void WeeklySeriesKeepsItsLocalTimeAcrossDaylightSaving()
    {
        // Mondays 09:00 Berlin from 19 Oct 2026 (CEST, UTC+2); Berlin leaves summer time on 25 Oct.
        var start = new DateTime(2026, 10, 19, 7, 0, 0, DateTimeKind.Utc);
        var occurrences = RecurrenceExpander.Occurrences(start, start.AddHours(1), false, "Europe/Berlin", "RRULE:FREQ=WEEKLY;COUNT=3", From, To).ToList();
        Assert.Equal([start, new DateTime(2026, 10, 26, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc)],
            occurrences.Select(o => o.Start));
    }

    [Fact]
    public void ByDayCountUntilAndExdateAreHonoured()
    {
        var start = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc); // a Monday
        var rule = "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20261112T000000Z\nEXDATE:20261104T090000Z";
        var starts = RecurrenceExpander.Occurrences(start, start.AddMinutes(30), false, "UTC", rule, From, To).Select(o => o.Start.Day).ToList();
        Assert.Equal([2, 9, 11], starts);
    }

    [Fact]
    public void OnlyOccurrencesNearTheWindowAreProduced()
    {
        var start = new DateTime(2020, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        var occurrences = RecurrenceExpander.Occurrences(start, start.AddHours(1), false, "UTC", "RRULE:FREQ=DAILY", From, From.AddDays(3)).ToList();
        Assert.InRange(occurrences.Count, 3, 5);
        Assert.All(occurrences, o => Assert.InRange(o.Start, From.AddDays(-1), From.AddDays(4)));
    }

    [Theory]
    [MemberData(nameof(RecurrenceRuleTests.HostileRules), MemberType = typeof(RecurrenceRuleTests))]
    public void HostileRuleShowsTheEventOnceInsteadOfThrowing(string recurrence, string problem)
    {
        _ = problem;
        var start = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal([(start, start.AddHours(1))], RecurrenceExpander.Occurrences(start, start.AddHours(1), false, "UTC", recurrence, From, To));
    }

    [Theory]
    [InlineData("RRULE:FREQ=DAILY;INTERVAL=1000")]
    [InlineData("RRULE:FREQ=WEEKLY;INTERVAL=1000;BYDAY=MO,SU")]
    [InlineData("RRULE:FREQ=MONTHLY;INTERVAL=1000")]
    [InlineData("RRULE:FREQ=YEARLY;INTERVAL=1000")]
    [InlineData("RRULE:FREQ=DAILY;COUNT=5000")]
    [InlineData("RRULE:FREQ=YEARLY")]
    public void LargestAllowedRulesStopAtTheHorizonEvenForTheWidestWindow(string recurrence)
    {
        var start = new DateTime(2199, 12, 31, 23, 0, 0, DateTimeKind.Utc);
        var occurrences = RecurrenceExpander.Occurrences(start, start.AddHours(1), false, "Pacific/Kiritimati", recurrence, DateTime.MinValue, DateTime.MaxValue).ToList();
        Assert.InRange(occurrences.Count, 0, 1000); // none when the start is not a day the rule names, as Google does
        Assert.All(occurrences, o => Assert.True(o.Start < EventLimits.Latest.AddDays(1)));
    }

    [Fact]
    public void EventDatedOutsideTheYearRangeIsNotExpanded()
    {
        var start = new DateTime(9999, 12, 30, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal([(start, start.AddDays(1))], RecurrenceExpander.Occurrences(start, start.AddDays(1), true, null, "RRULE:FREQ=DAILY", From, To));
    }

    [Fact]
    public void DailySeriesFromLongAgoStillReachesALateWindow()
    {
        var start = new DateTime(1950, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        var from = new DateTime(2150, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var occurrences = RecurrenceExpander.Occurrences(start, start.AddHours(1), false, "UTC", "RRULE:FREQ=DAILY", from, from.AddDays(3)).ToList();
        Assert.Contains(occurrences, o => o.Start == from.AddHours(12));
    }

    [Fact]
    public void DateOnlyUntilIncludesItsLastDay()
    {
        var start = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc); // a Monday
        var starts = RecurrenceExpander.Occurrences(start, start.AddHours(1), false, "UTC", "RRULE:FREQ=WEEKLY;UNTIL=20261116", From, To).Select(o => o.Start.Day);
        Assert.Equal([2, 9, 16], starts);
    }
}
