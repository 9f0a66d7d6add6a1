using SyncDashboard.Core.Common;

namespace SyncDashboard.Web.Calendar.Layout;

/// <summary>Consecutive local dates, both ends inclusive.</summary>
public readonly record struct DateRange(DateOnly First, DateOnly Last)
{
    public int DayCount => Last.DayNumber - First.DayNumber + 1;

    public bool Contains(DateOnly date) => date >= First && date <= Last;

    public IEnumerable<DateOnly> Dates => Enumerable.Range(0, DayCount).Select(First.AddDays);

    /// <summary>
    /// The instants to ask the event list for: local midnight before <see cref="First"/> to local midnight after
    /// <see cref="Last"/>, widened by a day each way because all-day dates are stored as UTC midnights, which sit up to
    /// 14 hours from the viewer's midnight. The layout drops whatever falls outside the days it shows.
    /// </summary>
    public (DateTimeOffset FromUtc, DateTimeOffset ToUtc) QueryWindow(TimeZoneInfo zone) =>
        (ZonedTime.ToUtcOffset(First.AddDays(-1).ToDateTime(TimeOnly.MinValue), zone),
         ZonedTime.ToUtcOffset(Last.AddDays(2).ToDateTime(TimeOnly.MinValue), zone));
}
