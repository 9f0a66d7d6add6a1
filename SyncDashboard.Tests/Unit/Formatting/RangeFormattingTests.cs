using SyncDashboard.Core.Formatting;
using static SyncDashboard.Tests.Unit.Formatting.FormatKit;

namespace SyncDashboard.Tests.Unit.Formatting;

/// <summary>Spans of time, all-day spans by their exclusive end, and the views' titles.</summary>
public sealed class RangeFormattingTests
{
    [Theory]
    [InlineData("en-GB", null, "14:05–15:00")]
    [InlineData("de-DE", null, "14:05–15:00")]
    // Parts with spaces inside get a spaced dash so "PM – 3" does not read as one word.
    [InlineData("en-US", null, "2:05" + Nb + "PM – 3:00" + Nb + "PM")]
    [InlineData("en-GB", HourCycle.H12, "2:05" + Nb + "pm – 3:00" + Nb + "pm")]
    [InlineData("ja-JP", HourCycle.H12, "午後2:05–午後3:00")]
    public void ATimeRangeWithinADayShowsOnlyTheTimes(string culture, HourCycle? cycle, string expected) =>
        Assert.Equal(expected, For(culture, cycle).TimeRange(Tue1405, At(12, 1, 15)));

    [Fact]
    public void ARangeEndingAtMidnightStillReadsAsOneDay() =>
        Assert.Equal("22:00–00:00", For("en-GB").TimeRange(At(12, 1, 22), At(12, 2, 0)));

    [Theory]
    [InlineData("en-GB", "Tue, 1 Dec 22:00 – Wed, 2 Dec 02:00")]
    [InlineData("en-US", "Tue, Dec 1 10:00" + Nb + "PM – Wed, Dec 2 2:00" + Nb + "AM")]
    [InlineData("de-DE", "Di, 1. Dez. 22:00 – Mi, 2. Dez. 02:00")]
    public void ATimeRangeAcrossDaysNamesBothDays(string culture, string expected) =>
        Assert.Equal(expected, For(culture).TimeRange(At(12, 1, 22), At(12, 2, 2)));

    [Fact]
    public void TheDayOfARangeIsTheUsersDay()
    {
        // 22:00–23:00 UTC is one evening in London but crosses midnight in Berlin (23:00–00:00 is still one day there).
        Assert.Equal("22:00–23:00", For("en-GB").TimeRange(At(12, 1, 22), At(12, 1, 23)));
        Assert.Equal("23:00–00:00", For("en-GB", zone: Berlin).TimeRange(At(12, 1, 22), At(12, 1, 23)));
        Assert.Equal("Tue, 1 Dec 23:00 – Wed, 2 Dec 01:00", For("en-GB", zone: Berlin).TimeRange(At(12, 1, 22), At(12, 2, 0)));
    }

    [Theory]
    [InlineData("en-GB", "Sat, 5 Dec – Sun, 6 Dec")]
    [InlineData("en-US", "Sat, Dec 5 – Sun, Dec 6")]
    [InlineData("de-DE", "Sa, 5. Dez. – So, 6. Dez.")]
    [InlineData("fr-FR", "sam. 5 déc. – dim. 6 déc.")]
    [InlineData("ja-JP", "12月5日土曜日 – 12月6日日曜日")]
    public void ATwoDayAllDayEventReadsAsTwoDays(string culture, string expected) =>
        // Stored as Sat 5 to Mon 7 exclusive. The old dashboard showed "Sun · all day".
        Assert.Equal(expected, For(culture).AllDayRange(new DateOnly(2026, 12, 5), new DateOnly(2026, 12, 7)));

    [Theory]
    [InlineData("UTC")]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("America/Los_Angeles")]
    public void AnAllDayEventAsStoredIsReadAsDatesInEveryZone(string zoneId)
    {
        var f = For("en-GB", zone: TimeZoneInfo.FindSystemTimeZoneById(zoneId));
        Assert.Equal("Sat, 5 Dec – Sun, 6 Dec", f.EventRange(At(12, 5, 0), At(12, 7, 0), isAllDay: true));
        Assert.Equal("Sat, 5 Dec", f.EventRange(At(12, 5, 0), At(12, 6, 0), isAllDay: true));
    }

    [Fact]
    public void AnAllDayRangeAcrossANewYearCarriesTheYears() =>
        Assert.Equal("31 Dec 2026 – 1 Jan 2027", For("en-GB").AllDayRange(new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 2)));

    [Fact]
    public void AnEventRangeOnOneDayPutsTheDateBeforeTheTimes()
    {
        Assert.Equal("Tue, 1 Dec 14:05–15:00", For("en-GB").EventRange(Tue1405, At(12, 1, 15), isAllDay: false));
        Assert.Equal("Tue, 1 Dec 22:00 – Wed, 2 Dec 02:00", For("en-GB").EventRange(At(12, 1, 22), At(12, 2, 2), isAllDay: false));
    }

    [Theory]
    [InlineData("en-US", "December 2026", "Nov 30 – Dec 6, 2026", "Tuesday, December 1, 2026")]
    [InlineData("en-GB", "December 2026", "30 Nov – 6 Dec 2026", "Tuesday, 1 December 2026")]
    [InlineData("de-DE", "Dezember 2026", "30. Nov. – 6. Dez. 2026", "Dienstag, 1. Dezember 2026")]
    [InlineData("fr-FR", "décembre 2026", "30 nov. – 6 déc. 2026", "mardi 1 décembre 2026")]
    // Year-first cultures write the year on the first date.
    [InlineData("ja-JP", "2026年12月", "2026年11月30日 – 12月6日", "2026年12月1日火曜日")]
    public void ViewTitlesFollowTheCulture(string culture, string month, string week, string day)
    {
        var f = For(culture);
        Assert.Equal(month, f.MonthTitle(new DateOnly(2026, 12, 17)));
        Assert.Equal(week, f.RangeTitle(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 6)));
        Assert.Equal(day, f.DayTitle(Tue1Dec));
    }

    [Fact]
    public void AWeekAcrossANewYearNamesBothYears() =>
        Assert.Equal("Dec 28, 2026 – Jan 3, 2027", For("en-US").RangeTitle(new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 3)));
}
