using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using SyncDashboard.Emulators.Google.Wire;

namespace SyncDashboard.Emulators.Google.Http;

/// <summary>Server-rendered HTML of the demo page; plain forms, no script.</summary>
internal static class DemoPageHtml
{
    private static readonly HtmlEncoder H = HtmlEncoder.Default;

    /// <param name="accounts">The visitor's accounts, linked at the top when there are several.</param>
    /// <param name="appHome">The host app's home page, linked at the top; null when standalone.</param>
    public static string Render(GoogleEmulator emu, string prefix, string account, IReadOnlyList<string> accounts, string? appHome, string? message)
    {
        var calendars = emu.Calendars(account);
        var html = new StringBuilder();
        html.Append("<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Google side (emulator)</title><style>")
            .Append("body{font-family:sans-serif;margin:2rem;overflow-wrap:anywhere}table{border-collapse:collapse}.table-scroll{overflow-x:auto;max-width:100%}td,th{border:1px solid #ccc;padding:.3rem}")
            .Append("input[type=text]{width:10rem}.msg{background:#eef;padding:.5rem}tr:target{background:#fff3c4;outline:2px solid #e0a800}</style></head><body>")
            .Append(appHome is null ? "" : $"<p><a href=\"{E(appHome)}\" id=\"back-to-app\">&larr; Back to SyncDashboard</a></p>")
            .Append($"<h1>Google Calendar (emulator): {E(account)}</h1>");
        if (accounts.Count > 1)
        {
            html.Append("<p>Your accounts: ")
                .AppendJoin(" &middot; ", accounts.Select(a => a == account ? $"<strong>{E(a)}</strong>"
                    : $"<a href=\"{E(prefix)}/?account={E(Uri.EscapeDataString(a))}\">{E(a)}</a>")).Append("</p>");
        }
        html
            .Append("<p>Changes made here act as the Google user: they bump etags, appear in incremental sync and fire push notifications.</p>");
        if (message is not null) { html.Append($"<p class=\"msg\" role=\"status\">{E(message)}</p>"); }
        if (calendars.Count == 0) { html.Append("<p>No such account.</p>"); }
        foreach (var calendar in calendars)
        {
            html.Append($"<h2>{E(calendar.Summary)}</h2><p><code>{E(calendar.Id)}</code> &middot; {E(calendar.TimeZone)}")
                .Append(calendar.Primary ? " &middot; primary" : "").Append("</p>");
            html.Append("<div class=\"table-scroll\"><table><tr><th>Title</th><th>Start</th><th>End</th><th>All day</th><th>Location</th><th>Description</th><th></th></tr>");
            var zone = EventTimes.Zone(calendar.TimeZone);
            foreach (var ev in emu.Events(calendar.Id))
            {
                Row(html, prefix, account, calendar.Id, ev, zone);
            }
            Row(html, prefix, account, calendar.Id, null, zone);
            html.Append("</table></div>");
        }
        return html.Append("</body></html>").ToString();
    }

    private static void Row(StringBuilder html, string prefix, string account, string calendarId, GoogleEvent? ev, TimeZoneInfo zone)
    {
        var formId = ev is null ? $"new-{calendarId}" : $"ev-{ev.Id}";
        var action = ev is null ? $"{prefix}/_emulator/ui/events" : $"{prefix}/_emulator/ui/events/update";
        var allDay = ev?.Start?.Date is not null;
        var now = DateTime.UtcNow.Date.AddDays(1).AddHours(9);
        html.Append(ev is null ? "<tr>" : $"<tr id=\"{E(RowId(ev.Id!))}\">").Append($"<td><form id=\"{E(formId)}\" method=\"post\" action=\"{E(action)}\">")
            .Append(Hidden("account", account)).Append(Hidden("calendarId", calendarId));
        if (ev is not null) { html.Append(Hidden("eventId", ev.Id!)); }
        html.Append("</form>")
            .Append(Input(formId, "summary", "text", ev?.Summary ?? "", ev is null ? "New event" : null))
            .Append(ev?.Recurrence is { } r ? $"<br><small>{E(string.Join(" ", r))}</small>" : "")
            .Append("</td><td>").Append(Input(formId, "start", "datetime-local", Local(ev?.Start, zone) ?? Fmt(now)))
            .Append("</td><td>").Append(Input(formId, "end", "datetime-local", Local(ev?.End, zone) ?? Fmt(now.AddHours(1))))
            .Append($"</td><td><input form=\"{E(formId)}\" type=\"checkbox\" name=\"allDay\"{(allDay ? " checked" : "")}>")
            .Append("</td><td>").Append(Input(formId, "location", "text", ev?.Location ?? ""))
            .Append("</td><td>").Append(Input(formId, "description", "text", ev?.Description ?? ""))
            .Append($"</td><td><button form=\"{E(formId)}\" type=\"submit\">{(ev is null ? "Create" : "Save")}</button>");
        if (ev is not null)
        {
            html.Append($"<form method=\"post\" action=\"{E(prefix)}/_emulator/ui/events/delete\" style=\"display:inline\">")
                .Append(Hidden("account", account)).Append(Hidden("calendarId", calendarId)).Append(Hidden("eventId", ev.Id!))
                .Append("<button type=\"submit\">Delete</button></form>");
        }
        html.Append("</td></tr>");
    }

    /// <summary>The anchor of an event's row, where its htmlLink lands.</summary>
    public static string RowId(string eventId) => "event-" + eventId;

    private static string? Local(EventDateTime? value, TimeZoneInfo zone) => value is null ? null
        : Fmt(TimeZoneInfo.ConvertTime(EventTimes.Instant(value, zone), zone).DateTime);

    private static string Fmt(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static string Hidden(string name, string value) => $"<input type=\"hidden\" name=\"{name}\" value=\"{E(value)}\">";

    private static string Input(string form, string name, string type, string value, string? placeholder = null) =>
        $"<input form=\"{E(form)}\" type=\"{type}\" name=\"{name}\" value=\"{E(value)}\""
        + (placeholder is null ? "" : $" placeholder=\"{E(placeholder)}\"") + " aria-label=\"" + name + "\">";

    private static string E(string value) => H.Encode(value);
}
