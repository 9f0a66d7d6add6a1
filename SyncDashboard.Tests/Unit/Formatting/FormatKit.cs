using SyncDashboard.Core.Formatting;

namespace SyncDashboard.Tests.Unit.Formatting;

internal static class FormatKit
{
    /// <summary>U+202F, the narrow no-break space the culture data puts before AM/PM.</summary>
    public const string Nb = "\u202F";

    public static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Tuesday 1 December 2026, 14:05 UTC.</summary>
    public static readonly DateTimeOffset Tue1405 = new(2026, 12, 1, 14, 5, 0, TimeSpan.Zero);

    public static readonly DateOnly Tue1Dec = new(2026, 12, 1);

    public static DateTimeFormatter For(string culture, HourCycle? cycle = null, TimeZoneInfo? zone = null) =>
        new(DisplayPreferences.FromCulture(culture, zone ?? Utc, cycle));

    public static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);
}
