using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration.Security.Surface;

public enum RouteKind { App, Page, Hub, Emulator, Framework }

/// <summary>
/// One method of one route pattern as the running app maps it; <c>*</c> for endpoints that take any method.
/// <see cref="Handler"/> is the page's component or the hub's type.
/// </summary>
public sealed record SurfaceRoute(string Method, string Pattern, RouteKind Kind, Type? Handler = null)
{
    public string Key => $"{Method} {Pattern}";

    public override string ToString() => Key;
}

/// <summary>
/// Everything the running app answers, read from its <see cref="EndpointDataSource"/> rather than written down, so an
/// endpoint added later shows up here and fails the suites until they know how to exercise it.
/// </summary>
public static class AppSurface
{
    private static readonly string[] FrameworkPrefixes = ["/_blazor", "/_framework", "/openapi", "/health"];

    public static IReadOnlyList<SurfaceRoute> Read(AppHost app) =>
        app.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var pattern = e.RoutePattern.RawText ?? "";
                var kind = KindOf(e, pattern);
                var handler = e.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type ?? e.Metadata.GetMetadata<HubMetadata>()?.HubType;
                var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
                return methods.Select(m => new SurfaceRoute(m, pattern, kind, handler));
            })
            .Distinct()
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();

    private static RouteKind KindOf(Endpoint e, string pattern) =>
        FrameworkPrefixes.Any(p => pattern.StartsWith(p, StringComparison.OrdinalIgnoreCase)) ? RouteKind.Framework
        : pattern.StartsWith("/emulator/", StringComparison.OrdinalIgnoreCase) ? RouteKind.Emulator
        : e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null ? RouteKind.Page
        : e.Metadata.GetMetadata<HubMetadata>() is not null ? RouteKind.Hub
        : RouteKind.App;

    /// <summary>The routes of <paramref name="kind"/> that <paramref name="known"/> does not name, for the "new endpoint" failure.</summary>
    public static IReadOnlyList<SurfaceRoute> Unknown(IEnumerable<SurfaceRoute> routes, RouteKind kind, IEnumerable<string> known)
    {
        var names = known.ToHashSet(StringComparer.Ordinal);
        return routes.Where(r => r.Kind == kind && !names.Contains(r.Key)).ToList();
    }
}
