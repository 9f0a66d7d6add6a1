using SyncDashboard.Tests.Integration.Security.Surface;

namespace SyncDashboard.Tests.Integration.Security.Isolation;

/// <summary>
/// Every page as the attacker's browser, with the victim's ids in each query value it reads, alone and mixed with the
/// attacker's own (the attacker's credential with the victim's database…): the prerendered HTML must show nothing of
/// the victim's. The victim's own view of each page is fetched too, to prove the markers would be seen.
/// </summary>
public sealed class PageSweep(UserResources victim, UserResources attacker, SurfaceClient attackerBrowser, SurfaceClient victimBrowser, LeakLog log)
{
    public int Pages { get; private set; }
    public int Requests { get; private set; }
    /// <summary>Pages whose own view shows the victim their markers: where a leak to the attacker would be visible.</summary>
    public List<string> ShowingTheirOwner { get; } = [];

    public async Task RunAsync(IReadOnlyList<PageSpec> pages)
    {
        foreach (var page in pages)
        {
            Pages++;
            var own = await victimBrowser.SendAsync(Get(page, [.. page.QueryNames.Select(n => RouteSpec.P(n, PageRoutes.QueryValues[n](victim)[0]))], "GET"));
            if (victim.Markers.Any(m => own.Body.Contains(m, StringComparison.OrdinalIgnoreCase))) ShowingTheirOwner.Add(page.Route);

            foreach (var query in Queries(page))
            {
                foreach (var method in new[] { "GET", "POST" })
                {
                    var request = Get(page, query, method);
                    Requests++;
                    log.Check(request, await attackerBrowser.SendAsync(request), null);
                }
            }
        }
    }

    /// <summary>No query; each value alone with each of the victim's; every mix of victim's and attacker's but the attacker's alone.</summary>
    private IEnumerable<IReadOnlyList<KeyValuePair<string, string>>> Queries(PageSpec page)
    {
        yield return [];
        foreach (var name in page.QueryNames)
        {
            foreach (var value in PageRoutes.QueryValues[name](victim)) yield return [RouteSpec.P(name, value)];
        }
        if (page.QueryNames.Count < 2) yield break;
        IEnumerable<List<(KeyValuePair<string, string> Pair, bool Victims)>> mixes = [[]];
        foreach (var name in page.QueryNames)
        {
            var choices = PageRoutes.QueryValues[name](victim).Select(v => (RouteSpec.P(name, v), true))
                .Concat(PageRoutes.QueryValues[name](attacker).Select(v => (RouteSpec.P(name, v), false))).ToList();
            mixes = mixes.SelectMany(m => choices.Select(c => new List<(KeyValuePair<string, string>, bool)>(m) { c })).ToList();
        }
        foreach (var mix in mixes.Where(m => m.Any(x => x.Victims))) yield return [.. mix.Select(x => x.Pair)];
    }

    private SurfaceRequest Get(PageSpec page, IReadOnlyList<KeyValuePair<string, string>> query, string method) =>
        RequestParts.Valid(new RouteSpec(method, page.Route) { Caller = Caller.Cookie, Query = _ => query, Form = method == "POST" ? _ => [] : null },
            Aim.Self(attacker)).Build();
}
