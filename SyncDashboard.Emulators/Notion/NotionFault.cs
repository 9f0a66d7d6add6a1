using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncDashboard.Emulators.Notion;

[JsonConverter(typeof(NotionFaultKindConverter))]
public enum NotionFaultKind
{
    /// <summary>429 rate_limited with Retry-After.</summary>
    RateLimited429,
    /// <summary>529 service_overload with Retry-After.</summary>
    Overload529,
    Error500,
    Error503,
    /// <summary>409 conflict_error, as for concurrent edits of one page.</summary>
    Conflict409,
    /// <summary>Waits DelayMs, then answers normally.</summary>
    Delay,
    /// <summary>Performs the request (the write lands) and then answers 500.</summary>
    CommitThen500,
    /// <summary>Performs the request (the write lands and is saved), then answers only after DelayMs.</summary>
    CommitThenDelay,
}

/// <summary>JSON names in camelCase: "rateLimited429", "commitThen500"; reading is case-insensitive.</summary>
public sealed class NotionFaultKindConverter() : JsonStringEnumConverter<NotionFaultKind>(JsonNamingPolicy.CamelCase);

/// <summary>
/// A fault for the next <see cref="Count"/> API requests (0 or less: until cleared) whose path contains
/// <see cref="PathContains"/> and whose method is <see cref="Method"/> (null: any).
/// </summary>
public sealed record NotionFault(NotionFaultKind Kind, int Count = 1, string? PathContains = null, string? Method = null,
    int RetryAfterSeconds = 1, int DelayMs = 500);

public sealed record NotionEmulatorStats(
    long TotalRequests,
    IReadOnlyDictionary<string, long> RequestsByEndpoint,
    long RateLimited429s,
    long RateLimitViolations,
    long FaultsInjected,
    long WebhookDeliveryAttempts,
    long WebhookDeliveriesSucceeded,
    long WebhookDeliveriesFailed);
