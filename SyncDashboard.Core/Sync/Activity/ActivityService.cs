using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Core.Sync.Activity;

/// <summary>
/// The activity page and the editor's history, read from what sync keeps anyway: runs, outbox rows and links (ADR 0020).
/// Every query is the user's own.
/// </summary>
public sealed class ActivityService(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>Every integration the user has had, disconnected ones too (their runs and dead letters stay listed).</summary>
    public async Task<IReadOnlyList<ActivityIntegration>> IntegrationsAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Integrations.AsNoTracking().Where(i => i.UserId == userId)
            .Select(i => new { i.Id, i.DisplayName, i.Provider, i.Status }).ToListAsync(ct);
        return rows.OrderBy(r => r.Status == IntegrationStatus.Disconnected).ThenBy(r => r.Provider).ThenBy(r => r.DisplayName)
            .Select(r => new ActivityIntegration(r.Id, r.DisplayName, r.Provider, r.Status == IntegrationStatus.Disconnected)).ToList();
    }

    public async Task<IReadOnlyList<SyncRunDto>> RunsAsync(Guid userId, ActivityFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireOwnAsync(db, userId, filter.IntegrationId, ct);
        var runs = await db.SyncRuns.AsNoTracking()
            .Where(r => r.UserId == userId && (filter.IntegrationId == null || r.IntegrationId == filter.IntegrationId))
            .OrderByDescending(r => r.Id).Take(filter.Take)
            .Join(db.Integrations, r => r.IntegrationId, i => i.Id, (r, i) => new { Run = r, i.DisplayName, i.Provider })
            .ToListAsync(ct);
        return runs.Select(x => new SyncRunDto(x.Run.Id, x.Run.IntegrationId, x.DisplayName, x.Provider, x.Run.Kind, x.Run.Trigger,
            Utc(x.Run.StartedAt), x.Run.DurationMs, x.Run.Created, x.Run.Updated, x.Run.Deleted, x.Run.Failed, x.Run.Held,
            x.Run.Requests, x.Run.Error)).ToList();
    }

    public async Task<IReadOnlyList<OutboxChangeDto>> ChangesAsync(Guid userId, ActivityFilter filter, CancellationToken ct = default)
    {
        var states = filter.States is { Count: > 0 } s ? s : ActivityFilter.NeedsAttention;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireOwnAsync(db, userId, filter.IntegrationId, ct);
        var rows = await Changes(db, userId)
            .Where(x => states.Contains(x.Item.State) && (filter.IntegrationId == null || x.Item.IntegrationId == filter.IntegrationId))
            .OrderByDescending(x => x.Item.UpdatedAt).ThenByDescending(x => x.Item.Id).Take(filter.Take).ToListAsync(ct);
        return rows.Select(ToDto).ToList();
    }

    /// <summary>One change of the user's, or not found (whoever's else it is).</summary>
    public async Task<OutboxChangeDto> ChangeAsync(Guid userId, long itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await Changes(db, userId).FirstOrDefaultAsync(x => x.Item.Id == itemId, ct)
            ?? throw new NotFoundException($"Change {itemId} was not found.");
        return ToDto(row);
    }

    /// <summary>
    /// Where the event came from, what was sent where and when, what is waiting or failed, and since when each side
    /// holds it; oldest first. Not found for another user's event.
    /// </summary>
    public async Task<IReadOnlyList<EventHistoryEntry>> EventHistoryAsync(Guid userId, Guid eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId && e.UserId == userId)
            .Select(e => new { e.CreatedAt, e.OriginIntegrationId }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Event {eventId} was not found.");
        var integrations = await db.Integrations.AsNoTracking().Where(i => i.UserId == userId)
            .ToDictionaryAsync(i => i.Id, i => (i.DisplayName, i.Provider), ct);
        var items = await db.Outbox.AsNoTracking().Where(o => o.EventId == eventId && o.UserId == userId).OrderBy(o => o.Id).ToListAsync(ct);
        var links = await db.EventLinks.AsNoTracking().Where(l => l.EventId == eventId && l.UserId == userId && l.LastSyncedAt != null).ToListAsync(ct);

        var entries = new List<EventHistoryEntry>();
        if (ev.OriginIntegrationId is { } origin && integrations.TryGetValue(origin, out var from))
            entries.Add(new(EventHistoryKind.CreatedElsewhere, Utc(ev.CreatedAt), from.DisplayName, from.Provider));
        else entries.Add(new(EventHistoryKind.CreatedInApp, Utc(ev.CreatedAt)));
        foreach (var item in items)
        {
            var (name, provider) = integrations.GetValueOrDefault(item.IntegrationId, ("a removed integration", default));
            entries.Add(item.State switch
            {
                OutboxState.Completed => new(EventHistoryKind.Sent, Utc(item.CompletedAt ?? item.UpdatedAt), name, provider, item.Operation),
                OutboxState.Failed => new(EventHistoryKind.Retrying, Utc(item.UpdatedAt), name, provider, item.Operation, item.LastError),
                OutboxState.DeadLettered => new(EventHistoryKind.GaveUp, Utc(item.UpdatedAt), name, provider, item.Operation, item.LastError),
                OutboxState.Held => new(EventHistoryKind.Held, Utc(item.UpdatedAt), name, provider, item.Operation),
                _ => new(EventHistoryKind.Waiting, Utc(item.CreatedAt), name, provider, item.Operation, item.LastError),
            });
        }
        // Once completed rows are purged, the links still say since when each side has held the event as it is.
        foreach (var link in links.Where(l => !items.Any(i => i.IntegrationId == l.IntegrationId && i.State == OutboxState.Completed)))
        {
            if (!integrations.TryGetValue(link.IntegrationId, out var side)) continue;
            entries.Add(new(EventHistoryKind.InSync, Utc(link.LastSyncedAt!.Value), side.DisplayName, side.Provider));
        }
        return entries.OrderBy(e => e.At ?? DateTimeOffset.MaxValue).ToList();
    }

    /// <summary>A filter naming someone else's integration (or none that exists) is not found, like the integration itself.</summary>
    private static async Task RequireOwnAsync(AppDbContext db, Guid userId, Guid? integrationId, CancellationToken ct)
    {
        if (integrationId is { } id && !await db.Integrations.AnyAsync(i => i.Id == id && i.UserId == userId, ct))
            throw new NotFoundException($"Integration {id} was not found.");
    }

    /// <summary>Properties, not a constructor: EF composes filters and ordering on a member-init projection only.</summary>
    private sealed class ChangeRow
    {
        public required OutboxItem Item { get; init; }
        public required string Title { get; init; }
        public required string Integration { get; init; }
        public Provider Provider { get; init; }
        public IntegrationStatus Status { get; init; }
    }

    private static IQueryable<ChangeRow> Changes(AppDbContext db, Guid userId) =>
        from o in db.Outbox.AsNoTracking()
        where o.UserId == userId
        join i in db.Integrations on o.IntegrationId equals i.Id
        join e in db.Events on o.EventId equals e.Id
        select new ChangeRow { Item = o, Title = e.Title, Integration = i.DisplayName, Provider = i.Provider, Status = i.Status };

    private static OutboxChangeDto ToDto(ChangeRow x) => new(x.Item.Id, x.Item.EventId, x.Title, x.Item.IntegrationId, x.Integration, x.Provider,
        x.Item.Operation, x.Item.State, x.Item.Attempts, x.Item.LastError, Utc(x.Item.UpdatedAt), OutboxRetry.CanRetry(x.Item.State, x.Status));

    private static DateTimeOffset Utc(DateTime d) => new(DateTime.SpecifyKind(d, DateTimeKind.Utc));
}
