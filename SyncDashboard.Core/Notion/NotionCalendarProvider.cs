using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync;

namespace SyncDashboard.Core.Notion;

/// <summary>
/// The sync engine's port for Notion: one integration is one database (<c>Integration.ExternalId</c>), read and written
/// through its data source. Notion has no sync token, no etag and no If-Match: changes are found by
/// <c>last_edited_time</c> (see <see cref="NotionCursor"/>), versions are <c>last_edited_time:contentHash</c>, creates
/// look up the app's event id first, and deletions that leave no trace are found by <see cref="FindVanishedAsync"/>.
/// </summary>
public sealed partial class NotionCalendarProvider(
    NotionClient client, NotionMappingValidator validator, TimeProvider clock, ILogger<NotionCalendarProvider> logger) : ICalendarProvider
{
    private readonly ConcurrentDictionary<(Guid, string), string> _dataSources = new();
    private readonly ConcurrentDictionary<(Guid, string), NotionPropertyMapping> _mappings = new();
    private readonly ConcurrentDictionary<Guid, string> _botIds = new();

    public Provider Provider => Provider.Notion;

    public async Task<RemoteEvent?> GetAsync(Integration integration, string externalId, CancellationToken ct)
    {
        var target = await ResolveAsync(integration, null, ct);
        return await client.RetrievePageAsync(target.Call, externalId, ct) is { } page ? NotionPageMapper.ToRemote(page, target.Mapping) : null;
    }

    /// <summary>
    /// Idempotent: first looks for a page already carrying <paramref name="appEventId"/> (or, without an id property,
    /// the same Title and start created by this connection) and makes it match, so a create whose response was lost —
    /// a timeout, a 500 after the write landed — never makes a second page.
    /// </summary>
    public async Task<RemoteWriteResult> CreateAsync(Integration integration, Guid appEventId, EventFields fields, CancellationToken ct)
    {
        var target = await ResolveAsync(integration, null, ct);
        var properties = NotionPageMapper.ToProperties(fields, target.Mapping, appEventId);
        NotionPage page;
        if (await FindCreatedAsync(target, appEventId, fields, ct) is { } existing)
        {
            logger.LogInformation("Notion page {PageId} of integration {IntegrationId} already holds event {EventId}; updating it instead of creating another",
                existing.Id, integration.Id, appEventId);
            page = await client.UpdatePageAsync(target.Call, existing.Id, new NotionUpdatePageRequest(properties), ct)
                ?? throw new TransientProviderException($"Notion page {existing.Id} disappeared while it was being updated.");
        }
        else
        {
            page = await client.CreatePageAsync(target.Call,
                new NotionCreatePageRequest(new NotionParent("data_source_id", DataSourceId: target.DataSourceId), properties), ct);
            logger.LogInformation("Created Notion page {PageId} in integration {IntegrationId} for event {EventId}", page.Id, integration.Id, appEventId);
        }
        return Written(page, target.Mapping);
    }

    public async Task<string?> FindCreatedAsync(Integration integration, Guid appEventId, EventFields fields, CancellationToken ct) =>
        (await FindCreatedAsync(await ResolveAsync(integration, null, ct), appEventId, fields, ct))?.Id;

    /// <summary>
    /// Notion has no If-Match. With an <paramref name="expectedVersion"/> the page is read first and its content hash
    /// compared with the version's (the minute-rounded time alone cannot tell edits apart, and an edit of an unmapped
    /// property is no conflict); a difference, or a trashed or missing page, is a <see cref="RemoteVersionMismatchException"/>.
    /// That costs one GET per update; the window between the GET and the PATCH remains, as Notion offers nothing closer.
    /// </summary>
    public async Task<RemoteWriteResult> UpdateAsync(Integration integration, Guid appEventId, string externalId, string? expectedVersion,
        EventFields fields, CancellationToken ct)
    {
        var target = await ResolveAsync(integration, null, ct);
        if (expectedVersion is not null)
        {
            var current = await client.RetrievePageAsync(target.Call, externalId, ct);
            var currentVersion = current is null || current.IsTrashed ? null : NotionPageMapper.ToRemote(current, target.Mapping).Version;
            if (currentVersion is null || NotionPageMapper.HashOf(currentVersion) != NotionPageMapper.HashOf(expectedVersion))
            {
                logger.LogInformation("Notion page {PageId} of integration {IntegrationId} changed since version {Expected} (now {Current})",
                    externalId, integration.Id, expectedVersion, currentVersion ?? "gone");
                throw new RemoteVersionMismatchException($"Notion page {externalId} changed since we last read it.");
            }
        }
        NotionPage? page;
        try
        {
            page = await client.UpdatePageAsync(target.Call, externalId,
                new NotionUpdatePageRequest(NotionPageMapper.ToProperties(fields, target.Mapping, appEventId)), ct);
        }
        catch (Exception ex) when (NotionErrors.IsArchivedEdit(ex))
        {
            throw new RemoteVersionMismatchException($"Notion page {externalId} was moved to the trash.");
        }
        if (page is null) throw new RemoteVersionMismatchException($"Notion page {externalId} no longer exists or is no longer shared.");
        logger.LogInformation("Updated Notion page {PageId} of integration {IntegrationId} from event {EventId}", externalId, integration.Id, appEventId);
        return Written(page, target.Mapping);
    }

    /// <summary>Moves the page to the trash (the API has no permanent delete); a missing or already trashed page counts as done.</summary>
    public async Task DeleteAsync(Integration integration, string externalId, CancellationToken ct)
    {
        var call = Call(integration);
        try
        {
            var page = await client.UpdatePageAsync(call, externalId, new NotionUpdatePageRequest(InTrash: true), ct);
            logger.LogInformation("Trashed Notion page {PageId} of integration {IntegrationId} (found: {Found})", externalId, integration.Id, page is not null);
        }
        catch (Exception ex) when (NotionErrors.IsArchivedEdit(ex))
        {
            logger.LogInformation("Notion page {PageId} of integration {IntegrationId} was already in the trash", externalId, integration.Id);
        }
    }

    private static RemoteWriteResult Written(NotionPage page, NotionPropertyMapping mapping)
    {
        // What Notion now holds (unmapped fields absent), so the next merge's base is the truth, not our wish.
        var remote = NotionPageMapper.ToRemote(page, mapping);
        return new RemoteWriteResult(page.Id, remote.Version, remote.Fields, remote.WebLink);
    }

    internal static NotionCallContext Call(Integration integration) =>
        new(integration.CredentialId ?? throw new ReconnectRequiredException("This Notion database has no credentials — reconnect Notion on the Settings page."));
}
