using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync;

namespace SyncDashboard.Core.Notion;

/// <summary>What a reconciliation scan found: pages confirmed gone, how many live pages were listed, requests spent.</summary>
public sealed record NotionVanishedScan(IReadOnlyList<string> VanishedPageIds, int LivePages, int Requests);

public sealed partial class NotionCalendarProvider
{
    /// <summary>
    /// Null cursor: every live page (a full listing). Otherwise pages edited on or after since − 1 minute, oldest edit
    /// first, 100 per request, trashed ones included (reported as deletions); when nothing changed that is one request.
    /// Pages without a date are not events and are left out.
    /// </summary>
    public Task<RemoteChanges> FetchChangesAsync(Integration integration, string? cursor, CancellationToken ct) =>
        FetchChangesAsync(integration, cursor, null, ct);

    public async Task<RemoteChanges> FetchChangesAsync(Integration integration, string? cursor, IProgress<int>? pagesFetched, CancellationToken ct)
    {
        NotionCursor? from = null;
        if (cursor is not null)
            from = NotionCursor.TryParse(cursor) ?? throw new CursorExpiredException("The stored Notion cursor is unreadable; listing everything again.");
        var target = await ResolveAsync(integration, from?.DataSourceId, ct);
        var sortByEdit = new JsonArray(new JsonObject { ["timestamp"] = "last_edited_time", ["direction"] = "ascending" });
        var query = from?.Since is { } since
            ? new NotionQueryRequest(new JsonObject
            {
                ["timestamp"] = "last_edited_time",
                ["last_edited_time"] = new JsonObject { ["on_or_after"] = Iso(since - NotionCursor.Overlap) },
            }, sortByEdit, InTrash: true)
            : new NotionQueryRequest(null, sortByEdit);
        var (pages, requests) = await QueryAllAsync(integration, target, query, null, ct, pagesFetched);
        requests += target.ResolveRequests;

        var events = new List<RemoteEvent>();
        var newest = from?.Since;
        var versions = new List<(string Id, DateTimeOffset Edited, string Version)>();
        foreach (var page in pages)
        {
            var remote = NotionPageMapper.ToRemote(page, target.Mapping);
            var edited = NotionPageMapper.ParseInstant(page.LastEditedTime) ?? DateTimeOffset.MinValue;
            if (newest is null || edited > newest) newest = edited;
            versions.Add((page.Id, edited, remote.Version!));
            if (from?.Seen?.GetValueOrDefault(page.Id) == remote.Version) continue; // already reported: overlap, not change
            if (remote.Fields is null && !remote.Deleted)
            {
                logger.LogDebug("Skipped Notion page {PageId} of integration {IntegrationId}: it has no date", page.Id, integration.Id);
                continue;
            }
            events.Add(remote);
        }
        // An empty database gives no stamp to start from; an hour back from our clock absorbs any skew with Notion's.
        newest ??= clock.GetUtcNow() - TimeSpan.FromHours(1);
        // Edits older than the settle time are assumed visible to Notion's query by now, so the cursor moves past them
        // even when nothing newer was edited; otherwise one bulk edit would be re-read by every idle poll, forever.
        var settled = clock.GetUtcNow() - NotionCursor.SettleTime;
        if (newest < settled) newest = settled;
        var seen = versions.Where(v => v.Edited >= newest.Value - NotionCursor.Overlap).ToList();
        var next = new NotionCursor(newest, target.DataSourceId,
            seen.Count is > 0 and <= NotionCursor.MaxSeen ? seen.ToDictionary(v => v.Id, v => v.Version) : null);
        logger.LogDebug("Listed {Count} changed pages of integration {IntegrationId} (full: {Full}) in {Requests} requests; since {Since}",
            events.Count, integration.Id, cursor is null, requests, next.Since);
        return new RemoteChanges(events, next.ToJson(), cursor is null, requests);
    }

    /// <summary>
    /// Reconciliation: lists every live page and, for each known page id missing from the listing, confirms with a page
    /// retrieve. Only pages that are trashed, gone (404, e.g. unshared or purged) or moved to another database are
    /// returned; a listing that comes back short or empty therefore never turns into a mass deletion by itself.
    /// </summary>
    public async Task<NotionVanishedScan> FindVanishedAsync(Integration integration, IReadOnlyCollection<string> knownPageIds, CancellationToken ct)
    {
        var target = await ResolveAsync(integration, null, ct);
        // Only the title comes back (its id is always "title"): the scan needs ids, not content.
        var (pages, requests) = await QueryAllAsync(integration, target, new NotionQueryRequest(), ["title"], ct);
        requests += target.ResolveRequests;
        var live = pages.Where(p => !p.IsTrashed).Select(p => Normalize(p.Id)).ToHashSet();
        var vanished = new List<string>();
        foreach (var id in knownPageIds.Where(id => !live.Contains(Normalize(id))).Distinct())
        {
            var page = await client.RetrievePageAsync(target.Call, id, ct);
            requests++;
            var gone = page is null || page.IsTrashed
                || (page.Parent?.DataSourceId is { } ds && !SameId(ds, target.DataSourceId))
                || (page.Parent?.DataSourceId is null && page.Parent?.DatabaseId is { } db && !SameId(db, integration.ExternalId));
            if (gone) vanished.Add(id);
            else logger.LogWarning("Notion page {PageId} of integration {IntegrationId} was missing from the listing but is live; not deleting it",
                id, integration.Id);
        }
        if (vanished.Count > 0)
            logger.LogInformation("Reconciliation of integration {IntegrationId} confirmed {Count} vanished pages {PageIds} ({Live} live, {Requests} requests)",
                integration.Id, vanished.Count, vanished, live.Count, requests);
        return new NotionVanishedScan(vanished, live.Count, requests);
    }

    /// <summary>Every page of a query (following next_cursor, since a page may be short), de-duplicated by id, last seen wins.</summary>
    private async Task<(List<NotionPage> Pages, int Requests)> QueryAllAsync(Integration integration, NotionTarget target, NotionQueryRequest query,
        IReadOnlyCollection<string>? filterProperties, CancellationToken ct, IProgress<int>? pagesFetched = null)
    {
        var byId = new Dictionary<string, NotionPage>();
        var order = new List<string>();
        var requests = 0;
        string? startCursor = null;
        do
        {
            var page = await client.QueryDataSourceAsync(target.Call, target.DataSourceId, query with { StartCursor = startCursor }, ct, filterProperties);
            requests++;
            pagesFetched?.Report(requests);
            if (page is null)
            {
                Forget(integration);
                throw NotShared(integration);
            }
            foreach (var p in page.Results ?? [])
            {
                // A page edited while we page through can show up twice; keep its latest state once, in its latest place.
                if (byId.ContainsKey(p.Id)) order.Remove(p.Id);
                byId[p.Id] = p;
                order.Add(p.Id);
            }
            startCursor = page.HasMore ? page.NextCursor : null;
        } while (startCursor is not null);
        return (order.Select(id => byId[id]).ToList(), requests);
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
