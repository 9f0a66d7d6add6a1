using System.Globalization;
using System.Text.RegularExpressions;
using SyncDashboard.Emulators.Google.Wire;

namespace SyncDashboard.Emulators.Google;

/// <summary>Parsing, validation and formatting of <c>EventDateTime</c> values the way Google treats them.</summary>
public static partial class EventTimes
{
    private static readonly string[] LocalFormats =
        ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm"];

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetSuffix();

    public static TimeZoneInfo Zone(string id, string field = "start")
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw GoogleApiException.Invalid($"Invalid time zone definition for {field} time.");
        }
    }

    public static bool HasOffset(string dateTime) => OffsetSuffix().IsMatch(dateTime.Trim());

    /// <summary>Parses an RFC3339 value that must carry an offset (timeMin, timeMax, updatedMin).</summary>
    public static DateTimeOffset ParseRfc3339(string value, string parameter)
    {
        if (HasOffset(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }
        throw GoogleApiException.Invalid($"Bad Request: {parameter} must be an RFC3339 timestamp with offset.", parameter);
    }

    public static DateOnly ParseDate(string value, string field) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw GoogleApiException.Invalid($"Invalid {field} time.");

    /// <summary>
    /// Validates one side of an event's time and rewrites <c>dateTime</c> into the event's (or the
    /// calendar's) zone with an explicit offset, as Google returns it.
    /// </summary>
    public static EventDateTime Normalize(EventDateTime? value, string field, TimeZoneInfo calendarZone)
    {
        if (value is null || (value.Date is null && value.DateTime is null))
        {
            throw GoogleApiException.Invalid($"Missing {field} time.");
        }
        if (value.Date is not null && value.DateTime is not null)
        {
            throw GoogleApiException.Invalid($"Invalid {field} time: both date and dateTime are set.");
        }
        var zone = value.TimeZone is null ? calendarZone : Zone(value.TimeZone, field);
        if (value.Date is not null)
        {
            ParseDate(value.Date, field);
            return value with { DateTime = null };
        }
        var instant = ParseDateTime(value.DateTime!, zone, value.TimeZone is not null, field);
        return value with { DateTime = Format(instant, zone) };
    }

    public static DateTimeOffset ParseDateTime(string text, TimeZoneInfo zone, bool zoneGiven, string field)
    {
        if (HasOffset(text))
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            {
                return withOffset;
            }
            throw GoogleApiException.Invalid($"Invalid {field} time.");
        }
        if (!zoneGiven)
        {
            throw GoogleApiException.Invalid($"Missing time zone definition for {field} time.");
        }
        if (!DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw GoogleApiException.Invalid($"Invalid {field} time.");
        }
        return FromLocal(local, zone);
    }

    /// <summary>The instant an event side stands for; all-day dates start at midnight in the calendar's zone.</summary>
    public static DateTimeOffset Instant(EventDateTime value, TimeZoneInfo calendarZone)
    {
        if (value.Date is not null)
        {
            var date = ParseDate(value.Date, "event");
            return FromLocal(date.ToDateTime(TimeOnly.MinValue), calendarZone);
        }
        return DateTimeOffset.Parse(value.DateTime!, CultureInfo.InvariantCulture);
    }

    public static DateTimeOffset FromLocal(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1); // inside a spring-forward gap: move past it, as calendars do
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static string Format(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var inZone = TimeZoneInfo.ConvertTime(instant, zone);
        return inZone.Offset == TimeSpan.Zero
            ? inZone.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : inZone.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
