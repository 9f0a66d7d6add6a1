using System.Text.Json.Nodes;

namespace SyncDashboard.Emulators.Notion;

public sealed record NotionWebhookSubscription(string Id, string Url, IReadOnlyList<string>? EventTypes, string? BotId,
    string ApiVersion, bool Verified, bool VerificationDelivered);

public sealed partial class NotionEmulator
{
    private readonly NotionWebhookDispatcher _webhooks;

    /// <summary>
    /// Adds a subscription (what a person does in the integration's Webhooks tab) and at once POSTs
    /// <c>{"verification_token":"secret_…"}</c> to the url, unsigned. Events flow only after <see cref="VerifyWebhook"/>.
    /// A null <paramref name="botId"/> receives page events of every database; otherwise only of those shared with the bot.
    /// </summary>
    public async Task<NotionWebhookSubscription> CreateWebhookSubscriptionAsync(string url, IReadOnlyList<string>? eventTypes = null,
        string? botId = null, string apiVersion = NotionVersion.DataSources)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ArgumentException($"Webhook url must be absolute http(s): {url}", nameof(url));
        if (!WebhookTargets.Allows(Options.AllowedWebhookOrigin, uri, out var origin))
            throw new ArgumentException($"Webhook url must be on {origin}, the app this emulator serves: {url}", nameof(url));
        var sub = Write(s =>
        {
            var state = new WebhookSubscriptionState
            {
                Id = NotionIds.NewId(), Url = url, EventTypes = eventTypes?.ToList(), BotId = NotionIds.Normalize(botId),
                ApiVersion = apiVersion, VerificationToken = NotionIds.Random("secret_", 20),
            };
            s.Webhooks.Add(state);
            return state;
        });
        var body = new JsonObject { ["verification_token"] = sub.VerificationToken }.ToJsonString();
        var delivered = await _webhooks.PostAsync(url, body, signingKey: null);
        return ToInfo(sub, delivered);
    }

    /// <summary>Stands for the human pasting the token into Notion's UI. False when id or token do not match.</summary>
    public bool VerifyWebhook(string subscriptionId, string verificationToken) => Write(s =>
    {
        var sub = s.Webhooks.FirstOrDefault(w => w.Id == NotionIds.Normalize(subscriptionId));
        if (sub is null || sub.VerificationToken != verificationToken) return false;
        return sub.Verified = true;
    });

    public bool DeleteWebhook(string subscriptionId) =>
        Write(s => s.Webhooks.RemoveAll(w => w.Id == NotionIds.Normalize(subscriptionId)) > 0);

    public IReadOnlyList<NotionWebhookSubscription> WebhookSubscriptions => Read(s => s.Webhooks.Select(w => ToInfo(w, false)).ToList());

    private static NotionWebhookSubscription ToInfo(WebhookSubscriptionState w, bool delivered) =>
        new(w.Id, w.Url, w.EventTypes, w.BotId, w.ApiVersion, w.Verified, delivered);

    internal List<WebhookSubscriptionState> SubscribersFor(NotionPageEvent evt) => Read(s => s.Webhooks.Where(w =>
        w.Verified && (w.EventTypes is null || w.EventTypes.Count == 0 || w.EventTypes.Contains(evt.Type))
        && (w.BotId is null || s.Connections.Any(c => c.BotId == w.BotId && c.SharedDatabaseIds.Contains(evt.DatabaseId)))).ToList());

    internal JsonObject BuildEnvelope(WebhookSubscriptionState sub, NotionPageEvent evt, List<(string Id, string Type)> authors, string eventId, int attempt) => Read(s =>
    {
        var ws = s.Workspaces.FirstOrDefault(w => w.Id == evt.WorkspaceId);
        var integrationId = s.Connections.FirstOrDefault(c => c.BotId == sub.BotId)?.IntegrationId ?? PublicIntegrationId;
        var parent = new JsonObject { ["id"] = evt.DatabaseId, ["type"] = "database" };
        if (NotionVersion.HasDataSources(sub.ApiVersion)) parent["data_source_id"] = evt.DataSourceId;
        var data = new JsonObject { ["parent"] = parent };
        if (evt.Type == "page.properties_updated")
            data["updated_properties"] = new JsonArray(evt.UpdatedProperties.Select(p => (JsonNode)p).ToArray());
        return new JsonObject
        {
            ["id"] = eventId,
            ["timestamp"] = NotionDates.FormatTimestamp(evt.Timestamp),
            ["workspace_id"] = evt.WorkspaceId,
            ["workspace_name"] = ws?.Name,
            ["subscription_id"] = sub.Id,
            ["integration_id"] = integrationId,
            ["type"] = evt.Type,
            ["authors"] = new JsonArray(authors.Select(a => (JsonNode)new JsonObject { ["id"] = a.Id, ["type"] = a.Type }).ToArray()),
            ["attempt_number"] = attempt,
            ["api_version"] = sub.ApiVersion,
            ["entity"] = new JsonObject { ["id"] = evt.PageId, ["type"] = "page" },
            ["data"] = data,
        };
    });
}
