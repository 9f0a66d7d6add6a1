namespace SyncDashboard.Core.Common;

/// <summary>
/// Turns a configured URL into an absolute one: absolute URLs pass through, paths are resolved against the app's
/// own public address (known only once the server listens). This is how demo mode and tests point the real
/// clients at the built-in emulators, and how webhook and OAuth redirect addresses are built.
/// </summary>
public interface IAppBaseAddress
{
    Uri Resolve(string urlOrPath);
}
