using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync.Merge;

namespace SyncDashboard.Core.Sync.Conflicts;

/// <summary>
/// An open conflict: the colliding <paramref name="Fields"/> (names of <see cref="EventFields.FieldNames"/>), the app's and
/// the other side's values when they collided, what both last agreed on (null when there was no record) and which side
/// the automatic last-write-wins kept.
/// </summary>
public sealed record ConflictDto(
    Guid Id, Guid EventId, string EventTitle, Guid IntegrationId, string Integration, Provider Provider, IReadOnlyList<string> Fields,
    ConflictOutcome Outcome, EventFields Local, EventFields Remote, EventFields? Base, DateTimeOffset CreatedAt)
{
    /// <summary>The side the automatic outcome kept.</summary>
    public ConflictSide Kept => Outcome == ConflictOutcome.RemoteWon ? ConflictSide.Remote : ConflictSide.Local;

    public EventFields Side(ConflictSide side) => side == ConflictSide.Local ? Local : Remote;

    internal static ConflictDto From(Conflict c, string title, string integration, Provider provider) => new(
        c.Id, c.EventId, title, c.IntegrationId, integration, provider, c.Fields.Split(','), c.Outcome,
        AsUtc(FieldsJson.Deserialize(c.LocalFields)!), AsUtc(FieldsJson.Deserialize(c.RemoteFields)!), FieldsJson.Deserialize(c.BaseFields) is { } b ? AsUtc(b) : null,
        new DateTimeOffset(DateTime.SpecifyKind(c.CreatedAt, DateTimeKind.Utc)));

    /// <summary>Stored times are UTC whatever their kind says after a round trip; the API writes them with their "Z".</summary>
    internal static EventFields AsUtc(EventFields f) =>
        f with { Start = DateTime.SpecifyKind(f.Start, DateTimeKind.Utc), End = DateTime.SpecifyKind(f.End, DateTimeKind.Utc) };
}

/// <summary>A settled conflict: how, and the event's values afterwards (what every side now holds or is being sent).</summary>
public sealed record ConflictResolved(Guid Id, Guid EventId, ConflictChoice Choice, EventFields Event);
