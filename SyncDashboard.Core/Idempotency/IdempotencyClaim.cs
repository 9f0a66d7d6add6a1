using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Core.Idempotency;

/// <summary>
/// The key a request holds while it runs. A service that creates something records the answer through it inside its
/// own transaction (<see cref="RecordAsync"/>), so the resource and its answer commit together: a crash loses both or
/// neither. That is why a claim found still open after a crash can be given up — its request created nothing — and
/// why a late request whose claim was given up fails to commit instead of creating a second resource.
/// </summary>
public sealed class IdempotencyClaim
{
    private readonly Func<object, CancellationToken, Task<IdempotentAnswer>> _answerFor;
    private readonly TimeProvider _clock;

    internal IdempotencyClaim(long recordId, Func<object, CancellationToken, Task<IdempotentAnswer>> answerFor, TimeProvider clock)
    {
        RecordId = recordId;
        _answerFor = answerFor;
        _clock = clock;
    }

    internal long RecordId { get; }

    /// <summary>The answer given to <see cref="RecordAsync"/>; kept only if the caller's transaction committed.</summary>
    public IdempotentAnswer? Recorded { get; private set; }

    /// <summary>Adds the answer for <paramref name="created"/> to the caller's unit of work (saved, not committed).</summary>
    public async Task RecordAsync(AppDbContext db, object created, CancellationToken ct)
    {
        var answer = await _answerFor(created, ct);
        var row = await db.IdempotencyKeys.FirstOrDefaultAsync(r => r.Id == RecordId && r.StatusCode == null, ct)
            ?? throw new InvalidOperationException("This request's Idempotency-Key was given up before it finished; nothing of it is kept.");
        row.StatusCode = answer.StatusCode;
        row.ContentType = answer.ContentType;
        row.Location = answer.Location;
        row.Body = answer.Body;
        row.CompletedAt = _clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        Recorded = answer;
    }
}
