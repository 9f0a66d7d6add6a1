using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Core.Idempotency;

/// <summary>
/// Keeps Idempotency-Keys per user: claims a key for its first request, keeps that request's answer (a 4xx too, never a
/// 5xx), replays it to retries of the same request and refuses the key for any other request until it expires.
/// </summary>
public sealed class IdempotencyService(
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<IdempotencyOptions> options,
    TimeProvider clock,
    ILogger<IdempotencyService> logger)
{
    /// <param name="fingerprint">Identifies the request (method, path, body); a retry must match it.</param>
    /// <param name="answerFor">Turns what a creating service made into the answer the endpoint gives (see <see cref="IdempotencyClaim"/>).</param>
    public async Task<IdempotencyDecision> BeginAsync(Guid userId, string key, string fingerprint,
        Func<object, CancellationToken, Task<IdempotentAnswer>> answerFor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // SQLite transactions here take the write lock at BEGIN, so look-up and claim are one step: of two requests
        // with one key, the second finds the first's claim (the unique index stays as the backstop). Trying the insert
        // and catching the violation instead would log a failed command at Error for every retry.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = Now;
        // An expired key is a new key, whether or not the purge has deleted it yet.
        await db.IdempotencyKeys.Where(r => r.UserId == userId && r.Key == key && r.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        var first = await db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, ct);
        if (first is not null)
        {
            if (first.StatusCode is not { } status) return new IdempotencyDecision.InProgress();
            if (first.Fingerprint != fingerprint) return new IdempotencyDecision.Mismatch();
            return new IdempotencyDecision.Replay(new IdempotentAnswer(status, first.ContentType, first.Location, first.Body ?? ""));
        }
        var record = new IdempotencyRecord { UserId = userId, Key = key, Fingerprint = fingerprint, ExpiresAt = now + options.Value.KeyLifetime };
        db.IdempotencyKeys.Add(record);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new IdempotencyDecision.Proceed(new IdempotencyClaim(record.Id, answerFor, clock));
    }

    /// <summary>Keeps the answer of a request that did not record one itself (a refusal: nothing was created).</summary>
    public async Task CompleteAsync(IdempotencyClaim claim, IdempotentAnswer answer, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        await db.IdempotencyKeys.Where(r => r.Id == claim.RecordId && r.StatusCode == null).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.StatusCode, answer.StatusCode)
            .SetProperty(r => r.ContentType, answer.ContentType)
            .SetProperty(r => r.Location, answer.Location)
            .SetProperty(r => r.Body, answer.Body)
            .SetProperty(r => r.CompletedAt, now), ct);
    }

    /// <summary>
    /// Frees the key of a request that failed on the server side, so a retry runs afresh — unless the request recorded
    /// its answer (then its resource exists and the retry must get that answer).
    /// </summary>
    public async Task ReleaseAsync(IdempotencyClaim claim, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.IdempotencyKeys.Where(r => r.Id == claim.RecordId && r.StatusCode == null).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// At start: claims still open were held by requests of an earlier process, which created nothing (see
    /// <see cref="IdempotencyClaim"/>), so their keys are freed rather than answering 409 until they expire. Only claims made
    /// before <paramref name="startedAt"/> — a request of this run may already hold one. Several nodes (a later issue)
    /// would need a claim lease instead.
    /// </summary>
    public async Task<int> ReleaseAbandonedAsync(DateTime startedAt, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var count = await db.IdempotencyKeys.Where(r => r.StatusCode == null && r.CreatedAt < startedAt).ExecuteDeleteAsync(ct);
        if (count > 0) logger.LogWarning("Freed {Count} Idempotency-Keys whose requests were cut off by the end of an earlier run", count);
        return count;
    }

    public async Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var count = await db.IdempotencyKeys.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        if (count > 0) logger.LogInformation("Deleted {Count} expired Idempotency-Keys", count);
        return count;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
