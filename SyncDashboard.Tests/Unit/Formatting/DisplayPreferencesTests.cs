using SyncDashboard.Core.Formatting;
using System.Globalization;

namespace SyncDashboard.Tests.Unit.Formatting;

public sealed class DisplayPreferencesTests
{
    [Theory]
    [InlineData("en-US", "en-US", HourCycle.H12, DayOfWeek.Sunday)]
    [InlineData("en-GB", "en-GB", HourCycle.H23, DayOfWeek.Monday)]
    [InlineData("de-DE", "de-DE", HourCycle.H23, DayOfWeek.Monday)]
    [InlineData("fr-FR", "fr-FR", HourCycle.H23, DayOfWeek.Monday)]
    [InlineData("ja-JP", "ja-JP", HourCycle.H23, DayOfWeek.Sunday)]
    [InlineData("ko-KR", "ko-KR", HourCycle.H12, DayOfWeek.Sunday)]
    [InlineData("fa-IR", "fa-IR", HourCycle.H23, DayOfWeek.Saturday)]
    // A bare language takes the region it is most used in; a header takes its first tag; '_' is read as '-'.
    [InlineData("de", "de-DE", HourCycle.H23, DayOfWeek.Monday)]
    [InlineData("en-AU,en;q=0.9,de;q=0.5", "en-AU", HourCycle.H12, DayOfWeek.Monday)]
    [InlineData("en_GB", "en-GB", HourCycle.H23, DayOfWeek.Monday)]
    [InlineData("en-GB-u-ca-gregory", "en-GB", HourCycle.H23, DayOfWeek.Monday)]
    public void ClockAndWeekStartComeFromTheBrowsersCulture(string browser, string culture, HourCycle cycle, DayOfWeek weekStart)
    {
        var p = DisplayPreferences.FromCulture(browser, TimeZoneInfo.Utc);
        Assert.Equal((culture, cycle, weekStart), (p.Culture.Name, p.HourCycle, p.WeekStart));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("xx-YY")]
    [InlineData("not a culture")]
    public void AnythingUnknownFallsBackToTheInvariantCulture(string? browser)
    {
        var p = DisplayPreferences.FromCulture(browser, TimeZoneInfo.Utc);
        Assert.Same(CultureInfo.InvariantCulture, p.Culture);
        Assert.Equal((HourCycle.H23, DayOfWeek.Sunday), (p.HourCycle, p.WeekStart));
        Assert.Equal("14:05", new DateTimeFormatter(p).Time(FormatKit.Tue1405));
    }

    [Fact]
    public void WhatTheUserChoseWinsOverTheCulturesHabit()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var p = DisplayPreferences.FromCulture("en-US", zone, HourCycle.H23, DayOfWeek.Monday);
        Assert.Equal((HourCycle.H23, DayOfWeek.Monday, zone), (p.HourCycle, p.WeekStart, p.Zone));
    }
}
