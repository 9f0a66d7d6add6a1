using System.Collections.Concurrent;

namespace SyncDashboard.Web.Accounts;

/// <summary>The signed-in Blazor circuits on this node, so a sign-out ends every tab's at once, not only the tab that asked.</summary>
internal sealed class CircuitSessions
{
    private readonly ConcurrentDictionary<SessionAuthenticationStateProvider, Guid> _circuits = new();

    public void Track(SessionAuthenticationStateProvider circuit, Guid userId) => _circuits[circuit] = userId;

    public void Forget(SessionAuthenticationStateProvider circuit) => _circuits.TryRemove(circuit, out _);

    /// <returns>How many circuits were signed out.</returns>
    public int SignOut(Guid userId)
    {
        var ended = 0;
        foreach (var (circuit, owner) in _circuits)
        {
            if (owner != userId) continue;
            circuit.SignOut();
            ended++;
        }
        return ended;
    }
}
