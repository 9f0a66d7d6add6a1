using System.Globalization;
using System.Text.Json.Nodes;
using SyncDashboard.Core.Notion;
using SyncDashboard.Tests.Infrastructure;
using static SyncDashboard.Tests.Integration.Security.Surface.RouteSpec;

namespace SyncDashboard.Tests.Integration.Security.Surface;

/// <summary>
/// Every endpoint of the app itself (not pages, the hub, the emulators or the framework) and how to aim a valid request
/// at a user's things. The suites fail on a mapped endpoint that is missing here. The order is the fuzzer's: writes
/// (so the reads after them list what the writes stored), reads, webhooks, deletes, what replaces the channel and
/// tokens, and sign-out last.
/// </summary>
public static class AppRoutes
{
    private static readonly DateTimeOffset Start = new(DateTime.UtcNow.Date.AddDays(1).AddHours(9), TimeSpan.Zero);

    public static readonly IReadOnlyList<RouteSpec> All =
    [
        new("POST", "/api/events/") { Json = _ => EventBody() },
        new("PUT", "/api/events/") { Query = a => [P("id", a.Target.EventId.ToString())], Json = _ => EventBody() },
        new("GET", "/api/events/") { Query = _ => [P("from", Iso(Start.AddDays(-1))), P("to", Iso(Start.AddDays(30)))] },
        new("GET", "/api/events/{id:guid}") { RouteValues = a => [P("id", a.Target.EventId.ToString())] },
        new("GET", "/api/calendar/upcoming") { Query = _ => [P("days", "7"), P("maxResults", "50")] },
        new("GET", "/api/calendar/changes") { Query = _ => [P("since", "0")] },
        new("GET", "/api/integrations"),
        new("GET", "/api/calendar/integrations"),
        new("GET", "/api/calendar/sync/queue"),
        new("GET", "/api/tokens/"),
        new("GET", "/widget/next-event") { Caller = Caller.Anonymous },
        new("POST", "/api/calendar/webhooks/google/")
        {
            // The channel and resource are the target's; the secret token only its owner knows, so another sends none.
            Caller = Caller.Anonymous,
            Headers = (a, _) =>
            [
                P("X-Goog-Channel-ID", a.Target.ChannelId ?? ""), P("X-Goog-Resource-ID", a.Target.ChannelResourceId ?? ""),
                .. a.Target.UserId == a.Own.UserId && a.Own.ChannelToken is { } token ? [P("X-Goog-Channel-Token", token)] : Array.Empty<KeyValuePair<string, string>>(),
                P("X-Goog-Resource-State", "exists"), P("X-Goog-Message-Number", "7"),
            ],
        },
        // The retired URL named the integration; it refuses everything now.
        new("POST", "/api/calendar/webhooks/notion/")
        {
            Caller = Caller.Anonymous,
            Query = a => [P("integration", a.Target.NotionIntegrationId.ToString())],
        },
        new("POST", "/api/calendar/webhooks/notion/{key}")
        {
            // The key is the target's secret URL segment, which only its owner knows; another signs with their own token.
            Caller = Caller.Anonymous,
            RouteValues = a => [P("key", a.Target.NotionWebhookKey ?? "")],
            Json = _ => new JsonObject
            {
                ["id"] = "7d3c2f70-0000-4000-8000-000000000001", ["type"] = "page.properties_updated", ["attempt_number"] = 1,
                ["timestamp"] = Iso(Start), ["entity"] = new JsonObject { ["id"] = "0b1c2d3e-0000-4000-8000-000000000002", ["type"] = "page" },
                ["authors"] = new JsonArray(new JsonObject { ["id"] = "0b1c2d3e-0000-4000-8000-000000000003", ["type"] = "person" }),
            },
            Headers = (a, body) => a.Own.NotionWebhookSecret is { } secret ? [P("X-Notion-Signature", NotionWebhookService.Sign(secret, body))] : [],
        },
        new("POST", "/api/calendar/sync") { Json = a => new JsonObject { ["integrationId"] = a.Target.GoogleIntegrationId.ToString() } },
        new("POST", "/api/calendar/sync/notion/pull") { Json = a => new JsonObject { ["integrationId"] = a.Target.NotionIntegrationId.ToString() } },
        new("GET", "/api/calendar/sync/notion/pull") { Query = a => [P("integrationId", a.Target.NotionIntegrationId.ToString())] },
        new("POST", "/api/calendar/integrations/{id:guid}/sync") { RouteValues = a => [P("id", a.Target.GoogleIntegrationId.ToString())] },
        new("POST", "/api/calendar/sync/queue"),
        new("DELETE", "/api/events/") { Query = a => [P("id", a.Target.EventId.ToString())] },
        new("POST", "/api/events/{id:guid}/restore") { RouteValues = a => [P("id", a.Target.EventId.ToString())] },
        new("DELETE", "/api/calendar/sync/queue") { Query = _ => [P("olderThan", "7")] },
        new("GET", "/api/calendar/held-deletions"),
        new("GET", "/api/calendar/conflicts/"),
        new("POST", "/api/calendar/conflicts/{id:guid}/resolve")
        {
            RouteValues = a => [P("id", a.Target.ConflictId.ToString())],
            Json = _ => new JsonObject { ["choice"] = "merge", ["fields"] = new JsonObject { ["title"] = "remote" } },
        },
        new("GET", "/api/calendar/sync/runs") { Query = a => [P("integrationId", a.Target.GoogleIntegrationId.ToString()), P("take", "20")] },
        new("GET", "/api/calendar/sync/queue/items")
        {
            Query = a => [P("integrationId", a.Target.NotionIntegrationId.ToString()), P("state", "COMPLETED,DEAD_LETTERED"), P("take", "20")],
        },
        new("POST", "/api/calendar/sync/queue/items/{id:long}/retry") { RouteValues = a => [P("id", a.Target.OutboxItemId.ToString())] },
        new("POST", "/api/calendar/held-deletions/{integrationId:guid}/apply") { RouteValues = a => [P("integrationId", a.Target.GoogleIntegrationId.ToString())] },
        new("POST", "/api/calendar/held-deletions/{integrationId:guid}/discard") { RouteValues = a => [P("integrationId", a.Target.NotionIntegrationId.ToString())] },
        // Paused and at once resumed, so the routes after them still find the integration syncing.
        new("POST", "/api/calendar/integrations/{id:guid}/pause") { RouteValues = a => [P("id", a.Target.GoogleIntegrationId.ToString())] },
        new("POST", "/api/calendar/integrations/{id:guid}/resume") { RouteValues = a => [P("id", a.Target.GoogleIntegrationId.ToString())] },
        new("POST", "/api/tokens/") { Json = _ => new JsonObject { ["name"] = "made by a request" } },
        new("DELETE", "/api/tokens/{id:guid}") { RouteValues = a => [P("id", a.Target.SpareTokenId.ToString())] },
        new("PUT", "/api/calendar/webhooks/google/") { Json = a => new JsonObject { ["integrationId"] = a.Target.GoogleIntegrationId.ToString() } },
        new("DELETE", "/api/calendar/webhooks/google/") { Query = a => [P("integrationId", a.Target.GoogleIntegrationId.ToString())] },
        // Ends the Notion database's sync for good (its internal secret cannot be revoked, so the emulator keeps it).
        new("POST", "/api/calendar/integrations/{id:guid}/disconnect") { RouteValues = a => [P("id", a.Target.NotionIntegrationId.ToString())] },
        new("GET", "/integrations/google/connect") { Caller = Caller.Cookie },
        new("GET", "/integrations/google/callback")
        {
            Caller = Caller.Cookie, Refusal = Refusal.ErrorRedirect, ValuesPerField = 4, // each one a code exchange with the provider
            Query = a => [P("code", "code-from-elsewhere"), P("state", a.Target.GoogleOAuthState)],
        },
        new("GET", "/integrations/notion/connect") { Caller = Caller.Cookie },
        new("GET", "/integrations/notion/callback")
        {
            Caller = Caller.Cookie, Refusal = Refusal.ErrorRedirect, ValuesPerField = 4,
            Query = a => [P("code", "code-from-elsewhere"), P("state", a.Target.NotionOAuthState)],
        },
        new("POST", "/account/login")
        {
            Caller = Caller.Anonymous, AntiforgeryPage = "/account/login", Refusal = Refusal.ErrorRedirect, ValuesPerField = 4,
            Form = a => [P("email", a.Target.User.Email), P("password", PasswordFor(a)), P("returnUrl", "/settings")],
        },
        new("POST", "/account/register")
        {
            // Another's e-mail must be refused; one's own request makes a new account.
            Caller = Caller.Anonymous, AntiforgeryPage = "/account/register", Refusal = Refusal.ErrorRedirect, ValuesPerField = 4,
            Form = a => [P("email", a.Target.UserId == a.Own.UserId ? $"new-{Guid.NewGuid():N}@example.test" : a.Target.User.Email),
                P("password", TestUser.Password), P("displayName", "New Person"), P("timeZone", "Europe/Berlin")],
        },
        new("POST", "/account/demo")
        {
            Caller = Caller.Anonymous, AntiforgeryPage = "/account/login", Refusal = Refusal.ErrorRedirect, Form = _ => [P("returnUrl", "/")],
        },
        new("POST", "/account/logout") { Caller = Caller.Cookie, AntiforgeryPage = "/account/login", Form = _ => [], EndsSession = true },
    ];

    public static JsonObject EventBody() => new()
    {
        ["title"] = "Request-made standup", ["start"] = Iso(Start), ["end"] = Iso(Start.AddHours(1)), ["allDay"] = false,
        ["location"] = "Room 4", ["description"] = "Agenda", ["notes"] = "Notes", ["timeZone"] = "Europe/Berlin",
        ["recurrence"] = "RRULE:FREQ=WEEKLY;COUNT=3",
    };

    public static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Test users share a password, so somebody trying another's e-mail gets a guess, not the real one.</summary>
    private static string PasswordFor(Aim a) => a.Target.UserId == a.Own.UserId ? TestUser.Password : "a guess at " + TestUser.Password;
}
