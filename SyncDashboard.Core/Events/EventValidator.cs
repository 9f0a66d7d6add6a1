using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Events;

/// <summary>Turns <see cref="EventInput"/> into the canonical <see cref="EventFields"/> or says precisely what is wrong.</summary>
public static class EventValidator
{
    /// <param name="storedRecurrence">
    /// The event's current recurrence on an update. Sent back unchanged it is not checked again, so an event whose
    /// series arrived from Google with a rule the app cannot expand can still be renamed or moved.
    /// </param>
    public static EventFields Validate(EventInput input, string? storedRecurrence = null)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title)) Add("title", "Title is required.");
        else if (title.Length > EventLimits.TitleMax) Add("title", $"Title must be at most {EventLimits.TitleMax} characters.");
        CheckLength(input.Location, EventLimits.LocationMax, "location", "Location", Add);
        CheckLength(input.Description, EventLimits.DescriptionMax, "description", "Description", Add);
        CheckLength(input.Notes, EventLimits.NotesMax, "notes", "Notes", Add);
        var recurrence = Normalize(input.Recurrence?.Replace("\r", ""));
        if (recurrence is not null && recurrence != Normalize(storedRecurrence?.Replace("\r", "")) && RecurrenceRule.ProblemWith(recurrence) is { } problem)
            Add("recurrence", problem);
        if (input.TimeZone is { Length: > 0 } tz && !TimeZoneInfo.TryFindSystemTimeZoneById(tz, out _))
            Add("timeZone", $"'{tz}' is not a known IANA time zone.");
        var startOk = CheckDate(input.Start, "start", "Start", Add);
        var endOk = CheckDate(input.End, "end", "End", Add);

        DateTime start = default, end = default;
        if (startOk && endOk)
        {
            (start, end) = input.IsAllDay
                ? (input.Start.Date, input.End.Date <= input.Start.Date ? input.Start.Date.AddDays(1) : input.End.Date)
                : (input.Start.UtcDateTime, input.End.UtcDateTime);
            if (input.IsAllDay && input.End.Date < input.Start.Date) Add("end", "End must not be before start.");
            else if (!input.IsAllDay && end <= start) Add("end", "End must be after start.");
            else if (end - start > EventLimits.MaxDuration) Add("end", "An event can last at most 366 days.");
        }

        if (errors.Count > 0)
            throw new InputValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

        return new EventFields(
            title!,
            Normalize(input.Description),
            Normalize(input.Location),
            Normalize(input.Notes),
            DateTime.SpecifyKind(start, DateTimeKind.Utc),
            DateTime.SpecifyKind(end, DateTimeKind.Utc),
            input.IsAllDay,
            Normalize(input.TimeZone),
            recurrence);
    }

    private static void CheckLength(string? value, int max, string key, string label, Action<string, string> add)
    {
        if (value is not null && value.Length > max) add(key, $"{label} must be at most {max} characters.");
    }

    /// <summary>Required and within <see cref="EventLimits"/>' years, checked before any arithmetic can overflow.</summary>
    private static bool CheckDate(DateTimeOffset value, string key, string label, Action<string, string> add)
    {
        if (value == default) add(key, $"{label} is required.");
        else if (!EventLimits.InRange(value)) add(key, $"{label} must be {EventLimits.RangeText}.");
        else return true;
        return false;
    }

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
