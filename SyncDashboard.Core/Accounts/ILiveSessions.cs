namespace SyncDashboard.Core.Accounts;

/// <summary>
/// Live connections opened with credentials that have since been withdrawn (a revoked API token, a sign-out); the
/// web host ends them. A request-by-request check cannot do this: a hub connection authenticates once, at the start.
/// </summary>
public interface ILiveSessions
{
    Task EndTokenSessionsAsync(Guid userId, Guid tokenId);

    Task EndCookieSessionsAsync(Guid userId);
}

/// <summary>For hosts without live connections (tools, tests of Core alone).</summary>
internal sealed class NoLiveSessions : ILiveSessions
{
    public Task EndTokenSessionsAsync(Guid userId, Guid tokenId) => Task.CompletedTask;

    public Task EndCookieSessionsAsync(Guid userId) => Task.CompletedTask;
}
