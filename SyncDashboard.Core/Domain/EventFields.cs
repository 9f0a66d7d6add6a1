namespace SyncDashboard.Core.Domain;

/// <summary>The field values that sync compares and merges, as one value.</summary>
public sealed record EventFields(
    string Title,
    string? Description,
    string? Location,
    string? Notes,
    DateTime Start,
    DateTime End,
    bool IsAllDay,
    string? TimeZone,
    string? Recurrence)
{
    /// <summary>Names of the fields a three-way merge treats as independent units.</summary>
    public static readonly IReadOnlyList<string> FieldNames =
        ["Title", "Description", "Location", "Notes", "Time", "Recurrence"];
}
