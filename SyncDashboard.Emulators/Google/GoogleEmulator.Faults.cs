using System.Text.Json.Serialization;

namespace SyncDashboard.Emulators.Google;

[JsonConverter(typeof(JsonStringEnumConverter<FaultKind>))]
public enum FaultKind
{
    [JsonStringEnumMemberName("rateLimit403")] RateLimit403,
    [JsonStringEnumMemberName("rateLimit429")] RateLimit429,
    [JsonStringEnumMemberName("error500")] Error500,
    [JsonStringEnumMemberName("error503")] Error503,
    [JsonStringEnumMemberName("delay")] Delay,
    /// <summary>Expires every access token at once (count ignored).</summary>
    [JsonStringEnumMemberName("expireAccessTokens")] ExpireAccessTokens,
    /// <summary>A write is applied, then answered with 500, so a blind retry duplicates it.</summary>
    [JsonStringEnumMemberName("commitThen500")] CommitThen500,
    /// <summary>A write is applied (and saved), then answered only after DelayMs: a caller that dies meanwhile never hears of it.</summary>
    [JsonStringEnumMemberName("commitThenDelay")] CommitThenDelay,
    /// <summary>The next N push notifications are silently not sent.</summary>
    [JsonStringEnumMemberName("dropNotifications")] DropNotifications,
    /// <summary>events.list answers with zero items and a nextPageToken (legal per the contract).</summary>
    [JsonStringEnumMemberName("emptyPage")] EmptyPage,
}

/// <summary>A fault to inject into the next <see cref="Count"/> matching requests.</summary>
public sealed record FaultRule(
    FaultKind Kind, int Count = 1, string? PathContains = null, string? Method = null,
    int RetryAfterSeconds = 1, int DelayMs = 500);

public sealed record GoogleEmulatorStats(
    IReadOnlyDictionary<string, long> Requests,
    long PushNotificationsSent, long PushNotificationsDropped, long PushNotificationsFailed,
    long PushDeliveryAttempts, int ActiveChannels, IReadOnlyList<FaultRule> ActiveFaults);

/// <summary>Fault injection and counters.</summary>
public sealed partial class GoogleEmulator
{
    private readonly List<FaultRule> _faults = [];
    private readonly Dictionary<string, long> _requests = [];
    private long _pushSent, _pushDropped, _pushFailed, _pushAttempts;

    public void AddFault(FaultRule rule)
    {
        if (rule.Kind == FaultKind.ExpireAccessTokens)
        {
            ExpireAccessTokens();
            return;
        }
        lock (_gate) { _faults.Add(rule); }
    }

    public void ClearFaults()
    {
        lock (_gate) { _faults.Clear(); }
    }

    /// <summary>Consumes one use of the first active fault of a request-level kind matching the request.</summary>
    public FaultRule? TakeRequestFault(string method, string path)
    {
        lock (_gate)
        {
            return Take(f => f.Kind is FaultKind.RateLimit403 or FaultKind.RateLimit429 or FaultKind.Error500
                or FaultKind.Error503 or FaultKind.Delay or FaultKind.CommitThen500 or FaultKind.CommitThenDelay, method, path);
        }
    }

    public FaultRule? TakeFault(FaultKind kind, string method, string path)
    {
        lock (_gate) { return Take(f => f.Kind == kind, method, path); }
    }

    private FaultRule? Take(Func<FaultRule, bool> kind, string method, string path)
    {
        var index = _faults.FindIndex(f => kind(f)
            && (f.Method is null || string.Equals(f.Method, method, StringComparison.OrdinalIgnoreCase))
            && (f.PathContains is null || path.Contains(f.PathContains, StringComparison.OrdinalIgnoreCase)));
        if (index < 0) { return null; }
        var rule = _faults[index];
        if (rule.Count <= 1) { _faults.RemoveAt(index); }
        else { _faults[index] = rule with { Count = rule.Count - 1 }; }
        return rule;
    }

    public void CountRequest(string method, string path)
    {
        lock (_gate)
        {
            var key = $"{method.ToUpperInvariant()} {path}";
            _requests[key] = _requests.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>Requests so far whose method matches and whose path contains <paramref name="pathContains"/>.</summary>
    public long RequestCount(string method, string pathContains)
    {
        lock (_gate)
        {
            return _requests.Where(r => r.Key.StartsWith(method.ToUpperInvariant() + " ", StringComparison.Ordinal)
                                        && r.Key.Contains(pathContains, StringComparison.Ordinal)).Sum(r => r.Value);
        }
    }

    public long PushNotificationsSent => Interlocked.Read(ref _pushSent);

    public GoogleEmulatorStats Stats()
    {
        lock (_gate)
        {
            return new GoogleEmulatorStats(new Dictionary<string, long>(_requests), _pushSent, _pushDropped,
                _pushFailed, _pushAttempts, _state.Channels.Values.Count(c => !c.Stopped && c.Expiration > Now),
                [.. _faults]);
        }
    }

    public void ResetCounters()
    {
        lock (_gate)
        {
            _requests.Clear();
            _pushSent = _pushDropped = _pushFailed = _pushAttempts = 0;
        }
    }

    internal void RecordPushAttempt() => Interlocked.Increment(ref _pushAttempts);
    internal void RecordPushSent() => Interlocked.Increment(ref _pushSent);
    internal void RecordPushFailed() => Interlocked.Increment(ref _pushFailed);
    internal void RecordPushDropped() => Interlocked.Increment(ref _pushDropped);
}
