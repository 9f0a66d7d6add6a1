using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SyncDashboard.Emulators.Google.Wire;
using SyncDashboard.Emulators.People;

namespace SyncDashboard.Emulators.Google.Http;

/// <summary>
/// "The Google side" for demos: lists an account's calendars and events and edits them as the Google user,
/// so a newcomer can watch the app follow. In the app it shows only the signed-in person's own accounts. The forms stand for Google's own website, which our app's
/// antiforgery tokens do not protect, hence <c>DisableAntiforgery</c>.
/// </summary>
internal static class DemoPage
{
    public static void Map(RouteGroupBuilder root, string prefix)
    {
        root.MapGet("/", (HttpContext ctx, GoogleEmulator emu) =>
        {
            var visitor = Visitor.Of(ctx);
            if (visitor.MustSignIn) return visitor.SignIn();
            var accounts = emu.AccountsFor(visitor);
            var asked = ctx.Request.Query["account"].FirstOrDefault()?.Trim().ToLowerInvariant();
            if (asked is not null && !accounts.Contains(asked))
            {
                return ConsentPage.ErrorPage(404, "not_found", "There is no such Google account among yours.");
            }
            var account = asked ?? (visitor.SingleTenant ? emu.DefaultAccountEmail : accounts[0]);
            var message = ctx.Request.Query["message"].FirstOrDefault();
            var switcher = visitor.SingleTenant ? [] : accounts;
            return Results.Content(DemoPageHtml.Render(emu, prefix, account, switcher, visitor.AppHomeUrl, message), "text/html; charset=utf-8");
        });
        // An event's htmlLink: the account's page, scrolled to the event. Only the visitor's own calendars resolve.
        root.MapGet("/calendar/event", (HttpContext ctx, GoogleEmulator emu) =>
        {
            var visitor = Visitor.Of(ctx);
            if (visitor.MustSignIn) return visitor.SignIn();
            var eid = GoogleEmulator.ParseEid(ctx.Request.Query["eid"].FirstOrDefault());
            var account = eid is { } e ? emu.AccountsFor(visitor).FirstOrDefault(a => emu.Calendars(a).Any(c => c.Id == e.CalendarId)) : null;
            return account is null
                ? ConsentPage.ErrorPage(404, "not_found", "There is no such event among your calendars.")
                : Results.Redirect($"{prefix}/?account={Uri.EscapeDataString(account)}#{DemoPageHtml.RowId(eid!.Value.EventId)}");
        });
        root.MapPost("/_emulator/ui/events", (HttpContext ctx, GoogleEmulator emu) =>
            Act(ctx, emu, prefix, (form, calendar) => emu.InsertEvent(calendar.Id, FromForm(calendar, form), null)))
            .DisableAntiforgery();
        root.MapPost("/_emulator/ui/events/update", (HttpContext ctx, GoogleEmulator emu) =>
            Act(ctx, emu, prefix, (form, calendar) =>
            {
                var changes = FromForm(calendar, form);
                emu.PatchEvent(calendar.Id, form["eventId"].ToString(), changes with
                {
                    Summary = changes.Summary ?? "", Location = changes.Location ?? "", Description = changes.Description ?? "",
                });
            }))
            .DisableAntiforgery();
        root.MapPost("/_emulator/ui/events/delete", (HttpContext ctx, GoogleEmulator emu) =>
            Act(ctx, emu, prefix, (form, calendar) => emu.DeleteEvent(calendar.Id, form["eventId"].ToString())))
            .DisableAntiforgery();
    }


    /// <summary>
    /// Runs a form post as the Google user of the form's account, on one of that account's calendars. The app's
    /// sign-in cookie (SameSite=Lax) names the person, so another site cannot post here on their behalf.
    /// </summary>
    private static async Task<IResult> Act(HttpContext ctx, GoogleEmulator emu, string prefix, Action<IFormCollection, CalendarInfo> action)
    {
        var visitor = Visitor.Of(ctx, prefix + "/");
        if (visitor.MustSignIn) return visitor.SignIn();
        if (await MalformedInput.ReadFormAsync(ctx.Request) is not { } form)
        {
            return ConsentPage.ErrorPage(400, "invalid_request", "The request body is not a form.");
        }
        var account = form["account"].FirstOrDefault()?.Trim().ToLowerInvariant() ?? (visitor.SingleTenant ? emu.DefaultAccountEmail : "");
        if (!visitor.SingleTenant && !emu.AccountsFor(visitor).Contains(account))
        {
            return ConsentPage.ErrorPage(404, "not_found", "There is no such Google account among yours.");
        }
        var calendar = emu.Calendars(account).FirstOrDefault(c => c.Id == form["calendarId"]);
        if (calendar is null)
        {
            return ConsentPage.ErrorPage(404, "not_found", "That calendar is not in this account.");
        }
        string message;
        try
        {
            action(form, calendar);
            message = "Saved.";
        }
        catch (GoogleApiException ex)
        {
            message = $"Google refused: {ex.Status} {ex.Item.Reason} - {ex.Item.Message}";
        }
        return Results.Redirect($"{prefix}/?account={Uri.EscapeDataString(account)}&message={Uri.EscapeDataString(message)}");
    }

    /// <summary>Reads the form's times as wall-clock times in the calendar's zone.</summary>
    private static GoogleEvent FromForm(CalendarInfo calendar, IFormCollection form)
    {
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
