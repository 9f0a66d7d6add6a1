namespace SyncDashboard.Emulators.Google;

/// <summary>One entry of Google's <c>error.errors[]</c>.</summary>
public sealed record GoogleErrorItem(
    string Domain, string Reason, string Message, string? LocationType = null, string? Location = null);

public sealed record GoogleErrorDetail(List<GoogleErrorItem> Errors, int Code, string Message);

public sealed record GoogleErrorBody(GoogleErrorDetail Error);

/// <summary>
/// Thrown by the emulator core for any request Google would refuse; the API layer turns it into
/// Google's JSON error body. C# callers (seeding code, tests) see the same status and reason.
/// </summary>
public sealed class GoogleApiException(int status, GoogleErrorItem item, string? topMessage = null)
    : Exception($"{status} {item.Reason}: {item.Message}")
{
    public int Status { get; } = status;
    public GoogleErrorItem Item { get; } = item;
    public GoogleErrorBody Body => new(new GoogleErrorDetail([Item], Status, topMessage ?? Item.Message));

    public static GoogleApiException Invalid(string message, string? location = null) =>
        new(400, new("global", "invalid", message, location is null ? null : "parameter", location));

    public static GoogleApiException BadRequest(string message) =>
        new(400, new("global", "badRequest", message));

    public static GoogleApiException ParseError() => new(400, new("global", "parseError", "Parse Error"));

    public static GoogleApiException TimeRangeEmpty() =>
        new(400, new("calendar", "timeRangeEmpty", "The specified time range is empty.", "parameter", "timeMax"));

    public static GoogleApiException InvalidId() => Invalid("Invalid resource id value.");

    public static GoogleApiException Unauthorized() =>
        new(401, new("global", "authError", "Invalid Credentials", "header", "Authorization"));

    public static GoogleApiException InsufficientScopes() =>
        new(403, new("global", "insufficientPermissions", "Insufficient Permission"),
            "Request had insufficient authentication scopes.");

    public static GoogleApiException NotFound() => new(404, new("global", "notFound", "Not Found"));

    public static GoogleApiException Duplicate() =>
        new(409, new("global", "duplicate", "The requested identifier already exists."));

    public static GoogleApiException Deleted() => new(410, new("global", "deleted", "Resource has been deleted"));

    public static GoogleApiException FullSyncRequired() =>
        new(410, new("calendar", "fullSyncRequired", "Sync token is no longer valid, a full sync is required.",
            "parameter", "syncToken"));

    public static GoogleApiException ConditionNotMet() =>
        new(412, new("global", "conditionNotMet", "Precondition Failed", "header", "If-Match"));

    public static GoogleApiException RateLimit(int status) =>
        new(status, new("usageLimits", "rateLimitExceeded", "Rate Limit Exceeded"));

    public static GoogleApiException Backend(int status) => status == 503
        ? new(503, new("global", "backendError", "The service is currently unavailable."))
        : new(status, new("global", "backendError", "Backend Error"));
}
