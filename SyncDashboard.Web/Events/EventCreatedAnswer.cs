using System.Text.Json.Serialization;
using SyncDashboard.Core.Events;

namespace SyncDashboard.Web.Events;

/// <summary>
/// The answer to <c>POST /api/events</c>: the setup guide's <c>{ success, event, externalSync }</c>, and, for callers
/// written before it, the event's own fields at the top level as they always were (ADR 0018). <c>externalSync</c> is the
/// same list in both places: per integration <c>provider</c>, <c>success</c>, <c>externalId</c>, <c>queued</c> and
/// <c>error</c>, beside the state and link the app has always reported.
/// </summary>
public sealed record EventCreatedAnswer(
    [property: JsonPropertyOrder(-1)] EventDto Event) : EventDto(Event)
{
    [JsonPropertyOrder(-2)] public bool Success => true;
}
