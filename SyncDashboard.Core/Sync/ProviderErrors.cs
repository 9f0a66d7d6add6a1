namespace SyncDashboard.Core.Sync;

/// <summary>Worth retrying later (rate limit, 5xx, timeout); <see cref="RetryAfter"/> is the provider's own hint.</summary>
public sealed class TransientProviderException(string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>The grant is dead (revoked, expired): nothing works until the user reconnects. Writes stay queued.</summary>
public sealed class ReconnectRequiredException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The remote changed since we last read it (Google 412): re-read, merge, write again.</summary>
public sealed class RemoteVersionMismatchException(string message) : Exception(message);

/// <summary>The cursor is no longer valid (Google 410): start over with a full listing that merges.</summary>
public sealed class CursorExpiredException(string message) : Exception(message);

/// <summary>The request itself is wrong and will stay wrong (400, 403 forbidden, missing calendar).</summary>
public sealed class PermanentProviderException(string message, Exception? inner = null) : Exception(message, inner);
