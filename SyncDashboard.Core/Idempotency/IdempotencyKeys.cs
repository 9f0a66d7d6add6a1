namespace SyncDashboard.Core.Idempotency;

/// <summary>
/// Settings of the <c>Idempotency-Key</c> request header (section <c>Idempotency</c>), which follows
/// draft-ietf-httpapi-idempotency-key-header and Stripe: the first answer to a key is kept and replayed to its retries.
/// </summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a key is remembered after its first request (Stripe: 24 hours); after that it is a new key.</summary>
    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often expired keys are deleted. A retry never sees an expired key whether or not it has been deleted yet.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}

public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <summary>Set on a replayed answer, as Stripe does.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>Stripe's limit; longer keys are refused with 400.</summary>
    public const int MaxKeyLength = 255;
}

/// <summary>The answer a request gave, as sent, so a retry gets it byte for byte.</summary>
public sealed record IdempotentAnswer(int StatusCode, string? ContentType, string? Location, string Body);

/// <summary>What a request carrying a key does: run (holding the key), replay the first answer, or be refused.</summary>
public abstract record IdempotencyDecision
{
    private IdempotencyDecision() { }

    /// <summary>The key is new: this request runs and its answer is kept under <see cref="Claim"/>.</summary>
    public sealed record Proceed(IdempotencyClaim Claim) : IdempotencyDecision;

    /// <summary>The key already answered this request.</summary>
    public sealed record Replay(IdempotentAnswer Answer) : IdempotencyDecision;

    /// <summary>The key answered a different request (422).</summary>
    public sealed record Mismatch : IdempotencyDecision;

    /// <summary>The key's first request is still running (409).</summary>
    public sealed record InProgress : IdempotencyDecision;
}
