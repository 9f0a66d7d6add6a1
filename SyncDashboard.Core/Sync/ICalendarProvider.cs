using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Sync;

/// <summary>
/// An event as one provider holds it. <see cref="Fields"/> is null for deletions (tombstones carry only ids). An occurrence
/// of a series that was changed or cancelled there names its series (<see cref="RecurringEventId"/>) and where the series
/// put it (<see cref="OriginalStart"/>, UTC; midnight for an all-day series).
/// </summary>
public sealed record RemoteEvent(
    string ExternalId,
    string? Version,
    bool Deleted,
    EventFields? Fields,
    DateTime? UpdatedAt,
    Guid? AppEventId = null,
    string? RecurringEventId = null,
    string? WebLink = null,
    DateTime? OriginalStart = null);

/// <summary>One page or batch of remote changes; <see cref="NextCursor"/> is set once the batch ends the run.</summary>
public sealed record RemoteChanges(IReadOnlyList<RemoteEvent> Events, string? NextCursor, bool IsFullSync, int Requests);

public sealed record RemoteWriteResult(string ExternalId, string? Version, EventFields? Stored = null, string? WebLink = null);

/// <summary>
/// The port the sync engine uses to talk to one kind of calendar. Implementations throw the exceptions in
/// ProviderErrors so the engine can tell "try later" from "the user must act" from "re-read and merge".
/// </summary>
public interface ICalendarProvider
{
    Provider Provider { get; }

    /// <summary>All changes since <paramref name="cursor"/> (null: a full listing), every page of them.</summary>
    /// <param name="pagesFetched">Told the number of pages read so far after each page (the status card's progress).</param>
    Task<RemoteChanges> FetchChangesAsync(Integration integration, string? cursor, IProgress<int>? pagesFetched, CancellationToken ct);

    Task<RemoteEvent?> GetAsync(Integration integration, string externalId, CancellationToken ct);

    /// <summary>Creates idempotently: a retry of the same <paramref name="appEventId"/> finds the first attempt's result.</summary>
    Task<RemoteWriteResult> CreateAsync(Integration integration, Guid appEventId, EventFields fields, CancellationToken ct);

    /// <summary>Writes <paramref name="fields"/> if the remote still has <paramref name="expectedVersion"/>, else throws <see cref="RemoteVersionMismatchException"/>.</summary>
    Task<RemoteWriteResult> UpdateAsync(Integration integration, Guid appEventId, string externalId, string? expectedVersion, EventFields fields, CancellationToken ct);

    /// <summary>
    /// The id of a copy an earlier create of <paramref name="appEventId"/> made whose answer never arrived (a cut-off
    /// request, a restart), found the way <see cref="CreateAsync"/>'s retry finds it; null when there is none.
    /// </summary>
    Task<string?> FindCreatedAsync(Integration integration, Guid appEventId, EventFields fields, CancellationToken ct);

    /// <summary>Deletes; an event that is already gone counts as deleted.</summary>
    Task DeleteAsync(Integration integration, string externalId, CancellationToken ct);

    /// <summary>
    /// The id this side gives one occurrence of a series it holds as <paramref name="seriesExternalId"/> — written and deleted
    /// like any event, which makes it an override or cancels it there — or null when the side has no occurrences of its own
    /// (Notion: an override is a page like any other).
    /// </summary>
    string? OccurrenceId(string seriesExternalId, DateTime originalStart, bool isAllDay) => null;

    /// <summary>Whether this side addresses occurrences of its series (<see cref="OccurrenceId"/>); Notion does not.</summary>
    bool HasOccurrences => false;
}
