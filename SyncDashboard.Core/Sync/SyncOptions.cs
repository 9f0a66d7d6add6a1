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

    /// <summary>
    /// How long a row claimed for sending stays in flight before anyone may take it back; the send itself is cut off at
    /// this point, so an expired lease means nobody is still sending it. One request's whole resilience budget
    /// (<see cref="Http.ProviderResilience"/>: three attempts of the provider's RequestTimeout — Notion 30 s, Google 15 s — and two
    /// inline waits of at most MaxInlineWait, 2 s) is about 94 s for Notion, 49 s for Google; the slowest common send, a Notion
    /// create, is a look-up that may use that whole budget and then a POST that is not retried on a timeout (30 s): about
    /// 2 minutes at worst. Three minutes leaves a margin over that. Crash recovery does not wait for it: rows left in flight
    /// by an earlier process are taken back at start (<see cref="Outbox.OutboxDispatcher.ReclaimAtStartAsync"/>).
    /// </summary>
    public TimeSpan InFlightLease { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Scheduled outbox scan, behind the immediate wake-up after each commit.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Safety-net incremental pull in case a push notification was lost.</summary>
    public TimeSpan SafetyNetInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Renew push channels this long before they expire.</summary>
    public TimeSpan ChannelRenewBefore { get; set; } = TimeSpan.FromDays(1);

    public TimeSpan ChannelRenewalInterval { get; set; } = TimeSpan.FromHours(1);
}
