namespace SyncDashboard.Core.Common;

/// <summary>Input that breaks a rule; carries one or more messages per field for problem details and forms.</summary>
public sealed class InputValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The input is not valid: " + string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>The thing does not exist for this user — whether it never existed or belongs to someone else.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The caller edited a version that is no longer current.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);

/// <summary>The thing exists for this user but is not in a state the request applies to (a retry of a sent change).</summary>
public sealed class StateConflictException(string message) : Exception(message);
