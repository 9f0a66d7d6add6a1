namespace SyncDashboard.Web.Calendar.Layout;

public enum CalendarViewKind
{
    Month,
    Week,
    Day,
    /// <summary>A list of days, for phones.</summary>
    Agenda,
}
