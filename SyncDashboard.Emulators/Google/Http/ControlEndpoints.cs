using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SyncDashboard.Emulators.Google.Http;

public sealed record CreateAccountRequest(string Email, string? TimeZone);

public sealed record IssueTokensRequest(string Email, List<string> Scopes, bool Offline = true);

/// <summary>Test and demo controls under <c>{prefix}/_emulator</c>: faults, sync-token death, stats, seeding.</summary>
internal static class ControlEndpoints
{
    public static void Map(RouteGroupBuilder control)
    {
        control.MapPost("/faults", async (HttpContext ctx, GoogleEmulator emu) =>
        {
            var rule = await GoogleHttp.ReadJsonAsync<FaultRule>(ctx.Request);
            emu.AddFault(rule);
            return GoogleHttp.Json(emu.Stats().ActiveFaults);
        });
        control.MapDelete("/faults", (GoogleEmulator emu) =>
        {
            emu.ClearFaults();
            return Results.NoContent();
        });
        control.MapPost("/calendars/{calendarId}/expire-sync-tokens", (GoogleEmulator emu, string calendarId) =>
        {
            emu.InvalidateSyncTokens(calendarId);
            return Results.NoContent();
        });
        control.MapGet("/stats", (GoogleEmulator emu) => GoogleHttp.Json(emu.Stats()));
        control.MapPost("/stats/reset", (GoogleEmulator emu) =>
        {
            emu.ResetCounters();
            return Results.NoContent();
        });
        control.MapPost("/accounts", async (HttpContext ctx, GoogleEmulator emu) =>
        {
            var request = await GoogleHttp.ReadJsonAsync<CreateAccountRequest>(ctx.Request);
            return GoogleHttp.Json(emu.CreateAccount(request.Email, request.TimeZone));
        });
        control.MapPost("/tokens", async (HttpContext ctx, GoogleEmulator emu) =>
        {
            var request = await GoogleHttp.ReadJsonAsync<IssueTokensRequest>(ctx.Request);
            return GoogleHttp.Json(emu.IssueTokens(request.Email, request.Scopes, request.Offline));
        });
        control.MapGet("/channels", (GoogleEmulator emu) => GoogleHttp.Json(emu.ActiveChannels()));
        control.AddEndpointFilter(async (context, next) =>
        {
            try { return await next(context); }
            catch (GoogleApiException ex) { return GoogleHttp.Error(ex); }
        });
    }
}
