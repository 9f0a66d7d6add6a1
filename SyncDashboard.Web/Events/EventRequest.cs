using SyncDashboard.Core.Events;

namespace SyncDashboard.Web.Events;

/// <summary>
/// The REST body for creating or updating an event. <see cref="Version"/> is optional: when given, an update
/// of a version that is no longer current answers 409 instead of overwriting someone else's edit.
/// </summary>
public sealed record EventRequest(
    string? Title,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    bool? AllDay,
    string? Location,
    string? Description,
    string? Notes,
    string? TimeZone,
    string? Recurrence,
    int? Version)
{
    public EventInput ToInput() => new(
        Title, Start ?? default, End ?? default, AllDay ?? false, Location, Description, Notes, TimeZone, Recurrence);
}
