namespace SyncDashboard.Core.Formatting;

/// <summary>How a person reads the clock: "2:05 PM" or "14:05".</summary>
public enum HourCycle
{
    /// <summary>1–12 with a day-period marker (AM/PM, 午後, …).</summary>
    H12,
    /// <summary>00–23.</summary>
    H23,
}
