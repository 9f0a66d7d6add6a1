using SyncDashboard.Core.Formatting;
using static SyncDashboard.Tests.Unit.Formatting.FormatKit;

namespace SyncDashboard.Tests.Unit.Formatting;

/// <summary>Single times and dates in the cultures the app is tried in, on both clocks.</summary>
public sealed class DateTimeFormatterTests
{
    [Theory]
    [InlineData("en-US", null, "2:05" + Nb + "PM", "9:05" + Nb + "AM")]
    [InlineData("en-US", HourCycle.H23, "14:05", "09:05")]
    [InlineData("en-GB", null, "14:05", "09:05")]
    [InlineData("en-GB", HourCycle.H12, "2:05" + Nb + "pm", "9:05" + Nb + "am")]
    [InlineData("de-DE", null, "14:05", "09:05")]
    [InlineData("de-DE", HourCycle.H12, "2:05" + Nb + "PM", "9:05" + Nb + "AM")]
    [InlineData("fr-FR", null, "14:05", "09:05")]
    [InlineData("ja-JP", null, "14:05", "9:05")]
    [InlineData("ja-JP", HourCycle.H12, "午後2:05", "午前9:05")]
    [InlineData("ko-KR", null, "오후 2:05", "오전 9:05")]
    [InlineData("ko-KR", HourCycle.H23, "14:05", "09:05")]
    public void TimeFollowsTheCultureAndTheChosenClock(string culture, HourCycle? cycle, string afternoon, string morning)
    {
        var f = For(culture, cycle);
        Assert.Equal(afternoon, f.Time(Tue1405));
        Assert.Equal(morning, f.Time(At(12, 1, 9, 5)));
    }

    [Theory]
    [InlineData("en-US", null, "2" + Nb + "PM")]
    [InlineData("en-US", HourCycle.H23, "14:00")]
    [InlineData("de-DE", null, "14:00")]
    [InlineData("ja-JP", HourCycle.H12, "午後2")]
    public void HourLabelsDropTheMinutesOnlyOnA12HourClock(string culture, HourCycle? cycle, string label) =>
        Assert.Equal(label, For(culture, cycle).HourLabel(14));

    [Fact]
    public void MidnightAndNoonReadAsTheClockSays()
    {
        Assert.Equal("12:00" + Nb + "AM", For("en-US").Time(At(12, 1, 0)));
        Assert.Equal("12:00" + Nb + "PM", For("en-US").Time(At(12, 1, 12)));
        Assert.Equal("00:00", For("en-GB").Time(At(12, 1, 0)));
    }

    [Theory]
    [InlineData("en-US", "Tue, Dec 1", "Dec 1, 2026", "Tuesday, December 1, 2026")]
    [InlineData("en-GB", "Tue, 1 Dec", "1 Dec 2026", "Tuesday, 1 December 2026")]
    [InlineData("de-DE", "Di, 1. Dez.", "1. Dez. 2026", "Dienstag, 1. Dezember 2026")]
    [InlineData("fr-FR", "mar. 1 déc.", "1 déc. 2026", "mardi 1 décembre 2026")]
    // A weekday glued to the date keeps its full name (an abbreviated 火 alone would read as a stray character).
    [InlineData("ja-JP", "12月1日火曜日", "2026年12月1日", "2026年12月1日火曜日")]
    [InlineData("es-ES", "mar, 1 de dic", "1 de dic de 2026", "martes, 1 de diciembre de 2026")]
    // The weekday goes where the culture's long date puts it, with the culture's own joining text.
    [InlineData("hu-HU", "dec. 1., K", "2026. dec. 1.", "2026. december 1., kedd")]
    public void DatesFollowTheCulturesOwnPatterns(string culture, string shortDate, string medium, string longDate)
    {
        var f = For(culture);
        Assert.Equal(shortDate, f.DateShort(Tue1Dec));
        Assert.Equal(medium, f.DateMedium(Tue1Dec));
        Assert.Equal(longDate, f.DateLong(Tue1Dec));
        Assert.Equal(shortDate, f.DateShort(Tue1405));
    }

    [Fact]
    public void AMonthNameNextToADayNumberTakesItsFormatForm()
    {
        // Russian declines the month after a day ("1 декабря"), and abbreviates "дек."; the culture's data does both.
        var f = For("ru-RU");
        Assert.Equal("вт, 1 дек.", f.DateShort(Tue1Dec));
        Assert.Equal("вторник, 1 декабря 2026\u202Fг.", f.DateLong(Tue1Dec));
        Assert.Equal("декабрь 2026\u202Fг.", f.MonthTitle(Tue1Dec));
    }

    [Theory]
    // 10:00 UTC on 1 December is already the 2nd across the date line and still 30 November east of it.
    [InlineData("Pacific/Kiritimati", "Wed, 2 Dec", "00:00", "2026-12-02T00:00:00+14:00")]
    [InlineData("Pacific/Auckland", "Tue, 1 Dec", "23:00", "2026-12-01T23:00:00+13:00")]
    [InlineData("Pacific/Pago_Pago", "Mon, 30 Nov", "23:00", "2026-11-30T23:00:00-11:00")]
    [InlineData("UTC", "Tue, 1 Dec", "10:00", "2026-12-01T10:00:00+00:00")]
    public void InstantsAreShownInTheUsersZone(string zoneId, string date, string time, string iso)
    {
        var f = For("en-GB", zone: TimeZoneInfo.FindSystemTimeZoneById(zoneId));
        var instant = At(12, 1, 10);
        Assert.Equal((date, time, iso), (f.DateShort(instant), f.Time(instant), f.Iso(instant)));
    }

    [Fact]
    public void TheMachineReadableFormOfADateIsJustTheDate() =>
        Assert.Equal("2026-12-05", DateTimeFormatter.Iso(new DateOnly(2026, 12, 5)));

    [Fact]
    public void CulturesWithAnotherDefaultCalendarAreShownInGregorianLikeTheGrid()
    {
        // ar-SA counts in Umm al-Qura years (1448) and th-TH in Buddhist ones (2569) by default.
        Assert.Contains("2026", For("ar-SA").MonthTitle(Tue1Dec));
        Assert.Equal("ธันวาคม 2026", For("th-TH").MonthTitle(Tue1Dec));
        Assert.DoesNotContain("2569", For("th-TH").DateLong(Tue1Dec));
    }

    [Theory]
    [InlineData("en-US", "Tue")]
    [InlineData("de-DE", "Di")]
    [InlineData("ja-JP", "火")]
    public void WeekdayHeadersAreTheCulturesAbbreviations(string culture, string tuesday) =>
        Assert.Equal(tuesday, For(culture).WeekdayShort(DayOfWeek.Tuesday));

    [Fact]
    public void TheInvariantFallbackStillReadsCompletely()
    {
        var f = For("xx-YY");
        Assert.Equal(("14:05", "Tuesday, 01 December 2026"), (f.Time(Tue1405), f.DateLong(Tue1Dec)));
    }
}
