using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Core.Sync.Queue;

/// <summary>How long delivered outbox rows are kept (section <c>Sync:Queue</c>); nothing else is ever purged.</summary>
public sealed class QueueRetentionOptions
{
    public const string Section = "Sync:Queue";

    /// <summary>Completed rows older than this are deleted by the retention job.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00", ErrorMessage = "Sync:Queue:CompletedRetention must be between 1 minute and 3650 days (e.g. 7.00:00:00).")]
    public TimeSpan CompletedRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the retention job runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Sync:Queue:RetentionInterval must be between 1 second and 1 day (e.g. 01:00:00).")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);
}
