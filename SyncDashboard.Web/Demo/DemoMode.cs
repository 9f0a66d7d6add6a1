namespace SyncDashboard.Web.Demo;

/// <summary>Demo mode: a demo account, sample events and the built-in emulators, for a first run with no accounts.</summary>
public sealed record DemoMode(bool Enabled, string TimeZone);
