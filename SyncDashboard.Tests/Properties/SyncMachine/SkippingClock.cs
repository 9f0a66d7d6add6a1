namespace SyncDashboard.Tests.Properties.SyncMachine;

/// <summary>
/// The real clock plus an offset the test moves forward: "time passes" (an undo window, a retry's backoff) without
/// waiting for it. Timers stay real, so the app's short in-request waits (an inline retry) still end by themselves.
/// </summary>
public sealed class SkippingClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Skip(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
