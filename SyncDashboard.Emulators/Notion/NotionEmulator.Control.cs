namespace SyncDashboard.Emulators.Notion;

/// <summary>Fault injection, counters and the rate-limit knob.</summary>
public sealed partial class NotionEmulator
{
    private sealed class ActiveFault(NotionFault fault)
    {
        public NotionFault Fault { get; } = fault;
        public int Remaining { get; set; } = fault.Count;
    }

    private readonly Lock _controlGate = new();
    private readonly List<ActiveFault> _faults = [];
    private readonly Dictionary<string, long> _requestsByEndpoint = [];
    private long _total, _rateLimited, _violations, _faultsInjected, _webhookAttempts, _webhookOk, _webhookFailed;

    public void InjectFault(NotionFault fault)
    {
        lock (_controlGate) _faults.Add(new ActiveFault(fault));
    }

    public void ClearFaults()
    {
        lock (_controlGate) _faults.Clear();
    }

    /// <summary>Changes the request budget at run time (RequestsPerSecond ≤ 0 turns limiting off) and resets the buckets.</summary>
    public void SetRateLimit(double requestsPerSecond, int burst) => RateLimiter.Configure(requestsPerSecond, burst);

    public NotionEmulatorStats GetStats()
    {
        lock (_controlGate)
            return new NotionEmulatorStats(_total, new Dictionary<string, long>(_requestsByEndpoint), _rateLimited, _violations,
                _faultsInjected, _webhookAttempts, _webhookOk, _webhookFailed);
    }

    public void ResetStats()
    {
        lock (_controlGate)
        {
            _requestsByEndpoint.Clear();
            _total = _rateLimited = _violations = _faultsInjected = _webhookAttempts = _webhookOk = _webhookFailed = 0;
        }
    }

    /// <summary>Consumes one use of the first fault matching the request, if any.</summary>
    internal NotionFault? TakeFault(string method, string path)
    {
        lock (_controlGate)
        {
            var match = _faults.FirstOrDefault(f =>
                (f.Fault.Method is null || string.Equals(f.Fault.Method, method, StringComparison.OrdinalIgnoreCase))
                && (f.Fault.PathContains is null || path.Contains(f.Fault.PathContains, StringComparison.OrdinalIgnoreCase)));
            if (match is null) return null;
            if (match.Fault.Count > 0 && --match.Remaining <= 0) _faults.Remove(match);
            _faultsInjected++;
            return match.Fault;
        }
    }

    internal void CountRequest(string endpoint)
    {
        lock (_controlGate)
        {
            _total++;
            _requestsByEndpoint[endpoint] = _requestsByEndpoint.GetValueOrDefault(endpoint) + 1;
        }
    }

    internal void CountRateLimited() { lock (_controlGate) _rateLimited++; }

    internal void CountViolation() { lock (_controlGate) _violations++; }

    internal void CountWebhookAttempt(bool ok)
    {
        lock (_controlGate)
        {
            _webhookAttempts++;
            if (ok) _webhookOk++;
        }
    }

    internal void CountWebhookGaveUp() { lock (_controlGate) _webhookFailed++; }
}
