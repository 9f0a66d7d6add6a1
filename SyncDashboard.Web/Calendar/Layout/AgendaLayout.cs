namespace SyncDashboard.Web.Calendar.Layout;

/// <summary>The agenda (the phone's list): each day from the anchor, empty ones included so the UI can say "nothing".</summary>
public sealed record AgendaLayout(IReadOnlyList<AgendaDay> Days);

public sealed record AgendaDay(DateOnly Date, bool IsToday, IReadOnlyList<AgendaItem> Items);

/// <summary>
/// An event on one day of the list. One that touches several days is listed on each as "day
/// <see cref="DayNumber"/> of <see cref="DayCount"/>"; a timed one carries the part of it on this day
/// (<see cref="From"/>–<see cref="To"/>, UTC) so the row can show "until 02:00" or "from 22:00".
/// </summary>
public sealed record AgendaItem(
    LayoutEvent Event, int DayNumber, int DayCount, DateTimeOffset? From, DateTimeOffset? To, bool ContinuesBefore, bool ContinuesAfter)
{
    public bool IsMultiDay => DayCount > 1;
}
