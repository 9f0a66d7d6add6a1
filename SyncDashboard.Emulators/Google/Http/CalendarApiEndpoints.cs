using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SyncDashboard.Emulators.Google.Wire;

namespace SyncDashboard.Emulators.Google.Http;

/// <summary>Calendar v3 REST endpoints, under <c>{prefix}/calendar/v3</c>.</summary>
internal static class CalendarApiEndpoints
{
    public static void Map(RouteGroupBuilder api, string prefix)
    {
        api.MapGet("/users/me/calendarList", CalendarList);
        api.MapGet("/calendars/{calendarId}/events", (HttpContext ctx, GoogleEmulator emu, string calendarId) =>
            GoogleHttp.Json(emu.ListEvents(calendarId, EventListQuery.From(ctx.Request.Query), GoogleHttp.Caller(ctx).Email)));
        api.MapPost("/calendars/{calendarId}/events", async (HttpContext ctx, GoogleEmulator emu, string calendarId) =>
        {
            var body = await GoogleHttp.ReadJsonAsync<GoogleEvent>(ctx.Request);
            return GoogleHttp.Event(ctx, emu.InsertEvent(calendarId, body, GoogleHttp.Caller(ctx).Email));
        });
        api.MapGet("/calendars/{calendarId}/events/{eventId}", Get);
        api.MapGet("/calendars/{calendarId}/events/{eventId}/instances", (HttpContext ctx, GoogleEmulator emu, string calendarId, string eventId) =>
            GoogleHttp.Json(emu.Instances(calendarId, eventId, EventListQuery.From(ctx.Request.Query), GoogleHttp.Caller(ctx).Email)));
        api.MapPut("/calendars/{calendarId}/events/{eventId}", async (HttpContext ctx, GoogleEmulator emu, string calendarId, string eventId) =>
        {
            var body = await GoogleHttp.ReadJsonAsync<GoogleEvent>(ctx.Request);
            return GoogleHttp.Event(ctx, emu.UpdateEvent(calendarId, eventId, body, GoogleHttp.IfMatch(ctx.Request), GoogleHttp.Caller(ctx).Email));
        });
        api.MapPatch("/calendars/{calendarId}/events/{eventId}", async (HttpContext ctx, GoogleEmulator emu, string calendarId, string eventId) =>
        {
            var patch = await GoogleHttp.ReadJsonAsync<JsonObject>(ctx.Request);
            return GoogleHttp.Event(ctx, emu.PatchEvent(calendarId, eventId, patch, GoogleHttp.IfMatch(ctx.Request), GoogleHttp.Caller(ctx).Email));
        });
        api.MapDelete("/calendars/{calendarId}/events/{eventId}", (HttpContext ctx, GoogleEmulator emu, string calendarId, string eventId) =>
        {
            emu.DeleteEvent(calendarId, eventId, GoogleHttp.IfMatch(ctx.Request), GoogleHttp.Caller(ctx).Email);
            return Results.NoContent();
        });
        api.MapPost("/calendars/{calendarId}/events/watch", async (HttpContext ctx, GoogleEmulator emu, string calendarId) =>
        {
            var body = await GoogleHttp.ReadJsonAsync<WatchRequest>(ctx.Request);
            var apiBase = $"{ctx.Request.Scheme}://{ctx.Request.Host}{prefix}";
            return GoogleHttp.Json(emu.Watch(calendarId, body, GoogleHttp.Caller(ctx).Email, apiBase));
        });
        api.MapPost("/channels/stop", async (HttpContext ctx, GoogleEmulator emu) =>
        {
            var body = await GoogleHttp.ReadJsonAsync<StopChannelRequest>(ctx.Request);
            if (body.Id is null || body.ResourceId is null)
            {
                throw GoogleApiException.Invalid("Required parameter: id and resourceId.");
            }
            emu.StopChannel(body.Id, body.ResourceId, GoogleHttp.Caller(ctx).Email);
            return Results.NoContent();
        });
    }

    private static IResult Get(HttpContext ctx, GoogleEmulator emu, string calendarId, string eventId)
    {
        var ev = emu.GetEvent(calendarId, eventId, GoogleHttp.Caller(ctx).Email);
        if (ctx.Request.Headers.IfNoneMatch.ToString() == ev.Etag)
        {
            ctx.Response.Headers.ETag = ev.Etag;
            return Results.StatusCode(304);
        }
        return GoogleHttp.Event(ctx, ev);
    }

    private static IResult CalendarList(HttpContext ctx, GoogleEmulator emu)
    {
        var query = ctx.Request.Query;
        var max = int.TryParse(query["maxResults"], out var m) && m >= 1 ? Math.Min(m, 250) : 100;
        var offset = 0;
        if (query["pageToken"].FirstOrDefault() is { Length: > 0 } token && !TryReadOffset(token, out offset))
        {
            throw GoogleApiException.Invalid("Invalid page token value.", "pageToken");
        }
        var calendars = emu.Calendars(GoogleHttp.Caller(ctx).Email).OrderByDescending(c => c.Primary).ToList();
        var page = calendars.Skip(offset).Take(max).Select(c => new CalendarListEntry
        {
            Etag = $"\"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(c.Id + c.Summary + c.TimeZone)))[..16]}\"", Id = c.Id, Summary = c.Summary, TimeZone = c.TimeZone,
            Primary = c.Primary ? true : null,
        }).ToList();
        var more = offset + page.Count < calendars.Count;
        return GoogleHttp.Json(new CalendarListPage
        {
            Etag = $"\"cl{calendars.Count}\"", Items = page,
            NextPageToken = more ? Convert.ToBase64String(Encoding.UTF8.GetBytes($"c1|{offset + page.Count}")) : null,
        });
    }

    private static bool TryReadOffset(string token, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("c1|", StringComparison.Ordinal)
                   && int.TryParse(text[3..], NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
