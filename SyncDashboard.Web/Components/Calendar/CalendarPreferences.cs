using SyncDashboard.Core.Formatting;

namespace SyncDashboard.Web.Components.Calendar;

/// <summary>How the calendar and the editor format dates for a viewer.</summary>
public static class CalendarPreferences
{
    /// <summary>Until Settings holds the user's culture (issue 10), everyone reads en-US: Sunday first, 12-hour clock.</summary>
    public const string DefaultCulture = "en-US";

    public static DateTimeFormatter FormatterFor(TimeZoneInfo zone) => new(DisplayPreferences.FromCulture(DefaultCulture, zone));
}
