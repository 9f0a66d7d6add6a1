using System.Globalization;

namespace SyncDashboard.Core.Formatting;

/// <summary>
/// The one place dates and times become text, for one person's <see cref="DisplayPreferences"/>. Instants come in as
/// UTC and are shown in the person's zone; all-day dates are dates and are never shifted by a zone. Every pattern is
/// the culture's own (see <see cref="CulturePatterns"/>); only the range dash and the relative phrases are ours.
/// </summary>
public sealed partial class DateTimeFormatter
{
    private readonly CulturePatterns patterns;

    public DateTimeFormatter(DisplayPreferences preferences)
    {
        Preferences = preferences;
        patterns = CulturePatterns.For(preferences.Culture, preferences.HourCycle);
    }

    public DisplayPreferences Preferences { get; }

    /// <summary>The culture as this formatter reads it (always its Gregorian calendar, since the grid is Gregorian).</summary>
    public CultureInfo Culture => patterns.Culture;

    private TimeZoneInfo Zone => Preferences.Zone;

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));

    /// <summary>"14:05", "2:05 PM", "午後2:05".</summary>
    public string Time(DateTimeOffset instant) => ToLocal(instant).ToString(patterns.Time, Culture);

    /// <summary>A time grid's row label: "14:00" on a 24-hour clock, "2 PM" on a 12-hour one.</summary>
    public string HourLabel(int hour) => new DateTime(2000, 1, 1, hour, 0, 0).ToString(patterns.HourLabel, Culture);

    /// <summary>"Tue, Dec 1" (en-US), "Di, 1. Dez." (de-DE), "12月1日火曜日" (ja-JP): weekday, day and month, no year.</summary>
    public string DateShort(DateOnly date) => Format(date, patterns.DateShort);

    public string DateShort(DateTimeOffset instant) => DateShort(LocalDate(instant));

    /// <summary>"Dec 1, 2026", "1. Dez. 2026", "2026年12月1日": day, month and year without the weekday.</summary>
    public string DateMedium(DateOnly date) => Format(date, patterns.DateMedium);

    /// <summary>"Dec 1", "1. Dez.", "12月1日".</summary>
    public string MonthDay(DateOnly date) => Format(date, patterns.MonthDay);

    /// <summary>The culture's full date: "Tuesday, December 1, 2026".</summary>
    public string DateLong(DateOnly date) => Format(date, patterns.DateLong);

    public string DateLong(DateTimeOffset instant) => DateLong(LocalDate(instant));

    /// <summary>"Tue, Dec 1 2:05 PM": the short date and the time, joined by a space as the culture's own full pattern is.</summary>
    public string DateTimeShort(DateTimeOffset instant) => $"{DateShort(instant)} {Time(instant)}";

    /// <summary>A column header's "Tue", "Di", "火".</summary>
    public string WeekdayShort(DayOfWeek day) => Culture.DateTimeFormat.GetAbbreviatedDayName(day);

    /// <summary>For <c>&lt;time datetime&gt;</c>: the local wall time with its offset, so it names the same instant.</summary>
    public string Iso(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>For <c>&lt;time datetime&gt;</c> of an all-day date: a date, which no zone can shift.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Format(DateOnly date, string pattern) => date.ToDateTime(TimeOnly.MinValue).ToString(pattern, Culture);
}
