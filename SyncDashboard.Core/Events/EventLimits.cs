namespace SyncDashboard.Core.Events;

public static class EventLimits
{
    public const int TitleMax = 200;
    public const int LocationMax = 500;
    public const int DescriptionMax = 8000;
    public const int NotesMax = 8000;
    public const int RecurrenceMax = 2000;
    /// <summary>Guards against typos like year 20266 rather than modelling any real limit.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(366);

    /// <summary>
    /// Dates an event or a query may name. Wide enough for any real calendar, narrow enough that adding a day, a
    /// year's slack for time zones or a series' steps can never leave <see cref="DateTime"/>'s range.
    /// </summary>
    public const int MinYear = 1900;
    public const int MaxYear = 2200;
    public static readonly DateTime Earliest = new(MinYear, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    /// <summary>Exclusive: the first instant after year <see cref="MaxYear"/>.</summary>
    public static readonly DateTime Latest = new(MaxYear + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly string RangeText = $"between {MinYear}-01-01 and {MaxYear}-12-31";

    /// <summary>"Every 1000 days/weeks/months/years" is already past any real use; Google's own UI offers far less.</summary>
    public const int RecurrenceIntervalMax = 1000;
    /// <summary>Thirteen years of a daily meeting; also caps the work one series costs a list.</summary>
    public const int RecurrenceCountMax = 5000;
    /// <summary>Length of the stored note saying why a series from outside is shown once.</summary>
    public const int RecurrenceProblemMax = 300;

    /// <summary>By the clock reading as written, so no conversion can overflow before the check.</summary>
    public static bool InRange(DateTimeOffset value) => value.Year is >= MinYear and <= MaxYear;

    public static bool InRange(DateTime value) => value.Year is >= MinYear and <= MaxYear;
}
