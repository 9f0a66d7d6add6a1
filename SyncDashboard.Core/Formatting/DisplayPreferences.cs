using System.Globalization;

namespace SyncDashboard.Core.Formatting;

/// <summary>
/// Everything that decides how a date or time reads for one person: their culture (names, order, punctuation), their
/// clock (12/24 h), their time zone and the first day of their week. Every page, the editor, the widget and exports
/// take one of these, so no two places can disagree.
/// </summary>
public sealed record DisplayPreferences(CultureInfo Culture, HourCycle HourCycle, TimeZoneInfo Zone, DayOfWeek WeekStart)
{
    /// <summary>
    /// Preferences for someone who set nothing: the browser's culture decides the clock and the week start; a choice the
    /// user did make (<paramref name="hourCycle"/>, <paramref name="weekStart"/>) wins over the culture's habit.
    /// </summary>
    public static DisplayPreferences FromCulture(
        string? cultureName, TimeZoneInfo zone, HourCycle? hourCycle = null, DayOfWeek? weekStart = null)
    {
        var culture = CultureResolver.Resolve(cultureName);
        return new(culture, hourCycle ?? HourCycleOf(culture), zone, weekStart ?? culture.DateTimeFormat.FirstDayOfWeek);
    }

    /// <summary>A culture's own short time pattern says which clock it reads: an 'h' field is the 12-hour one.</summary>
    public static HourCycle HourCycleOf(CultureInfo culture) =>
        DatePattern.Parse(culture.DateTimeFormat.ShortTimePattern).Has('h') ? HourCycle.H12 : HourCycle.H23;
}
