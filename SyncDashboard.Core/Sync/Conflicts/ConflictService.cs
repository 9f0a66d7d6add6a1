using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Merge;

namespace SyncDashboard.Core.Sync.Conflicts;

public sealed record ConflictDto(
    Guid Id, Guid EventId, string EventTitle, Guid IntegrationId, string Integration, IReadOnlyList<string> Fields,
    ConflictOutcome Outcome, EventFields Local, EventFields Remote, DateTimeOffset CreatedAt);

/// <summary>Conflicts settled automatically (last write wins), shown to the user, who may take the other side instead.</summary>
public sealed class ConflictService(IDbContextFactory<AppDbContext> dbFactory, EventService events, TimeProvider clock)
{
    public async Task<IReadOnlyList<ConflictDto>> ListOpenAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from c in db.Conflicts.AsNoTracking()
                          join e in db.Events.AsNoTracking() on c.EventId equals e.Id
                          join i in db.Integrations.AsNoTracking() on c.IntegrationId equals i.Id
                          where c.UserId == userId && c.ResolvedAt == null && !e.IsDeleted
                          select new { c, e.Title, i.DisplayName }).ToListAsync(ct);
        return rows.OrderByDescending(r => r.c.CreatedAt).Select(r => new ConflictDto(
            r.c.Id, r.c.EventId, r.Title, r.c.IntegrationId, r.DisplayName, r.c.Fields.Split(','), r.c.Outcome,
            FieldsJson.Deserialize(r.c.LocalFields)!, FieldsJson.Deserialize(r.c.RemoteFields)!,
            new DateTimeOffset(r.c.CreatedAt, TimeSpan.Zero))).ToList();
    }

    /// <summary>Keeps the automatic outcome, or applies the losing side's values for the colliding fields (and syncs them everywhere).</summary>
    public async Task ResolveAsync(Guid userId, Guid conflictId, ConflictChoice choice, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var conflict = await db.Conflicts.FirstOrDefaultAsync(c => c.Id == conflictId && c.UserId == userId && c.ResolvedAt == null, ct)
            ?? throw new NotFoundException($"Conflict {conflictId} was not found or is already resolved.");
        if (choice == ConflictChoice.UseOtherSide)
        {
            var loser = FieldsJson.Deserialize(conflict.Outcome == ConflictOutcome.RemoteWon ? conflict.LocalFields : conflict.RemoteFields)!;
            var current = await events.GetAsync(userId, conflict.EventId, ct);
            var fields = conflict.Fields.Split(',');
            var input = new EventInput(
                fields.Contains("Title") ? loser.Title : current.Title,
                fields.Contains("Time") ? Utc(loser.Start) : current.Start,
                fields.Contains("Time") ? Utc(loser.End) : current.End,
                fields.Contains("Time") ? loser.IsAllDay : current.IsAllDay,
                fields.Contains("Location") ? loser.Location : current.Location,
                fields.Contains("Description") ? loser.Description : current.Description,
                fields.Contains("Notes") ? loser.Notes : current.Notes,
                fields.Contains("Time") ? loser.TimeZone : current.TimeZone,
                fields.Contains("Recurrence") ? loser.Recurrence : current.Recurrence);
            await events.UpdateAsync(userId, conflict.EventId, input, ct: ct);
        }
        conflict.UserChoice = choice;
        conflict.ResolvedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private static DateTimeOffset Utc(DateTime d) => new(DateTime.SpecifyKind(d, DateTimeKind.Utc));
}
