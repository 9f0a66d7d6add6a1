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
}
