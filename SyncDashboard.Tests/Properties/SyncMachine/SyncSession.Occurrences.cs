using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SyncDashboard.Core.Events;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Emulators.Google.Wire;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Properties.SyncMachine;

/// <summary>
/// Edits and deletes of one occurrence of a series: in the app through its API (<c>?occurrence=&amp;scope=</c>), in Google
/// as Google's own clients write them — "this event" patches or deletes the instance, "all events" the series, "this and
/// following" ends the series (COUNT or UNTIL) and inserts a new one from the occurrence on.
/// </summary>
public sealed partial class SyncSession
{
    /// <summary>Every date a generated event or series can reach (the sequence's week, weekly rules of four, moves).</summary>
    private (DateTime From, DateTime To) Window => (_day0.AddDays(-3), _day0.AddDays(70));

    private async Task EditOccurrenceAsync(SyncCommand.EditOccurrence c)
    {
        if (Pick(c.Pick, recurringOnly: true) is not { } tag) return;
        var title = c.Change.Word is null ? null : Tag(tag) + c.Change.Word;
        var time = TimeOf(c.Change);
        if (c.Side == Side.App ? await EditAppOccurrenceAsync(tag, c, title, time) : EditGoogleOccurrence(tag, c, title, time)) OccurrenceWrites++;
    }

    private async Task<bool> EditAppOccurrenceAsync(int tag, SyncCommand.EditOccurrence c, string? title, (DateTime Start, DateTime End, bool AllDay)? time)
    {
        if (await AppOccurrenceAsync(tag, c.Nth) is not { } o) return false;
        // "This and following" and "all" keep the series' rule; the occurrence of an override does not carry it.
        var rule = c.Scope == EditScope.This ? null : o.Recurrence ?? (await AppEventByIdAsync(o.SeriesId!.Value))?.Recurrence;
        var allDay = time?.AllDay ?? o.IsAllDay;
        var put = await Api.PutJsonAsync(OccurrenceUrl(o, c.Scope), new
        {
            title = title ?? o.Title, start = Utc(time?.Start ?? o.Start.UtcDateTime), end = Utc(time?.End ?? o.End.UtcDateTime), allDay,
            location = c.Change.Location ?? o.Location, description = c.Change.Description ?? o.Description, notes = c.Change.Notes ?? o.Notes,
            timeZone = allDay ? null : o.TimeZone ?? "UTC", recurrence = rule,
        });
        // A series cannot become all-day (its rule needs a zone), and an override whose date its series no longer has (the
        // series moved in Google) has no "following" or "all": refusals the user would see, not a sync matter.
        if (put.StatusCode == HttpStatusCode.BadRequest && c.Scope != EditScope.This
            && (allDay || (await put.Content.ReadAsStringAsync()).Contains("has no occurrence", StringComparison.Ordinal))) return false;
        await ExpectAsync(put, HttpStatusCode.OK, $"edit of an occurrence in the app ({c.Scope})");
        return put.IsSuccessStatusCode;
    }

    private bool EditGoogleOccurrence(int tag, SyncCommand.EditOccurrence c, string? title, (DateTime Start, DateTime End, bool AllDay)? time)
    {
        if (GoogleOccurrence(tag, c.Nth) is not { } instance) return false;
        if (time is { AllDay: true } && c.Scope != EditScope.This) return false;
        var master = _world.Google.GetEvent(CalendarId, instance.RecurringEventId!);
        var patch = new JsonObject();
        if (title is not null) patch["summary"] = title;
        if (c.Change.Description is not null) patch["description"] = c.Change.Description;
        if (c.Change.Location is not null) patch["location"] = c.Change.Location;
        var index = SeriesIndex(master, instance);
        switch (c.Scope)
        {
            case EditScope.This:
                if (time is { } t) { patch["start"] = GoogleTimeJson(t.Start, t.AllDay); patch["end"] = GoogleTimeJson(t.End, t.AllDay); }
                // Google's UI has no field for the app's notes: an edit of nothing else writes nothing.
                if (patch.Count == 0) return false;
                _world.Google.PatchEvent(CalendarId, instance.Id!, patch);
                break;
            case EditScope.Following when index > 0:
                var (ended, continued) = SplitRule(master.Recurrence!, index, GoogleStart(instance.OriginalStartTime!));
                _world.Google.PatchEvent(CalendarId, master.Id!, new JsonObject { ["recurrence"] = new JsonArray([.. ended.Select(l => JsonValue.Create(l))]) });
                var start = time?.Start ?? GoogleStart(instance.Start!);
                var end = time?.End ?? GoogleStart(instance.End!);
                _world.Google.InsertEvent(CalendarId, new GoogleEvent
                {
                    Summary = title ?? instance.Summary, Description = c.Change.Description ?? instance.Description,
                    Location = c.Change.Location ?? instance.Location,
                    Start = GoogleTime(start, false), End = GoogleTime(end, false), Recurrence = continued,
                });
                break;
            default:
                // The whole series, moved by as much as the occurrence was moved (Google's "all events").
                if (time is { } m)
                {
                    var shift = m.Start - GoogleStart(instance.Start!);
                    var seriesStart = GoogleStart(master.Start!) + shift;
                    patch["start"] = GoogleTimeJson(seriesStart, false);
                    patch["end"] = GoogleTimeJson(seriesStart + (m.End - m.Start), false);
                }
                if (patch.Count == 0) return false;
                _world.Google.PatchEvent(CalendarId, master.Id!, patch);
                break;
        }
        return true;
    }

    private async Task DeleteOccurrenceAsync(SyncCommand.DeleteOccurrence c)
    {
        if (Pick(c.Pick, recurringOnly: true) is not { } tag) return;
        if (c.Side == Side.App)
        {
            if (await AppOccurrenceAsync(tag, c.Nth) is not { } o) return;
            var deleted = await Api.DeleteAsync(OccurrenceUrl(o, c.Scope));
            await ExpectAsync(deleted, HttpStatusCode.NoContent, $"delete of an occurrence in the app ({c.Scope})");
            if (!deleted.IsSuccessStatusCode) return;
        }
        else
        {
            if (GoogleOccurrence(tag, c.Nth) is not { } instance) return;
            var master = _world.Google.GetEvent(CalendarId, instance.RecurringEventId!);
            var index = SeriesIndex(master, instance);
            if (c.Scope == EditScope.This) _world.Google.DeleteEvent(CalendarId, instance.Id!);
            else if (c.Scope == EditScope.Following && index > 0)
            {
                var (ended, _) = SplitRule(master.Recurrence!, index, GoogleStart(instance.OriginalStartTime!));
                _world.Google.PatchEvent(CalendarId, master.Id!, new JsonObject { ["recurrence"] = new JsonArray([.. ended.Select(l => JsonValue.Create(l))]) });
            }
            else _world.Google.DeleteEvent(CalendarId, master.Id!);
        }
        OccurrenceWrites++;
        // "Following" from the first date and "all" delete the whole series; a part of it may be all that is left.
        if (c.Scope != EditScope.This) _deleted.Add(tag);
    }

    private static string OccurrenceUrl(EventDto o, EditScope scope) =>
        $"/api/events?id={o.Id}&occurrence={Uri.EscapeDataString(o.OriginalStart!.Value.ToString("O", CultureInfo.InvariantCulture))}" +
        $"&scope={scope.ToString().ToLowerInvariant()}";

    /// <summary>The app's occurrences of the tagged series as its list shows them (overrides in place of the dates they replace).</summary>
    private async Task<EventDto?> AppOccurrenceAsync(int tag, int nth)
    {
        var occurrences = (await AppListAsync()).Where(e => e.OriginalStart is not null && e.Title.StartsWith(Tag(tag), StringComparison.Ordinal)).ToList();
        return occurrences.Count == 0 ? null : occurrences[nth % occurrences.Count];
    }

    private async Task<List<EventDto>> AppListAsync()
    {
        var (from, to) = Window;
        var response = await Api.GetAsync($"/api/events?from={Uri.EscapeDataString(Utc(from).ToString("O"))}&to={Uri.EscapeDataString(Utc(to).ToString("O"))}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<EventDto>>(Json.App))!;
    }

    private GoogleEvent? GoogleOccurrence(int tag, int nth)
    {
        var occurrences = GoogleSingleEvents().Where(e => e.RecurringEventId is not null && e.Summary!.StartsWith(Tag(tag), StringComparison.Ordinal)).ToList();
        return occurrences.Count == 0 ? null : occurrences[nth % occurrences.Count];
    }

    /// <summary>Google's calendar as a person sees it: series expanded into their instances (singleEvents=true), in the window.</summary>
    private List<GoogleEvent> GoogleSingleEvents()
    {
        var (from, to) = Window;
        var all = new List<GoogleEvent>();
        string? page = null;
        do
        {
            var result = _world.Google.ListEvents(CalendarId, new EventListQuery
            {
                SingleEvents = true, OrderBy = "startTime", MaxResults = 2500, PageToken = page,
                TimeMin = Utc(from).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                TimeMax = Utc(to).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            });
            all.AddRange(result.Items!.Where(e => e.Summary is not null));
            page = result.NextPageToken;
        } while (page is not null);
        return all;
    }

    /// <summary>How many of the series' instances (cancelled ones too: COUNT counts them) come before this one.</summary>
    private int SeriesIndex(GoogleEvent master, GoogleEvent instance)
    {
        var all = _world.Google.Instances(CalendarId, master.Id!, new EventListQuery { ShowDeleted = true, MaxResults = 2500 }).Items!;
        var original = GoogleStart(instance.OriginalStartTime!);
        return all.Count(i => GoogleStart(i.OriginalStartTime!) < original);
    }

    /// <summary>
    /// The series' lines cut before the <paramref name="index"/>th instance, and the rule the new series continues with:
    /// COUNT splits into the instances before and the rest; otherwise the first part ends with UNTIL a second before.
    /// </summary>
    private static (List<string> Ended, List<string> Continued) SplitRule(IReadOnlyList<string> lines, int index, DateTime originalStartUtc)
    {
        var rrule = lines.First(l => l.StartsWith("RRULE:", StringComparison.Ordinal));
        var parts = rrule["RRULE:".Length..].Split(';').Where(p => p.Length > 0).ToList();
        var count = parts.FirstOrDefault(p => p.StartsWith("COUNT=", StringComparison.Ordinal));
        var rest = parts.Where(p => !p.StartsWith("COUNT=", StringComparison.Ordinal) && !p.StartsWith("UNTIL=", StringComparison.Ordinal)).ToList();
        string endedRule, continuedRule;
        if (count is not null)
        {
            var n = int.Parse(count["COUNT=".Length..], CultureInfo.InvariantCulture);
            endedRule = "RRULE:" + string.Join(';', rest.Append($"COUNT={index}"));
            continuedRule = "RRULE:" + string.Join(';', rest.Append($"COUNT={Math.Max(1, n - index)}"));
        }
        else
        {
            var until = originalStartUtc.AddSeconds(-1).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            endedRule = "RRULE:" + string.Join(';', rest.Append($"UNTIL={until}"));
            continuedRule = rrule;
        }
        return ([.. lines.Select(l => l == rrule ? endedRule : l)], [continuedRule]);
    }

    private static DateTime GoogleStart(EventDateTime t) => t.Date is not null
        ? DateTime.ParseExact(t.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture)
        : DateTimeOffset.Parse(t.DateTime!, CultureInfo.InvariantCulture).UtcDateTime;
}
