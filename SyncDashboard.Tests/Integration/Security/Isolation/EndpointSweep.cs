using SyncDashboard.Tests.Integration.Security.Surface;

namespace SyncDashboard.Tests.Integration.Security.Isolation;

/// <summary>
/// Every endpoint as the attacker, with the victim's ids: each route's own slots, each of the victim's ids guessed in
/// every slot, and ids nobody has; with the attacker's API token and their browser session where the route takes both.
/// A request that names the victim's things must be refused as the route refuses (401/403/404, or an error redirect).
/// </summary>
public sealed class EndpointSweep(UserResources victim, UserResources attacker, SurfaceClient client, LeakLog log)
{
    public async Task RunAsync(IEnumerable<RouteSpec> specs, Random random)
    {
        foreach (var spec in specs)
        {
            log.Endpoint(spec.Key);
            var self = Build(spec, Aim.Self(attacker));
            var victimAims = new[] { (victim, false), (victim.Alternate(), false) }.Concat(victim.AllIds.Select(id => (victim.WithEveryId(id), true)));
            var sent = new HashSet<string>(StringComparer.Ordinal);
            foreach (var caller in Callers(spec))
            {
                foreach (var (target, guessed) in victimAims)
                {
                    var request = Build(spec, new Aim(target, attacker)) with { Caller = caller };
                    if (!sent.Add(Key(request))) continue;
                    var differs = !SameRequest(request, self);
                    log.Check(request, await client.SendAsync(request), differs && spec.Refusal != Refusal.NoneNeeded ? spec.Refusal : null, guessed);
                }
                var nobodys = Build(spec, new Aim(attacker.WithRandomIds(random), attacker)) with { Caller = caller };
                if (sent.Add(Key(nobodys))) log.Check(nobodys, await client.SendAsync(nobodys), null);
            }
        }
    }

    private static SurfaceRequest Build(RouteSpec spec, Aim aim) =>
        (RequestParts.Valid(spec, aim) with { Method = spec.Method == "*" ? "GET" : null }).Build();

    /// <summary>The API takes the browser session too, so each API route is tried both ways.</summary>
    private static IEnumerable<Caller> Callers(RouteSpec spec) => spec.Caller == Caller.Token ? [Caller.Token, Caller.Cookie] : [spec.Caller];

    private static bool SameRequest(SurfaceRequest a, SurfaceRequest b) =>
        a.PathAndQuery == b.PathAndQuery && a.Headers.SequenceEqual(b.Headers)
        && (a.Body?.Bytes ?? []).AsSpan().SequenceEqual(b.Body?.Bytes ?? []);

    private static string Key(SurfaceRequest r) =>
        $"{r.Caller} {r.Method} {r.PathAndQuery} {string.Join(";", r.Headers)} {Convert.ToBase64String(r.Body?.Bytes ?? [])}";
}
