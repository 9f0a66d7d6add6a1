using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Merge;

namespace SyncDashboard.Core.Sync;

internal static class SyncRunLog
{
    /// <summary>
    /// Records a finished run with its counts, in its own unit of work and uncancelled: a failed run's rolled-back
    /// transaction, or a shutdown, must not take its record along.
    /// </summary>
    public static async Task SaveAsync(IDbContextFactory<AppDbContext> dbFactory, SyncRun run, Stopwatch watch, ReconcileOutcome outcome, TimeProvider clock)
    {
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        run.DurationMs = (int)watch.ElapsedMilliseconds;
        (run.Created, run.Updated, run.Deleted) = (outcome.Created, outcome.Updated, outcome.Deleted);
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
