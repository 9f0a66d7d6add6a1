using SyncDashboard.Core.Common;

namespace SyncDashboard.Tests.Unit;

public sealed class ZonedTimeTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo LordHowe = TimeZoneInfo.FindSystemTimeZoneById("Australia/Lord_Howe");

    [Fact]
    public void OrdinaryTimeConvertsWithTheZonesOffset()
    {
        Assert.Equal(new DateTime(2026, 3, 10, 8, 30, 0, DateTimeKind.Utc), ZonedTime.ToUtc(new DateTime(2026, 3, 10, 9, 30, 0), Berlin));
        Assert.Equal(new DateTime(2026, 7, 10, 7, 30, 0, DateTimeKind.Utc), ZonedTime.ToUtc(new DateTime(2026, 7, 10, 9, 30, 0), Berlin));
    }

    [Fact]
    public void TimeInsideTheSpringForwardGapLandsAsFarAfterTheJumpInsteadOfThrowing()
    {
        // 02:30 on 29 March 2026 does not exist in Berlin (02:00 CET → 03:00 CEST): it is 03:30 CEST, 01:30 UTC.
        var utc = ZonedTime.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0), Berlin);
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), utc);
        Assert.Equal(new DateTime(2026, 3, 29, 3, 30, 0), TimeZoneInfo.ConvertTimeFromUtc(utc, Berlin));
    }

    [Fact]
    public void HalfHourGapIsHonouredToo()
    {
        // Lord Howe Island springs forward by 30 minutes: 02:00 → 02:30 on 4 October 2026; 02:15 reads as 02:45.
        var utc = ZonedTime.ToUtc(new DateTime(2026, 10, 4, 2, 15, 0), LordHowe);
        Assert.Equal(new DateTime(2026, 10, 4, 2, 45, 0), TimeZoneInfo.ConvertTimeFromUtc(utc, LordHowe));
    }
}
