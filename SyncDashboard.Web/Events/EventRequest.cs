using System.Text.Json.Serialization;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Events;

namespace SyncDashboard.Web.Events;

/// <summary>
/// The REST body for creating or updating an event. <see cref="Version"/> is optional: when given, an update
/// of a version that is no longer current answers 409 instead of overwriting someone else's edit. The times come as
/// <c>start</c>/<c>end</c> (the app's own spelling) or <c>startDateTime</c>/<c>endDateTime</c> (the setup guide's, ADR 0018).
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
    // Left out of the body's serialised form when absent, so an Idempotency-Key fingerprint of an older body stays the same.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateTimeOffset? StartDateTime { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateTimeOffset? EndDateTime { get; init; }

    private bool GuideSpelling => StartDateTime is not null || EndDateTime is not null;

    public EventInput ToInput()
    {
        var errors = new Dictionary<string, string[]>();
        if (Start is { } s && StartDateTime is { } sd && s != sd) errors["startDateTime"] = ["Give 'start' or 'startDateTime', not two different times."];
        if (End is { } e && EndDateTime is { } ed && e != ed) errors["endDateTime"] = ["Give 'end' or 'endDateTime', not two different times."];
        if (errors.Count > 0) throw new InputValidationException(errors);
        return new(Title, Start ?? StartDateTime ?? default, End ?? EndDateTime ?? default, AllDay ?? false, Location, Description, Notes, TimeZone, Recurrence);
    }

    /// <summary>Runs a write, naming the time fields in its errors as the caller spelled them.</summary>
    public async Task<T> InCallersTermsAsync<T>(Func<EventInput, Task<T>> write)
    {
        try
        {
            return await write(ToInput());
        }
        catch (InputValidationException ex) when (GuideSpelling)
        {
            throw new InputValidationException(ex.Errors.ToDictionary(
                kv => kv.Key switch { "start" => "startDateTime", "end" => "endDateTime", var other => other }, kv => kv.Value));
        }
    }
}
