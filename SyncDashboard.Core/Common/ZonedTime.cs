namespace SyncDashboard.Core.Common;

/// <summary>Wall-clock times in a user's or an event's zone.</summary>
public static class ZonedTime
{
    /// <summary>
    /// The UTC instant of a wall-clock time in <paramref name="zone"/>. A time that does not exist because the clocks
    /// jumped forward (02:30 on a spring-forward night) is read with the offset before the jump — it lands as far after
    /// the jump as it was into the gap, as RFC 5545 and Google do — instead of throwing.
    /// </summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (!zone.IsInvalidTime(unspecified)) return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
        // No zone changes its offset twice within a few hours, so this is the offset in force just before the gap.
        var offsetBefore = zone.GetUtcOffset(unspecified.AddHours(-6));
        return DateTime.SpecifyKind(unspecified - offsetBefore, DateTimeKind.Utc);
    }

    public static DateTimeOffset ToUtcOffset(DateTime local, TimeZoneInfo zone) => new(ToUtc(local, zone), TimeSpan.Zero);
}
