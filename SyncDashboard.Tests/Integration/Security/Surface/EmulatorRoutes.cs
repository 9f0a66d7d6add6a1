using System.Text;
using System.Text.Json.Nodes;
using static SyncDashboard.Tests.Integration.Security.Surface.RouteSpec;

namespace SyncDashboard.Tests.Integration.Security.Surface;

/// <summary>Where the isolation of an emulator route is checked.</summary>
public enum EmulatorCoverage
{
    /// <summary>The emulated Google and Notion APIs, called with the provider's own tokens: checked here (another account's token gets nothing).</summary>
    ProviderApi,
    /// <summary>
    /// The "Google side" and "Notion side" pages, their form posts and the consent pages, which need the app sign-in and
    /// show only the signed-in user's emulated data (ADR 0012): EmulatorIsolationTests covers them. The isolation suite
    /// still sends each of them the victim's ids with the attacker's session, as it does every route.
    /// </summary>
    EmulatorIsolationTests,
}

/// <summary>
/// Every emulator route of the default configuration with its coverage, and a valid request for it (the fuzzer bends
/// those; control routes exist only with <c>Emulators:ControlEndpoints</c> on and must stay unmapped here, see
/// EmulatorControlEndpointTests). Ids come from <see cref="Aim.Target"/>, the provider tokens from <see cref="Aim.Own"/>.
/// </summary>
public static class EmulatorRoutes
{
    private const string G = "/emulator/google";
    private const string N = "/emulator/notion";
    private const string Callback = "http://127.0.0.1/integrations/google/callback";

    public static readonly IReadOnlyList<(RouteSpec Spec, EmulatorCoverage Coverage)> All =
    [
        // Google: OAuth, the Calendar API, the "Google side" page.
        (new("GET", G + "/o/oauth2/v2/auth") { Caller = Caller.Cookie, Query = a => GoogleConsent(a), Refusal = Refusal.NoneNeeded }, EmulatorCoverage.EmulatorIsolationTests),
        (new("POST", G + "/o/oauth2/v2/auth") { Caller = Caller.Cookie, Form = a => [.. GoogleConsent(a), P("email", a.Target.GoogleEmail), P("decision", "allow")] },
            EmulatorCoverage.EmulatorIsolationTests),
        (new("POST", G + "/token")
        {
            Caller = Caller.Anonymous,
            Form = _ => [P("grant_type", "authorization_code"), P("code", "not-a-code"), P("client_id", "emulator-google-client"),
                P("client_secret", "emulator-google-secret"), P("redirect_uri", Callback)],
        }, EmulatorCoverage.EmulatorIsolationTests),
        (new("POST", G + "/revoke") { Caller = Caller.Anonymous, Query = _ => [P("token", "not-a-token")] }, EmulatorCoverage.EmulatorIsolationTests),
        (GoogleApi("GET", "/users/me/calendarList"), EmulatorCoverage.ProviderApi),
        (GoogleApi("GET", "/calendars/{calendarId}/events") with { Query = _ => [P("maxResults", "50")] }, EmulatorCoverage.ProviderApi),
        (GoogleApi("POST", "/calendars/{calendarId}/events") with { Json = _ => GoogleEvent("Made through the API") }, EmulatorCoverage.ProviderApi),
        (GoogleApi("GET", "/calendars/{calendarId}/events/{eventId}"), EmulatorCoverage.ProviderApi),
        (GoogleApi("GET", "/calendars/{calendarId}/events/{eventId}/instances"), EmulatorCoverage.ProviderApi),
        (GoogleApi("PUT", "/calendars/{calendarId}/events/{eventId}") with { Json = _ => GoogleEvent("Replaced through the API") }, EmulatorCoverage.ProviderApi),
        (GoogleApi("PATCH", "/calendars/{calendarId}/events/{eventId}") with { Json = _ => new JsonObject { ["location"] = "Patched" } },
            EmulatorCoverage.ProviderApi),
        (GoogleApi("DELETE", "/calendars/{calendarId}/events/{eventId}"), EmulatorCoverage.ProviderApi),
        (GoogleApi("POST", "/calendars/{calendarId}/events/watch") with
        {
            Json = _ => new JsonObject { ["id"] = "watch-made-by-a-request", ["type"] = "web_hook", ["address"] = "http://127.0.0.1:1/hook" },
        }, EmulatorCoverage.ProviderApi),
        (GoogleApi("POST", "/channels/stop") with
        {
            Json = a => new JsonObject { ["id"] = a.Target.ChannelId ?? "none", ["resourceId"] = a.Target.ChannelResourceId ?? "none" },
        }, EmulatorCoverage.ProviderApi),
        (new("GET", G + "/") { Caller = Caller.Cookie, Query = a => [P("account", a.Target.GoogleEmail)] }, EmulatorCoverage.EmulatorIsolationTests),
        // An event's htmlLink: the eid is "eventId calendarId" in base64, as Google writes it.
        (new("GET", G + "/calendar/event")
        {
            Caller = Caller.Cookie,
            Query = a => [P("eid", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{a.Target.GoogleEventId} {a.Target.GoogleCalendarId}")).TrimEnd('='))],
        }, EmulatorCoverage.EmulatorIsolationTests),
        (new("POST", G + "/_emulator/ui/events") { Caller = Caller.Cookie, Form = a => GoogleSideForm(a) }, EmulatorCoverage.EmulatorIsolationTests),
        (new("POST", G + "/_emulator/ui/events/update") { Caller = Caller.Cookie, Form = a => [.. GoogleSideForm(a), P("eventId", a.Target.GoogleEventId ?? "")] },
            EmulatorCoverage.EmulatorIsolationTests),
        (new("POST", G + "/_emulator/ui/events/delete")
        {
            Caller = Caller.Cookie,
            Form = a => [P("account", a.Target.GoogleEmail), P("calendarId", a.Target.GoogleCalendarId), P("eventId", a.Target.GoogleEventId ?? "")],
        }, EmulatorCoverage.EmulatorIsolationTests),

        // Notion: the API, OAuth, the "Notion side" page.
        (NotionApi("GET", "/v1/users/me"), EmulatorCoverage.ProviderApi),
        (NotionApi("POST", "/v1/search") with { Json = _ => new JsonObject { ["query"] = "" } }, EmulatorCoverage.ProviderApi),
        (NotionApi("GET", "/v1/databases/{id}") with { RouteValues = a => [P("id", a.Target.NotionDatabaseId)] }, EmulatorCoverage.ProviderApi),
        (NotionApi("POST", "/v1/databases/{id}/query", "2022-06-28") with { RouteValues = a => [P("id", a.Target.NotionDatabaseId)], Json = _ => new JsonObject() },
            EmulatorCoverage.ProviderApi),
        (NotionApi("GET", "/v1/data_sources/{id}") with { RouteValues = a => [P("id", a.Target.NotionDataSourceId)] }, EmulatorCoverage.ProviderApi),
        (NotionApi("POST", "/v1/data_sources/{id}/query") with { RouteValues = a => [P("id", a.Target.NotionDataSourceId)], Json = _ => new JsonObject { ["page_size"] = 10 } },
            EmulatorCoverage.ProviderApi),
        (NotionApi("POST", "/v1/pages") with
        {
            Json = a => new JsonObject
            {
                ["parent"] = new JsonObject { ["data_source_id"] = a.Target.NotionDataSourceId },
                ["properties"] = new JsonObject { ["Title"] = NotionTitle("Made through the API") },
            },
        }, EmulatorCoverage.ProviderApi),
        (NotionApi("GET", "/v1/pages/{id}") with { RouteValues = a => [P("id", a.Target.NotionPageId ?? "")] }, EmulatorCoverage.ProviderApi),
        (NotionApi("PATCH", "/v1/pages/{id}") with
        {
            RouteValues = a => [P("id", a.Target.NotionPageId ?? "")],
            Json = _ => new JsonObject { ["properties"] = new JsonObject { ["Location"] = new JsonObject { ["rich_text"] = new JsonArray() } } },
        }, EmulatorCoverage.ProviderApi),
        (NotionApi("*", "/v1/{*path}") with { RouteValues = _ => [P("path", "blocks")] }, EmulatorCoverage.ProviderApi),
        (new("GET", N + "/v1/oauth/authorize")
        {
            Caller = Caller.Cookie,
            Query = _ => [P("client_id", "emulator-notion-client"), P("response_type", "code"), P("redirect_uri", Callback), P("state", "s")],
        }, EmulatorCoverage.EmulatorIsolationTests),
        (NotionOAuth("/v1/oauth/token", new JsonObject { ["grant_type"] = "authorization_code", ["code"] = "not-a-code", ["redirect_uri"] = Callback }),
            EmulatorCoverage.EmulatorIsolationTests),
        (NotionOAuth("/v1/oauth/revoke", new JsonObject { ["token"] = "not-a-token" }), EmulatorCoverage.EmulatorIsolationTests),
        (NotionOAuth("/v1/oauth/introspect", new JsonObject { ["token"] = "not-a-token" }), EmulatorCoverage.EmulatorIsolationTests),
        (new("POST", N + "/_emulator/ui/oauth/decide") { Caller = Caller.Cookie, Form = _ => [P("redirect_uri", Callback), P("state", "s"), P("action", "deny")] },
            EmulatorCoverage.EmulatorIsolationTests),
        (new("GET", N + "/") { Caller = Caller.Cookie }, EmulatorCoverage.EmulatorIsolationTests),
        // A page's url, as Notion writes it: title words, then the page id without dashes.
        (new("GET", N + "/p/{slug}") { Caller = Caller.Cookie, RouteValues = a => [P("slug", "Page-" + (a.Target.NotionPageId ?? "").Replace("-", ""))] },
            EmulatorCoverage.EmulatorIsolationTests),
        (new("POST", N + "/_emulator/ui/pages/")
        {
            Caller = Caller.Cookie, Form = a => [P("database_id", a.Target.NotionDatabaseId), P("p:Title", "Made on the Notion side")],
        }, EmulatorCoverage.EmulatorIsolationTests),
        (new("POST", N + "/_emulator/ui/pages/{id}")
        {
            Caller = Caller.Cookie, RouteValues = a => [P("id", a.Target.NotionPageId ?? "")], Form = _ => [P("p:Title", "Renamed on the Notion side")],
        }, EmulatorCoverage.EmulatorIsolationTests),
        (new("POST", N + "/_emulator/ui/pages/{id}/trash") { Caller = Caller.Cookie, RouteValues = a => [P("id", a.Target.NotionPageId ?? "")], Form = _ => [] },
            EmulatorCoverage.EmulatorIsolationTests),
        (new("POST", N + "/_emulator/ui/pages/{id}/restore") { Caller = Caller.Cookie, RouteValues = a => [P("id", a.Target.NotionPageId ?? "")], Form = _ => [] },
            EmulatorCoverage.EmulatorIsolationTests),
        (new("POST", N + "/_emulator/ui/webhooks/")
        {
            Caller = Caller.Cookie, Form = a => [P("bot_id", a.Target.NotionBotId), P("url", "http://127.0.0.1:1/hook")],
        }, EmulatorCoverage.EmulatorIsolationTests),
        (new("POST", N + "/_emulator/ui/webhooks/{id}/verify")
        {
            Caller = Caller.Cookie, RouteValues = a => [P("id", a.Target.NotionSubscriptionId ?? "")], Form = _ => [P("verification_token", "secret_guess")],
        }, EmulatorCoverage.EmulatorIsolationTests),
        (new("POST", N + "/_emulator/ui/webhooks/{id}/delete") { Caller = Caller.Cookie, RouteValues = a => [P("id", a.Target.NotionSubscriptionId ?? "")], Form = _ => [] },
            EmulatorCoverage.EmulatorIsolationTests),
    ];

    private static RouteSpec GoogleApi(string method, string path) => new(method, G + "/calendar/v3" + path)
    {
        Caller = Caller.Anonymous,
        RouteValues = a => [P("calendarId", a.Target.GoogleCalendarId), P("eventId", a.Target.GoogleEventId ?? "")],
        Headers = (a, _) => [P("Authorization", "Bearer " + a.Own.GoogleAccessToken)],
    };

    private static RouteSpec NotionApi(string method, string path, string version = "2025-09-03") => new(method, N + path)
    {
        Caller = Caller.Anonymous,
        Headers = (a, _) => [P("Authorization", "Bearer " + a.Own.NotionToken), P("Notion-Version", version)],
    };

    private static RouteSpec NotionOAuth(string path, JsonObject body) => new("POST", N + path)
    {
        Caller = Caller.Anonymous, Json = _ => (JsonObject)body.DeepClone(),
        Headers = (_, _) => [P("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("emulator-notion-client:emulator-notion-secret")))],
    };

    private static IReadOnlyList<KeyValuePair<string, string>> GoogleConsent(Aim a) =>
    [
        P("client_id", "emulator-google-client"), P("redirect_uri", Callback), P("response_type", "code"),
        P("scope", "https://www.googleapis.com/auth/calendar"), P("state", "s"), P("login_hint", a.Target.GoogleEmail),
    ];

    private static IReadOnlyList<KeyValuePair<string, string>> GoogleSideForm(Aim a) =>
    [
        P("account", a.Target.GoogleEmail), P("calendarId", a.Target.GoogleCalendarId), P("summary", "Made on the Google side"),
        P("start", "2026-12-03T10:00"), P("end", "2026-12-03T11:00"),
    ];

    private static JsonObject GoogleEvent(string summary) => new()
    {
        ["summary"] = summary,
        ["start"] = new JsonObject { ["dateTime"] = "2026-12-03T10:00:00+01:00", ["timeZone"] = "Europe/Berlin" },
        ["end"] = new JsonObject { ["dateTime"] = "2026-12-03T11:00:00+01:00", ["timeZone"] = "Europe/Berlin" },
    };

    private static JsonObject NotionTitle(string text) =>
        new() { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = text } }) };
}
