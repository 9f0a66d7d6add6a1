using SyncDashboard.Web.Realtime;
using static SyncDashboard.Tests.Integration.Security.Surface.RouteSpec;

namespace SyncDashboard.Tests.Integration.Security.Surface;

/// <summary>
/// The hub's HTTP endpoints and the framework's own (Blazor's circuit, health, the OpenAPI document), named so that a
/// new one is noticed. The fuzzer sends them garbage; the hub's methods are checked over a real connection.
/// </summary>
public static class PlatformRoutes
{
    /// <summary>The hubs the suites know how to call; another hub type fails them.</summary>
    public static readonly IReadOnlyDictionary<Type, string> Hubs = new Dictionary<Type, string> { [typeof(CalendarHub)] = "/hubs/calendar" };

    public static readonly IReadOnlyList<RouteSpec> Hub =
    [
        new("*", "/hubs/calendar/negotiate") { Query = _ => [P("negotiateVersion", "1")] },
        new("*", "/hubs/calendar") { Query = _ => [P("id", "not-a-connection")] },
    ];

    public static readonly IReadOnlyList<RouteSpec> Framework =
    [
        new("GET", "/openapi/{documentName}.json") { Caller = Caller.Anonymous, RouteValues = _ => [P("documentName", "v1")] },
        new("*", "/health") { Caller = Caller.Anonymous },
        new("GET", "/_framework/opaque-redirect") { Caller = Caller.Anonymous, Query = _ => [P("url", "/settings")] },
        new("*", "/_blazor/negotiate") { Caller = Caller.Cookie, Query = _ => [P("negotiateVersion", "1")] },
        new("*", "/_blazor") { Caller = Caller.Cookie, Query = _ => [P("id", "not-a-connection")] },
        new("*", "/_blazor/disconnect/") { Caller = Caller.Cookie, Form = _ => [P("circuitId", "not-a-circuit")] },
        new("*", "/_blazor/initializers/") { Caller = Caller.Cookie },
    ];
}
