using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync;

namespace SyncDashboard.Core.Notion;

/// <summary>Where an integration's pages live (data source id) and how they map, resolved once and cached.</summary>
internal sealed record NotionTarget(NotionCallContext Call, string DataSourceId, NotionPropertyMapping Mapping, int ResolveRequests);

public sealed partial class NotionCalendarProvider
{
    /// <summary>
    /// The data source comes from the cursor, then the cache, then GET databases/{id} (its first data source); the
    /// mapping from <c>Integration.PropertyMapping</c>, else the preselection over the live schema (GET data_sources/{id}).
    /// With both stored, resolving costs no request.
    /// </summary>
    private async Task<NotionTarget> ResolveAsync(Integration integration, string? dataSourceId, CancellationToken ct)
    {
        var call = Call(integration);
        var key = (integration.Id, integration.ExternalId);
        var requests = 0;
        dataSourceId ??= NotionCursor.TryParse(integration.Cursor)?.DataSourceId ?? _dataSources.GetValueOrDefault(key);
        if (dataSourceId is null)
        {
            var database = await client.RetrieveDatabaseAsync(call, integration.ExternalId, ct) ?? throw NotShared(integration);
            requests++;
            if (database.DataSources is not { Count: > 0 } sources)
                throw new PermanentProviderException($"The Notion database '{integration.DisplayName}' has no data source to sync with.");
            if (sources.Count > 1)
                logger.LogWarning("Notion database {DatabaseId} of integration {IntegrationId} has {Count} data sources; syncing the first, {DataSourceId}",
                    integration.ExternalId, integration.Id, sources.Count, sources[0].Id);
            dataSourceId = sources[0].Id;
        }
        _dataSources[key] = dataSourceId;

        var mapping = NotionPropertyMapping.FromJson(integration.PropertyMapping) ?? _mappings.GetValueOrDefault(key);
        if (mapping is null)
        {
            var source = await client.RetrieveDataSourceAsync(call, dataSourceId, ct) ?? throw NotShared(integration);
            requests++;
            var proposal = validator.Preselect(source.Properties ?? new Dictionary<string, NotionPropertySchema>());
            mapping = proposal.Mapping ?? throw new PermanentProviderException(
                "Choose which Notion properties hold the event fields on the Settings page: " + string.Join(" ", proposal.Errors));
            _mappings[key] = mapping;
        }
        return new NotionTarget(call, dataSourceId, mapping, requests);
    }

    /// <summary>Forgets the cached data source and mapping of an integration (after the user remaps or reconnects it).</summary>
    public void Forget(Integration integration)
    {
        _dataSources.TryRemove((integration.Id, integration.ExternalId), out _);
        _mappings.TryRemove((integration.Id, integration.ExternalId), out _);
    }

    private static PermanentProviderException NotShared(Integration integration) => new(
        $"The Notion database '{integration.DisplayName}' is gone or no longer shared with the connection — share it again in Notion (••• → Connections).");

    /// <summary>A live page an earlier attempt of this create already made, if any.</summary>
    private async Task<NotionPage?> FindCreatedAsync(NotionTarget target, Guid appEventId, EventFields fields, CancellationToken ct)
    {
        var map = target.Mapping;
        if (map.AppEventIdProperty is { } idProperty)
        {
            var byId = new JsonObject { ["property"] = idProperty, ["rich_text"] = new JsonObject { ["equals"] = appEventId.ToString() } };
            var found = await client.QueryDataSourceAsync(target.Call, target.DataSourceId, new NotionQueryRequest(byId, PageSize: 10), ct);
            return found?.Results?.FirstOrDefault(p => !p.IsTrashed);
        }

        // No id property: the same title and start, on a page this connection (not a person) created.
        var date = NotionPageMapper.ToDate(fields);
        var byContent = new JsonObject
        {
            ["and"] = new JsonArray(
                new JsonObject { ["property"] = map.Title, ["title"] = new JsonObject { ["equals"] = fields.Title } },
                new JsonObject { ["property"] = map.Date, ["date"] = new JsonObject { ["equals"] = date.Start } }),
        };
        var candidates = await client.QueryDataSourceAsync(target.Call, target.DataSourceId, new NotionQueryRequest(byContent, PageSize: 10), ct);
        if (candidates?.Results is not { Count: > 0 } results) return null;
        var botId = await BotIdAsync(target.Call, ct);
        return results.FirstOrDefault(p => !p.IsTrashed && SameId(p.CreatedBy?.Id, botId)
            && NotionPageMapper.ToFields(p, map) is { } f && f.Start == fields.Start && f.IsAllDay == fields.IsAllDay);
    }

    private async Task<string> BotIdAsync(NotionCallContext call, CancellationToken ct)
    {
        if (_botIds.TryGetValue(call.CredentialId, out var id)) return id;
        var bot = await client.GetBotUserAsync(call, ct);
        return _botIds[call.CredentialId] = bot.Id;
    }

    /// <summary>Notion ids compare without dashes and case.</summary>
    public static bool SameId(string? a, string? b) => a is not null && b is not null && Normalize(a) == Normalize(b);

    internal static string Normalize(string id) => id.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
}
