using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Sync;

namespace SyncDashboard.Core.Notion;

/// <summary>
/// Notion pages ↔ the app's fields. All-day events are date-only with Notion's INCLUSIVE end (null for one day) while
/// the app keeps Google's EXCLUSIVE end; timed events are written with the offset of the event's zone and read back as
/// instants (Notion returns <c>time_zone: null</c>). Notion has no recurrence; a page without a date is not an event.
/// </summary>
public static class NotionPageMapper
{
    /// <summary>Notion's limit for one text item; longer text is split over several items.</summary>
    public const int MaxTextItem = 2000;

    /// <summary>A timed date with no end is a point in time in Notion; the app needs a duration.</summary>
    public static readonly TimeSpan DefaultTimedDuration = TimeSpan.FromHours(1);

    private const string DateFormat = "yyyy-MM-dd";
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    public static RemoteEvent ToRemote(NotionPage page, NotionPropertyMapping map)
    {
        var appId = Text(page, map.AppEventIdProperty) is { } s && Guid.TryParse(s.Trim(), out var g) ? g : (Guid?)null;
        var updated = ParseInstant(page.LastEditedTime)?.UtcDateTime;
        if (page.IsTrashed) return new RemoteEvent(page.Id, Version(page.LastEditedTime, null), true, null, updated, appId, WebLink: WebLinks.Safe(page.Url));
        var fields = ToFields(page, map);
        return new RemoteEvent(page.Id, Version(page.LastEditedTime, fields), false, fields, updated, appId, WebLink: WebLinks.Safe(page.Url));
    }

    /// <summary>The event a page describes, or null when its date is empty (a row that is not on the calendar).</summary>
    public static EventFields? ToFields(NotionPage page, NotionPropertyMapping map)
    {
        if (Property(page, map.Date)?.Date is not { Start.Length: > 0 } date) return null;
        var allDay = IsDateOnly(date.Start);
        DateTime start, end;
        if (allDay)
        {
            start = ParseDay(date.Start);
            var lastDay = date.End is { Length: > 0 } e ? ParseDay(e[..Math.Min(10, e.Length)]) : start;
            end = (lastDay < start ? start : lastDay).AddDays(1); // inclusive last day → exclusive end
        }
        else
        {
            start = ParseInstant(date.Start)!.Value.UtcDateTime;
            var parsedEnd = ParseInstant(date.End)?.UtcDateTime;
            end = parsedEnd is null ? start + DefaultTimedDuration : parsedEnd.Value <= start ? start.AddMinutes(1) : parsedEnd.Value;
        }
        var title = Text(page, map.Title);
        return new EventFields(
            Clip(string.IsNullOrWhiteSpace(title) ? "(No title)" : title.Trim(), EventLimits.TitleMax)!,
            Clip(Text(page, map.Description), EventLimits.DescriptionMax),
            Clip(Text(page, map.Location), EventLimits.LocationMax),
            Clip(Text(page, map.Notes), EventLimits.NotesMax),
            start, end, allDay, null, null);
    }

    /// <summary>The property values for a create or an update; unmapped fields are left alone.</summary>
    public static Dictionary<string, NotionPropertyValue> ToProperties(EventFields f, NotionPropertyMapping map, Guid? appEventId)
    {
        var props = new Dictionary<string, NotionPropertyValue>(StringComparer.Ordinal)
        {
            [map.Title] = new() { Title = Split(f.Title) },
            [map.Date] = new() { Date = ToDate(f) },
        };
        if (map.Description is { } d) props[d] = new() { RichText = Split(f.Description) };
        if (map.Location is { } l) props[l] = new() { RichText = Split(f.Location) };
        if (map.Notes is { } n) props[n] = new() { RichText = Split(f.Notes) };
        if (map.AppEventIdProperty is { } a && appEventId is { } id) props[a] = new() { RichText = Split(id.ToString()) };
        return props;
    }

    public static NotionDate ToDate(EventFields f)
    {
        if (f.IsAllDay)
        {
            var lastDay = f.End.Date.AddDays(-1); // exclusive end → inclusive last day
            return new NotionDate(Day(f.Start), lastDay > f.Start.Date ? Day(lastDay) : null);
        }
        var zone = UpcomingWindow.FindZone(f.TimeZone);
        return new NotionDate(Local(f.Start, zone), Local(f.End, zone));
    }

    /// <summary>
    /// <c>last_edited_time:hash</c>. Notion rounds the time to the minute, so two edits in one minute share it; the hash
    /// of the mapped fields (first 16 hex digits of SHA-256) tells them apart, and content, not the stamp, decides.
    /// </summary>
    public static string Version(string? lastEditedTime, EventFields? fields) => $"{lastEditedTime}:{(fields is null ? "trashed" : ContentHash(fields))}";

    public static string ContentHash(EventFields f)
    {
        var canonical = string.Join('\u001f', f.Title, f.Description ?? "", f.Location ?? "", f.Notes ?? "",
            f.Start.ToString("O", CultureInfo.InvariantCulture), f.End.ToString("O", CultureInfo.InvariantCulture), f.IsAllDay ? "1" : "0");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16];
    }

    /// <summary>The hash part of a version (what UpdateAsync compares), or null for a foreign format.</summary>
    public static string? HashOf(string? version) => version?.LastIndexOf(':') is { } i and >= 0 ? version[(i + 1)..] : null;

    /// <summary>Text as rich text items of at most 2000 characters, never splitting a surrogate pair. Null or empty clears.</summary>
    public static List<NotionRichText> Split(string? text)
    {
        var items = new List<NotionRichText>();
        for (var i = 0; i < (text?.Length ?? 0);)
        {
            var take = Math.Min(MaxTextItem, text!.Length - i);
            if (take < text.Length - i && char.IsHighSurrogate(text[i + take - 1])) take--;
            items.Add(new NotionRichText("text", new NotionText(text.Substring(i, take))));
            i += take;
        }
        return items;
    }

    /// <summary>The plain text of a title or rich_text property (items joined), or null when empty or unmapped.</summary>
    public static string? Text(NotionPage page, string? property)
    {
        var value = Property(page, property);
        var items = value?.Title ?? value?.RichText;
        var text = items is null ? null : string.Concat(items.Select(t => t.PlainText ?? t.Text?.Content));
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static NotionPropertyValue? Property(NotionPage page, string? name) =>
        name is not null && page.Properties?.TryGetValue(name, out var v) == true ? v : null;

    private static bool IsDateOnly(string s) => s.Length == 10;

    private static string Day(DateTime d) => d.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone).ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    private static DateTime ParseDay(string s) =>
        DateTime.SpecifyKind(DateTime.ParseExact(s, DateFormat, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    /// <summary>ISO instant; without an offset Notion means UTC.</summary>
    internal static DateTimeOffset? ParseInstant(string? s) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    private static string? Clip(string? s, int max) => string.IsNullOrWhiteSpace(s) ? null : s.Length <= max ? s : s[..max];
}
