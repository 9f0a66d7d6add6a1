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

    [Theory]
    // Months without a 31st are skipped, as RFC 5545 says (not moved to the 30th).
    [InlineData("2026-01-31", "RRULE:FREQ=MONTHLY;COUNT=4", "2026-01-31 2026-03-31 2026-05-31 2026-07-31")]
    [InlineData("2026-01-31", "RRULE:FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3", "2026-01-31 2026-03-31 2026-05-31")]
    [InlineData("2026-01-31", "RRULE:FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=4", "2026-01-31 2026-02-28 2026-03-31 2026-04-30")]
    [InlineData("2026-01-30", "RRULE:FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=30;COUNT=3", "2026-01-30 2026-03-30 2026-04-30")]
    [InlineData("2026-12-08", "RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=3", "2026-12-08 2027-01-12 2027-02-09")]
    [InlineData("2026-12-25", "RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=3", "2026-12-25 2027-01-29 2027-02-26")]
    // Only months with five Thursdays have a 5th.
    [InlineData("2026-12-31", "RRULE:FREQ=MONTHLY;BYDAY=5TH;COUNT=3", "2026-12-31 2027-04-29 2027-07-29")]
    [InlineData("2026-12-08", "RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;UNTIL=20270501", "2026-12-08 2027-02-09 2027-04-13")]
    [InlineData("2026-11-26", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;COUNT=3", "2026-11-26 2027-11-25 2028-11-23")]
    [InlineData("2026-02-28", "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1;COUNT=3", "2026-02-28 2027-02-28 2028-02-29")]
    [InlineData("2028-02-29", "RRULE:FREQ=YEARLY;COUNT=2", "2028-02-29 2032-02-29")]
    // A first day the rule does not name is no occurrence, and COUNT counts from the first that is.
    [InlineData("2026-12-09", "RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=2", "2027-01-12 2027-02-09")]
    // WKST decides which weeks "every 2 weeks" means: Monday-first weeks pair Sunday 13 Dec with Monday 7 Dec.
    [InlineData("2026-12-07", "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;COUNT=4", "2026-12-07 2026-12-13 2026-12-21 2026-12-27")]
    [InlineData("2026-12-07", "RRULE:FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=MO,SU;COUNT=4", "2026-12-07 2026-12-20 2026-12-21 2027-01-03")]
    // An EXDATE removes an occurrence but still counts towards COUNT.
    [InlineData("2026-12-08", "RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=3\nEXDATE;VALUE=DATE:20270112", "2026-12-08 2027-02-09")]
    public void MonthlyAndYearlyDaysFollowRfc5545(string first, string rule, string expected)
    {
        var start = DateTime.SpecifyKind(DateTime.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        var days = RecurrenceExpander.Occurrences(start, start.AddDays(1), true, null, rule.Replace("\\n", "\n"), start.AddYears(-1), start.AddYears(6))
            .Select(o => o.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, string.Join(" ", days));
    }

    [Fact]
    public void MonthlyWeekdayKeepsItsLocalTimeAcrossDaylightSaving()
    {
        // The last Friday at 09:00 New York: 27 Feb 2026 is EST (UTC-5), 27 Mar is EDT (UTC-4).
        var start = new DateTime(2026, 2, 27, 14, 0, 0, DateTimeKind.Utc);
        var starts = RecurrenceExpander.Occurrences(start, start.AddHours(1), false, "America/New_York", "RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=2", From.AddYears(-1), To)
            .Select(o => o.Start);
        Assert.Equal([start, new DateTime(2026, 3, 27, 13, 0, 0, DateTimeKind.Utc)], starts);
    }
}
