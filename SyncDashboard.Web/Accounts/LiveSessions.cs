using Microsoft.Extensions.Caching.Memory;
using SyncDashboard.Core.Accounts;
using SyncDashboard.Web.Realtime;

namespace SyncDashboard.Web.Accounts;

/// <summary>Ends hub connections whose credentials were withdrawn, and the open tabs and cached stamp of a signed-out user.</summary>
internal sealed class LiveSessions(HubConnections hubs, CircuitSessions circuits, IMemoryCache stamps, ILogger<LiveSessions> logger) : ILiveSessions
{
    public Task EndTokenSessionsAsync(Guid userId, Guid tokenId)
    {
        var ended = hubs.Abort(c => c.UserId == userId && c.TokenId == tokenId);
        if (ended > 0) logger.LogInformation("Ended {Count} hub connection(s) of revoked API token {TokenId}", ended, tokenId);
        return Task.CompletedTask;
    }

    public Task EndCookieSessionsAsync(Guid userId)
    {
        stamps.Remove(CookieStampValidator.CacheKey(userId));
        var ended = hubs.Abort(c => c.UserId == userId && c.TokenId is null);
        if (ended > 0) logger.LogInformation("Ended {Count} cookie hub connection(s) of signed-out user {UserId}", ended, userId);
        var tabs = circuits.SignOut(userId);
        if (tabs > 0) logger.LogInformation("Signed out {Count} open tab(s) of user {UserId}", tabs, userId);
        return Task.CompletedTask;
    }
}
