using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using SyncDashboard.Web.Accounts;
using SyncDashboard.Web.Infrastructure;

namespace SyncDashboard.Web.Realtime;

/// <summary>
/// The live <see cref="CalendarHub"/> connections on this node and the credential each opened with, so a revoked
/// token or a sign-out can end them (SignalR checks credentials only when a connection starts).
/// </summary>
public sealed class HubConnections
{
    public sealed record Connection(Guid UserId, Guid? TokenId, HubCallerContext Context);

    private readonly ConcurrentDictionary<string, Connection> _live = new(StringComparer.Ordinal);

    public void Track(HubCallerContext context) =>
        _live[context.ConnectionId] = new Connection(context.User!.GetUserId(), AccountClaims.TokenIdOf(context.User!), context);

    public void Forget(string connectionId) => _live.TryRemove(connectionId, out _);

    /// <summary>Aborts the matching connections; the client sees the connection close and must authenticate again.</summary>
    public int Abort(Func<Connection, bool> match)
    {
        var ended = 0;
        foreach (var (id, connection) in _live)
        {
            if (!match(connection) || !_live.TryRemove(id, out _)) continue;
            connection.Context.Abort();
            ended++;
        }
        return ended;
    }
}
