using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Core.Sync;

/// <summary>Timing of the sync engine (section <c>Sync</c>).</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>Outbox attempts before a change is dead-lettered with its last error.</summary>
    [Range(1, 100)] public int MaxAttempts { get; set; } = 8;

    /// <summary>First outbox retry delay; doubles per attempt, with ±25 % jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>While an integration needs reconnecting its writes wait this long between checks.</summary>
    public TimeSpan ReconnectWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Scheduled outbox scan, behind the immediate wake-up after each commit.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Safety-net incremental pull in case a push notification was lost.</summary>
    public TimeSpan SafetyNetInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Renew push channels this long before they expire.</summary>
    public TimeSpan ChannelRenewBefore { get; set; } = TimeSpan.FromDays(1);

    public TimeSpan ChannelRenewalInterval { get; set; } = TimeSpan.FromHours(1);
}
