using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Events;

/// <summary>
/// Where an event stands with one integration; <see cref="WebLink"/> opens it on that side (http(s) only).
/// <see cref="Success"/> and <see cref="Queued"/> are the setup guide's reading of <see cref="State"/>: delivered, or still to be
/// sent (a retry after a failure is queued and carries the <see cref="Error"/>; a change given up on is neither).
/// </summary>
public sealed record ExternalSyncStatus(Guid IntegrationId, Provider Provider, string Integration, LinkState State, string? ExternalId, string? Error,
    string? WebLink = null)
{
    public bool Success => State == LinkState.Synced;

    public bool Queued => State == LinkState.Pending;
}

/// <summary>
/// An event as the API and UI show it, including where it is in sync with each integration. <see cref="RecurrenceProblem"/>
/// says why a series that came from another calendar is shown once instead of repeating. <see cref="OriginIntegrationId"/>
/// is the integration it was first imported from (null: made in the app), which the calendar colours it by. An occurrence
/// of a series carries <see cref="SeriesId"/> and <see cref="OriginalStart"/> (where the series puts it), which an edit or
/// delete of that one occurrence names; for a computed occurrence <see cref="Id"/> is the series' own id. Not sealed: the
/// answer to a create extends it with the setup guide's envelope (ADR 0018).
/// </summary>
public record EventDto(
    Guid Id,
    string Title,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool IsAllDay,
    string? Location,
    string? Description,
    string? Notes,
    string? TimeZone,
    string? Recurrence,
    int Version,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ExternalSyncStatus> ExternalSync,
    string? RecurrenceProblem = null,
    Guid? OriginIntegrationId = null,
    Guid? SeriesId = null,
    DateTimeOffset? OriginalStart = null)
{
    public bool IsOccurrence => OriginalStart is not null;

    public static EventDto From(CalendarEvent e, IReadOnlyList<ExternalSyncStatus> externalSync) => new(
        e.Id, e.Title, AsUtc(e.Start), AsUtc(e.End), e.IsAllDay, e.Location, e.Description, e.Notes,
        e.TimeZone, e.Recurrence, e.Version, AsUtc(e.UpdatedAt), externalSync, e.RecurrenceProblem, e.OriginIntegrationId,
        e.SeriesId, e.OriginalStart is { } o ? AsUtc(o) : null);

    private static DateTimeOffset AsUtc(DateTime d) => new(DateTime.SpecifyKind(d, DateTimeKind.Utc));
}
