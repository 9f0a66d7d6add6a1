using SyncDashboard.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Idempotency;
using SyncDashboard.Core.Notifications;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync;
using SyncDashboard.Core.Sync.Outbox;

namespace SyncDashboard.Core.Events;

/// <summary>
/// Every change a user makes to events goes through here: validate, write the event and its outbox rows in
/// one transaction, then wake the dispatcher and tell every open page. All reads and writes are scoped to the user.
/// </summary>
public sealed partial class EventService(
    IDbContextFactory<AppDbContext> dbFactory,
    IChangeNotifier notifier,
    IOutboxSignal outboxSignal,
    TimeProvider clock,
    IOptions<EventOptions> options,
    ILogger<EventService> logger)
{
    public Task<EventDto> CreateAsync(Guid userId, EventInput input, CancellationToken ct = default) => CreateAsync(userId, input, null, ct);

    /// <param name="idempotency">
    /// The request's Idempotency-Key: the answer is recorded in the event's own transaction, so a retry after any
    /// failure either replays it or finds that nothing was created.
    /// </param>
    public async Task<EventDto> CreateAsync(Guid userId, EventInput input, IdempotencyClaim? idempotency, CancellationToken ct = default)
    {
        var fields = EventValidator.Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ev = new CalendarEvent { UserId = userId, Title = fields.Title, Version = 1 };
        ev.Apply(fields);
        db.Events.Add(ev);
        var targets = await OutboxWriter.EnqueueAsync(db, ev, OutboxOperation.Create, Now, ct: ct);
        await db.SaveChangesAsync(ct);
        if (idempotency is not null) await idempotency.RecordAsync(db, EventDto.From(ev, await ExternalSyncAsync(db, ev, ct)), ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Created event {EventId} for user {UserId}; queued for integrations {IntegrationIds}", ev.Id, userId, targets);
        return await AfterCommitAsync(db, ev, ct);
    }

    public Task<EventDto> UpdateAsync(Guid userId, Guid id, EventInput input, int? expectedVersion = null, CancellationToken ct = default) =>
        UpdateAsync(userId, id, input, expectedVersion, null, null, ct);

    /// <summary>Deletes an event, or a whole series with its overrides.</summary>
    public Task<Guid> DeleteAsync(Guid userId, Guid id, CancellationToken ct = default) => DeleteAsync(userId, id, null, null, ct);

    public async Task<EventDto> GetAsync(Guid userId, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await FindAsync(db, userId, id, ct);
        return EventDto.From(ev, await ExternalSyncAsync(db, ev, ct));
    }

    /// <summary>
    /// Events overlapping [from, to), by default from a day ago for 31 days. All-day events are matched by date, widened by a
    /// day each way and trimmed by the caller's view.
    /// </summary>
    public async Task<IReadOnlyList<EventDto>> ListAsync(Guid userId, DateTimeOffset? fromOrDefault, DateTimeOffset? toOrDefault, CancellationToken ct = default)
    {
        var (from, to) = ListWindow(fromOrDefault, toOrDefault);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (f, t) = (from.UtcDateTime.AddDays(-1), to.UtcDateTime.AddDays(1));
        // A series can start long before the window and still have occurrences in it.
        var events = await db.Events.AsNoTracking()
            .Where(e => e.UserId == userId && !e.IsDeleted && e.Start < t && (e.End > f || e.Recurrence != null))
            .OrderBy(e => e.Start).Take(5000).ToListAsync(ct);
        var shown = (await SeriesExpansion.ExpandAsync(db, events, from.UtcDateTime, to.UtcDateTime, ct))
            .Where(x => x.Event.IsAllDay || (x.Start < to.UtcDateTime && x.End > from.UtcDateTime))
            .OrderBy(x => x.Start)
            .ToList();
        var sync = await ExternalSyncOfAsync(db, userId, shown.Select(x => x.Event.Id).Distinct().ToList(), ct);
        return shown
            .Select(x => EventDto.From(x.Event, sync.GetValueOrDefault(x.Event.Id) ?? []) with
            {
                Start = new DateTimeOffset(x.Start, TimeSpan.Zero), End = new DateTimeOffset(x.End, TimeSpan.Zero),
                SeriesId = x.OriginalStart is null ? null : x.Event.SeriesId ?? x.Event.Id,
                OriginalStart = x.OriginalStart is { } o ? new DateTimeOffset(o, TimeSpan.Zero) : null,
            })
            .ToList();
    }

    private (DateTimeOffset From, DateTimeOffset To) ListWindow(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } f && !EventLimits.InRange(f)) throw Invalid("from", $"'from' must be {EventLimits.RangeText}.");
        if (to is { } t && !EventLimits.InRange(t)) throw Invalid("to", $"'to' must be {EventLimits.RangeText}.");
        var start = from ?? clock.GetUtcNow().AddDays(-1);
        var end = to ?? (start.UtcDateTime.AddDays(31) is var d && d < EventLimits.Latest ? start.AddDays(31) : new DateTimeOffset(EventLimits.Latest));
        if (end <= start) throw Invalid("to", "'to' must be after 'from'.");
        if (end - start > TimeSpan.FromDays(400)) throw Invalid("to", "The range can span at most 400 days.");
        return (start, end);
    }

    /// <summary>A single event's own span, or each occurrence of a series near the window.</summary>
    internal static IEnumerable<(DateTime Start, DateTime End)> Occurrences(CalendarEvent e, DateTime fromUtc, DateTime toUtc) =>
        e.Recurrence is { Length: > 0 } rule
            ? RecurrenceExpander.Occurrences(e.Start, e.End, e.IsAllDay, e.TimeZone, rule, fromUtc, toUtc)
            : [(e.Start, e.End)];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static async Task<CalendarEvent> FindAsync(AppDbContext db, Guid userId, Guid id, CancellationToken ct) =>
        await db.Events.FirstOrDefaultAsync(e => e.Id == id && e.UserId == userId && !e.IsDeleted, ct)
        ?? throw new NotFoundException($"Event {id} was not found.");

    private static async Task SaveAsync(AppDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("The event was changed at the same time by another writer. Reload and try again.");
        }
    }

    private async Task<EventDto> AfterCommitAsync(AppDbContext db, CalendarEvent ev, CancellationToken ct, bool publish = true)
    {
        if (publish)
        {
            outboxSignal.Notify();
            await notifier.PublishAsync(ev.UserId, null, [ev.Id], ct);
        }
        return EventDto.From(ev, await ExternalSyncAsync(db, ev, ct));
    }

    /// <summary>
    /// The sync states of many events in one query, so the calendar can mark what is not in sync without asking per
    /// event. Occurrences of a series share the series' states.
    /// </summary>
    internal static async Task<Dictionary<Guid, IReadOnlyList<ExternalSyncStatus>>> ExternalSyncOfAsync(
        AppDbContext db, Guid userId, IReadOnlyList<Guid> eventIds, CancellationToken ct)
    {
        if (eventIds.Count == 0) return [];
        var rows = await (from l in db.EventLinks.AsNoTracking()
                          join i in db.Integrations.AsNoTracking() on l.IntegrationId equals i.Id
                          where l.UserId == userId && i.UserId == userId && eventIds.Contains(l.EventId)
                          select new { l.EventId, Status = new ExternalSyncStatus(i.Id, i.Provider, i.DisplayName, l.State, l.ExternalId, l.LastError, l.WebLink) })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.EventId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ExternalSyncStatus>)g.Select(r => r.Status).ToList());
    }

    internal static async Task<IReadOnlyList<ExternalSyncStatus>> ExternalSyncAsync(AppDbContext db, CalendarEvent ev, CancellationToken ct) =>
        (await ExternalSyncOfAsync(db, ev.UserId, [ev.Id], ct)).GetValueOrDefault(ev.Id) ?? [];
}
