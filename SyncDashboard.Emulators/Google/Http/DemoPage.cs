using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SyncDashboard.Emulators.Google.Wire;

namespace SyncDashboard.Emulators.Google.Http;

/// <summary>
/// "The Google side" for demos: lists an account's calendars and events and edits them as the Google user,
/// so a newcomer can watch the app follow. The forms stand for Google's own website, which our app's
/// antiforgery tokens do not protect, hence <c>DisableAntiforgery</c>.
/// </summary>
internal static class DemoPage
{
    public static void Map(RouteGroupBuilder root, string prefix)
    {
        root.MapGet("/", (HttpContext ctx, GoogleEmulator emu) =>
        {
            var account = ctx.Request.Query["account"].FirstOrDefault() ?? emu.DefaultAccountEmail;
            var message = ctx.Request.Query["message"].FirstOrDefault();
            return Results.Content(DemoPageHtml.Render(emu, prefix, account, message), "text/html; charset=utf-8");
        });
        root.MapPost("/_emulator/ui/events", (HttpContext ctx, GoogleEmulator emu) =>
            Act(ctx, prefix, form => emu.InsertEvent(form["calendarId"].ToString(), FromForm(emu, form), null)))
            .DisableAntiforgery();
        root.MapPost("/_emulator/ui/events/update", (HttpContext ctx, GoogleEmulator emu) =>
            Act(ctx, prefix, form =>
            {
                var changes = FromForm(emu, form);
                emu.PatchEvent(form["calendarId"].ToString(), form["eventId"].ToString(), changes with
                {
                    Summary = changes.Summary ?? "", Location = changes.Location ?? "", Description = changes.Description ?? "",
                });
            }))
            .DisableAntiforgery();
        root.MapPost("/_emulator/ui/events/delete", (HttpContext ctx, GoogleEmulator emu) =>
            Act(ctx, prefix, form => emu.DeleteEvent(form["calendarId"].ToString(), form["eventId"].ToString())))
            .DisableAntiforgery();
    }

    private static async Task<IResult> Act(HttpContext ctx, string prefix, Action<IFormCollection> action)
    {
        var form = await ctx.Request.ReadFormAsync();
        string message;
        try
        {
            action(form);
            message = "Saved.";
        }
        catch (GoogleApiException ex)
        {
            message = $"Google refused: {ex.Status} {ex.Item.Reason} - {ex.Item.Message}";
        }
        var account = Uri.EscapeDataString(form["account"].FirstOrDefault() ?? "");
        return Results.Redirect($"{prefix}/?account={account}&message={Uri.EscapeDataString(message)}");
    }

    /// <summary>Reads the form's times as wall-clock times in the calendar's zone.</summary>
    private static GoogleEvent FromForm(GoogleEmulator emu, IFormCollection form)
    {
        var calendar = emu.Calendars(form["account"].FirstOrDefault() ?? emu.DefaultAccountEmail)
            .FirstOrDefault(c => c.Id == form["calendarId"]) ?? throw GoogleApiException.NotFound();
        var allDay = form["allDay"].Count > 0;
        var start = Parse(form["start"]);
        var end = Parse(form["end"]);
        EventDateTime startValue, endValue;
        if (allDay)
        {
            var endDate = end.Date <= start.Date ? start.Date.AddDays(1) : end.Date;
            startValue = new EventDateTime(Date: start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            endValue = new EventDateTime(Date: endDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            startValue = new EventDateTime(DateTime: Local(start), TimeZone: calendar.TimeZone);
            endValue = new EventDateTime(DateTime: Local(end), TimeZone: calendar.TimeZone);
        }
        return new GoogleEvent
        {
            Summary = Text(form["summary"]), Location = Text(form["location"]), Description = Text(form["description"]),
            Start = startValue, End = endValue,
        };
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Local(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static DateTime Parse(string? value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : throw GoogleApiException.Invalid("Start and end are required.");
}
