using SyncDashboard.Core.Formatting;
using static SyncDashboard.Tests.Unit.Formatting.FormatKit;

namespace SyncDashboard.Tests.Unit.Formatting;

/// <summary>The next-event widget's "now", "in 5 min", "tomorrow 09:00"; all-day events by their day.</summary>
public sealed class RelativePhraseTests
{
    /// <summary>Tuesday 1 December 2026, 08:00 in Berlin.</summary>
    private static readonly DateTimeOffset Now = At(12, 1, 7);

    private static readonly DateTimeFormatter Gb = For("en-GB", zone: Berlin);

    [Theory]
    [InlineData(0, 30, "now")]            // starts this instant
    [InlineData(-10, 30, "now")]          // running
    [InlineData(-60, 30, "ended")]
    [InlineData(0.5, 30, "in 1 min")]     // never "in 0 min"
    [InlineData(5, 30, "in 5 min")]
    [InlineData(59, 30, "in 59 min")]
    [InlineData(60, 30, "in 1 h")]
    [InlineData(120, 30, "in 2 h")]
    [InlineData(150, 30, "in 3 h")]       // to the nearest hour
    [InlineData(235, 30, "in 4 h")]
    [InlineData(240, 30, "today 12:00")]  // past a few hours the time of day says more
    [InlineData(600, 30, "today 18:00")]
    [InlineData(1500, 30, "tomorrow 09:00")]
    [InlineData(4 * 1440 + 60, 30, "Sat 09:00")]
    [InlineData(8 * 1440, 30, "Wed, 9 Dec 08:00")]
    public void ATimedEventReadsByHowFarOffItIs(double startsInMinutes, double lastsMinutes, string expected)
    {
        var start = Now.AddMinutes(startsInMinutes);
        Assert.Equal(expected, Gb.Relative(Now, start, start.AddMinutes(lastsMinutes)));
    }

    [Fact]
    public void AZeroLengthEventIsNowOnlyAtItsInstant()
    {
        Assert.Equal("now", Gb.Relative(Now, Now, Now));
        Assert.Equal("ended", Gb.Relative(Now, Now.AddMinutes(-1), Now.AddMinutes(-1)));
    }

    [Fact]
    public void TomorrowIsTheUsersTomorrow()
    {
        // 20:00 UTC → 08:00 UTC next day: in Berlin 21:00 → tomorrow 09:00; in Tokyo 05:00 → 17:00 the same day.
        var (now, start) = (At(12, 1, 20), At(12, 2, 8));
        Assert.Equal("tomorrow 09:00", For("en-GB", zone: Berlin).Relative(now, start, start.AddHours(1)));
        Assert.Equal("today 17:00", For("en-GB", zone: TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).Relative(now, start, start.AddHours(1)));
    }

    [Fact]
    public void PhrasesUseTheUsersClockAndDayNames()
    {
        var start = Now.AddMinutes(1500);
        Assert.Equal("tomorrow 9:00" + Nb + "AM", For("en-US", zone: Berlin).Relative(Now, start, start.AddHours(1)));
        var saturday = Now.AddDays(4);
        Assert.Equal("Sa 08:00", For("de-DE", zone: Berlin).Relative(Now, saturday, saturday.AddHours(1)));
    }

    [Theory]
    [InlineData("2026-12-02", "2026-12-03", "tomorrow")]  // never "in 15 h"
    [InlineData("2026-12-01", "2026-12-02", "today")]
    [InlineData("2026-11-30", "2026-12-03", "today")]     // a multi-day event under way
    [InlineData("2026-11-29", "2026-12-01", "ended")]     // Sun–Mon ended at Tuesday's midnight
    [InlineData("2026-12-05", "2026-12-07", "Sat")]
    [InlineData("2026-12-10", "2026-12-11", "Thu, 10 Dec")]
    public void AnAllDayEventReadsByItsDay(string first, string endExclusive, string expected) =>
        Assert.Equal(expected, Gb.RelativeAllDay(Now, DateOnly.Parse(first), DateOnly.Parse(endExclusive)));

    [Fact]
    public void AnAllDayEventAsStoredIsReadByItsDates()
    {
        // Late evening in Los Angeles is already the next UTC day; the event is still "tomorrow" there.
        var la = For("en-GB", zone: TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"));
        var now = At(12, 2, 7); // 23:00 on Tue 1 Dec in Los Angeles
        Assert.Equal("tomorrow", la.Relative(now, At(12, 2, 0), At(12, 3, 0), isAllDay: true));
        Assert.Equal("in 2 h", la.Relative(now, At(12, 2, 9), At(12, 2, 10), isAllDay: false));
    }
}
