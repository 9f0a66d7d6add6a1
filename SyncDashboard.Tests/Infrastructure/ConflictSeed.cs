using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Merge;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>
/// An event edited on both sides, as the reconciler leaves it: the event holds the automatic winner's values and an open
/// conflict row holds both sides and what they last agreed on. Works over any provider of the app's services.
/// </summary>
public static class ConflictSeed
{
    public static readonly DateTime Nine = new(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>What both sides last agreed on, from which each test shapes the two sides.</summary>
    public static EventFields Agreed(DateTime? start = null) =>
        new("Base", null, null, null, start ?? Nine, (start ?? Nine).AddHours(1), false, null, null);

    public static async Task<(Guid EventId, Guid ConflictId)> AddAsync(IServiceProvider services, Guid userId, Guid integrationId,
        ConflictOutcome outcome, string fields, EventFields local, EventFields remote, EventFields? agreed = null)
    {
        var winner = outcome == ConflictOutcome.RemoteWon ? remote : local;
        var ev = await services.GetRequiredService<EventService>().CreateAsync(userId, EventInput.From(winner));
        var conflict = new Conflict
        {
            UserId = userId, EventId = ev.Id, IntegrationId = integrationId, Fields = fields, Outcome = outcome,
            LocalFields = FieldsJson.Serialize(local), RemoteFields = FieldsJson.Serialize(remote),
            BaseFields = agreed is null ? null : FieldsJson.Serialize(agreed),
        };
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        db.Conflicts.Add(conflict);
        await db.SaveChangesAsync();
        return (ev.Id, conflict.Id);
    }

    public static async Task<Conflict> StoredAsync(IServiceProvider services, Guid conflictId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Conflicts.AsNoTracking().SingleAsync(c => c.Id == conflictId);
    }
}
