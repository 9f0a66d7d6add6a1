namespace SyncDashboard.Core.Events;

/// <summary>What a change to one occurrence of a series applies to — the three choices Google Calendar offers.</summary>
public enum EditScope
{
    /// <summary>Only this occurrence: it becomes an override (or a cancelled date) of the series.</summary>
    This,
    /// <summary>This occurrence and every later one: the series ends before it and a new series continues from it.</summary>
    Following,
    /// <summary>The whole series.</summary>
    All,
}
