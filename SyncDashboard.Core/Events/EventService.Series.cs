using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Outbox;

namespace SyncDashboard.Core.Events;

/// <summary>
/// Edits and deletes of one occurrence of a series, as Google models them (ADR 0017): "this event" writes an override
/// (a deleted override cancels the date), "this and following" ends the series and starts a new one, "all events" changes
/// the series — moved by as much as the occurrence was moved, so its first date never jumps to the one being edited.
/// </summary>
public sealed partial class EventService
{
    /// <summary>One occurrence of a series, and its override when it already has one.</summary>
    private sealed record OccurrenceOf(CalendarEvent Series, DateTime OriginalStart, CalendarEvent? Override)
    {
        public bool IsFirst => OriginalStart == Series.Start;
    }

    /// <summary>
    /// The event as shown at <paramref name="shownStart"/>: for a series, that occurrence (its times, the series' id as
    /// <see cref="EventDto.SeriesId"/> and the start as <see cref="EventDto.OriginalStart"/>), which an edit then names.
    /// </summary>
    public async Task<EventDto> GetOccurrenceAsync(Guid userId, Guid id, DateTimeOffset? shownStart, CancellationToken ct = default)
    {
        var dto = await GetAsync(userId, id, ct);
        if (shownStart is not { } at || dto.Recurrence is not { Length: > 0 } || dto.RecurrenceProblem is not null || dto.SeriesId is not null) return dto;
        return dto with { Start = at, End = at + (dto.End - dto.Start), SeriesId = dto.Id, OriginalStart = at };
    }

    /// <param name="scope">Ignored for a single event; for a series without <paramref name="occurrence"/> only All applies.</param>
    /// <param name="occurrence">The occurrence's original start, when <paramref name="id"/> is the series.</param>
    public async Task<EventDto> UpdateAsync(Guid userId, Guid id, EventInput input, int? expectedVersion, EditScope? scope,
        DateTimeOffset? occurrence, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ev = await FindAsync(db, userId, id, ct);
        var fields = EventValidator.Validate(input, ev.Recurrence);
        if (expectedVersion is { } v && v != ev.Version)
            throw new ConcurrencyConflictException($"The event was changed elsewhere (now version {ev.Version}, you edited {v}). Reload and try again.");
        var target = await OccurrenceAsync(db, ev, scope, occurrence, ct);

        CalendarEvent changed;
        switch (target is null ? EditScope.All : scope ?? EditScope.This)
        {
            case EditScope.This:
                changed = await WriteOverrideAsync(db, target!, fields with { Recurrence = null }, ct);
                break;
            case EditScope.Following when !target!.IsFirst:
                changed = await SplitAsync(db, target, fields, ct);
                break;
            default:
                if (target is null)
                {
                    // An override whose series is gone stays a single event.
                    if (ev.SeriesId is not null) fields = fields with { Recurrence = null };
                    if (ev.ToFields() == fields) return await AfterCommitAsync(db, ev, ct, publish: false);
                    ev.Apply(fields);
                    await OutboxWriter.EnqueueAsync(db, ev, OutboxOperation.Update, Now, ct: ct);
                    changed = ev;
                    break;
                }
                changed = await UpdateWholeSeriesAsync(db, target, fields, ct);
                break;
        }
        await SaveAsync(db, ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Updated event {EventId} ({Scope}) for user {UserId}; wrote event {ChangedEventId}", id, scope ?? EditScope.All, userId, changed.Id);
        return await AfterCommitAsync(db, changed, ct);
    }

    /// <inheritdoc cref="UpdateAsync(Guid, Guid, EventInput, int?, EditScope?, DateTimeOffset?, CancellationToken)"/>
    /// <returns>The event that was deleted (an occurrence's override, or the series), which Undo restores; for "this and following", the series that now ends.</returns>
    public async Task<Guid> DeleteAsync(Guid userId, Guid id, EditScope? scope, DateTimeOffset? occurrence, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ev = await FindAsync(db, userId, id, ct);
        var target = await OccurrenceAsync(db, ev, scope, occurrence, ct);
        var undoable = Now + options.Value.DeleteUndoWindow;
        CalendarEvent deleted;
        switch (target is null ? EditScope.All : scope ?? EditScope.This)
        {
            case EditScope.This:
                deleted = target!.Override ?? NewOverride(db, target);
                await MarkDeletedAsync(db, deleted, undoable, ct);
                break;
            case EditScope.Following when !target!.IsFirst:
                deleted = target.Series;
                await EndSeriesBeforeAsync(db, target, ct);
                break;
            default:
                deleted = target?.Series ?? ev;
                await MarkDeletedAsync(db, deleted, undoable, ct);
                await DeleteOverridesAsync(db, deleted, DateTime.MinValue, undoable, ct);
                break;
        }
        await SaveAsync(db, ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Deleted event {EventId} ({Scope}) for user {UserId}; wrote event {ChangedEventId}", id, scope ?? EditScope.All, userId, deleted.Id);
        await AfterCommitAsync(db, deleted, ct);
        return deleted.Id;
    }

    /// <summary>
    /// The occurrence an edit names: <paramref name="ev"/> itself when it is an override, else the series' occurrence at
    /// <paramref name="occurrence"/>. Null when the edit is of a single event or of a whole series named without an occurrence.
    /// </summary>
    private static async Task<OccurrenceOf?> OccurrenceAsync(AppDbContext db, CalendarEvent ev, EditScope? scope, DateTimeOffset? occurrence, CancellationToken ct)
    {
        if (ev.SeriesId is { } seriesId && ev.OriginalStart is { } original)
        {
            var series = await db.Events.FirstOrDefaultAsync(e => e.Id == seriesId && e.UserId == ev.UserId && !e.IsDeleted, ct);
            return series is null ? null : new OccurrenceOf(series, original, ev);
        }
        if (!SeriesExpansion.IsExpandedSeries(ev)) return null;
        if (occurrence is not { } at)
        {
            if (scope is EditScope.This or EditScope.Following)
                throw Invalid("occurrence", "Name the occurrence (its original start) to change only this event or the following ones.");
            return null;
        }
        var start = at.UtcDateTime;
        var existing = await db.Events.FirstOrDefaultAsync(e => e.SeriesId == ev.Id && e.OriginalStart == start, ct);
        if (existing is { IsDeleted: true }) throw new NotFoundException("That occurrence was deleted.");
        if (existing is null && !SeriesExpansion.IsOccurrence(ev, start))
            throw Invalid("occurrence", $"The series has no occurrence starting at {at:O}.");
        return new OccurrenceOf(ev, start, existing);
    }

    private async Task<CalendarEvent> WriteOverrideAsync(AppDbContext db, OccurrenceOf target, EventFields fields, CancellationToken ct)
    {
        var row = target.Override ?? NewOverride(db, target);
        var isNew = target.Override is null;
        if (!isNew && row.ToFields() == fields) return row;
        row.Apply(fields);
        await OutboxWriter.EnqueueAsync(db, row, isNew ? OutboxOperation.Create : OutboxOperation.Update, Now, ct: ct);
        return row;
    }

    /// <summary>The series moves by as much as the occurrence did (the user dragged Thursday's to Friday: every one moves a day).</summary>
    private async Task<CalendarEvent> UpdateWholeSeriesAsync(AppDbContext db, OccurrenceOf target, EventFields fields, CancellationToken ct)
    {
        var series = target.Series;
        var shift = fields.Start - (target.Override?.Start ?? target.OriginalStart);
        var seriesFields = fields with
        {
            Start = series.Start + shift,
            End = series.Start + shift + (fields.End - fields.Start),
            Recurrence = fields.Recurrence ?? series.Recurrence,
        };
        if (series.ToFields() != seriesFields)
        {
            series.Apply(seriesFields);
            await OutboxWriter.EnqueueAsync(db, series, OutboxOperation.Update, Now, ct: ct);
        }
        // An override the user was looking at takes the edit as well, so what they saw changed is what they get.
        if (target.Override is { } row) await WriteOverrideAsync(db, target, fields with { Recurrence = null }, ct);
        return series;
    }

    private async Task<CalendarEvent> SplitAsync(AppDbContext db, OccurrenceOf target, EventFields fields, CancellationToken ct)
    {
        var series = target.Series;
        var originalRule = series.Recurrence!;
        var kept = await EndSeriesBeforeAsync(db, target, ct);
        var next = new CalendarEvent { UserId = series.UserId, Title = fields.Title, Version = 1, OriginIntegrationId = series.OriginIntegrationId };
        // An override has no rule of its own: the part that continues repeats as the series did.
        var rule = target.Override is not null && fields.Recurrence is null ? originalRule : fields.Recurrence;
        next.Apply(fields with { Recurrence = SeriesSplit.Continue(rule, originalRule, kept) });
        db.Events.Add(next);
        await OutboxWriter.EnqueueAsync(db, next, OutboxOperation.Create, Now, ct: ct, alsoTo: await OutboxWriter.HoldersAsync(db, series.Id, ct));
        return next;
    }

    /// <summary>Ends the series just before the occurrence; the overrides from there on go with the part that ended.</summary>
    private async Task<int> EndSeriesBeforeAsync(AppDbContext db, OccurrenceOf target, CancellationToken ct)
    {
        var series = target.Series;
        var (ended, kept) = SeriesSplit.EndBefore(series, target.OriginalStart);
        series.Apply(series.ToFields() with { Recurrence = ended });
        await OutboxWriter.EnqueueAsync(db, series, OutboxOperation.Update, Now, ct: ct);
        await DeleteOverridesAsync(db, series, target.OriginalStart, Now, ct);
        return kept;
    }

    /// <summary>Deleted with the series share its deletion time, which is how Undo finds them again.</summary>
    private async Task DeleteOverridesAsync(AppDbContext db, CalendarEvent series, DateTime from, DateTime sendAt, CancellationToken ct)
    {
        var overrides = await db.Events.Where(e => e.SeriesId == series.Id && e.UserId == series.UserId && !e.IsDeleted && e.OriginalStart >= from).ToListAsync(ct);
        foreach (var row in overrides) await MarkDeletedAsync(db, row, sendAt, ct, deletedAt: series.DeletedAt);
    }

    private async Task MarkDeletedAsync(AppDbContext db, CalendarEvent ev, DateTime sendAt, CancellationToken ct, DateTime? deletedAt = null)
    {
        // Soft delete: the row stays so the deletion can still be sent to every integration that holds the event; a
        // deleted override is also what cancels its date in the series.
        ev.IsDeleted = true;
        ev.DeletedAt = deletedAt ?? Now;
        await OutboxWriter.EnqueueAsync(db, ev, OutboxOperation.Delete, Now, ct: ct, notBefore: sendAt);
    }

    private static CalendarEvent NewOverride(AppDbContext db, OccurrenceOf target) =>
        db.Events.Add(CalendarEvent.OverrideOf(target.Series, target.OriginalStart)).Entity;

    internal static InputValidationException Invalid(string key, string message) => new(new Dictionary<string, string[]> { [key] = [message] });
}
