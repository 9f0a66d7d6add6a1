using SyncDashboard.Tests.Integration.Security;

namespace SyncDashboard.Tests.Integration.Security.Surface;

/// <summary>
/// Holds the route tables to the running app: every mapped route must be in one (so a new endpoint cannot escape the
/// suites), and every entry must still be mapped (so the tables do not rot).
/// </summary>
public static class SurfaceCoverage
{
    public static IReadOnlyList<string> Gaps(IReadOnlyList<SurfaceRoute> routes)
    {
        var gaps = new List<string>();
        void Check(RouteKind kind, IEnumerable<string> known, string table)
        {
            var knownSet = known.ToHashSet(StringComparer.Ordinal);
            gaps.AddRange(AppSurface.Unknown(routes, kind, knownSet).Select(r => $"{r.Key} ({kind}) is mapped but not in {table}: say there how to exercise it"));
            var mapped = routes.Where(r => r.Kind == kind).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
            gaps.AddRange(knownSet.Where(k => !mapped.Contains(k)).Select(k => $"{k} is in {table} but the app does not map it"));
        }

        Check(RouteKind.App, AppRoutes.All.Select(s => s.Key), nameof(AppRoutes));
        Check(RouteKind.Hub, PlatformRoutes.Hub.Select(s => s.Key), nameof(PlatformRoutes) + ".Hub");
        Check(RouteKind.Framework, PlatformRoutes.Framework.Select(s => s.Key), nameof(PlatformRoutes) + ".Framework");
        Check(RouteKind.Emulator, EmulatorRoutes.All.Select(e => e.Spec.Key), nameof(EmulatorRoutes));
        gaps.AddRange(routes.Where(r => r.Kind == RouteKind.Hub && (r.Handler is null || !PlatformRoutes.Hubs.ContainsKey(r.Handler)))
            .Select(r => $"{r.Key} serves hub {r.Handler?.Name}, which the isolation suite does not know how to call"));

        // Control routes hand out secrets; the default configuration must not map them at all.
        var controls = EmulatorControlEndpointTests.ControlRoutes.Select(c => c.Path.Split("/_emulator/")[0] + "/_emulator/").Distinct().ToList();
        gaps.AddRange(routes.Where(r => controls.Any(c => r.Pattern.StartsWith(c, StringComparison.Ordinal)) && !r.Pattern.Contains("/_emulator/ui/"))
            .Select(r => $"{r.Key} is an emulator control route mapped in the default configuration"));

        var pages = PageRoutes.Discover();
        gaps.AddRange(pages.Select(PageRoutes.ProblemWith).OfType<string>());
        var pageRoutes = pages.Select(p => p.Route).ToHashSet(StringComparer.Ordinal);
        gaps.AddRange(routes.Where(r => r.Kind == RouteKind.Page && !pageRoutes.Contains(r.Pattern))
            .Select(r => $"{r.Key} is a page endpoint that no [Route] component declares"));
        return gaps;
    }

    public static void AssertComplete(IReadOnlyList<SurfaceRoute> routes)
    {
        var gaps = Gaps(routes);
        Assert.True(gaps.Count == 0, "The route tables do not match the app:\n" + string.Join("\n", gaps));
    }
}
