using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notion;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync;
using SyncDashboard.Web.Infrastructure;
using SyncDashboard.Core.Sync.Pull;

namespace SyncDashboard.Web.Notion;

public static class NotionEndpoints
{
    public sealed record PullRequestBody(Guid IntegrationId);

    private const string CallbackPath = "/integrations/notion/callback";

    /// <summary>"Pull now" for one Notion database, and the OAuth round trip of a public integration.</summary>
    public static IEndpointRouteBuilder MapNotionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/calendar/sync/notion/pull", (PullRequestBody? body, HttpContext http, IDbContextFactory<AppDbContext> dbFactory, IncrementalPuller puller) =>
            PullAsync(body?.IntegrationId, http, dbFactory, puller))
          .RequireAuthorization().WithTags("Notion")
          .WithSummary("Pull one Notion database now: pages edited since the last poll come in; the result counts them and the requests spent, with success false and the error when the pull failed.");
        // The setup guide's troubleshooting asks for the same with a GET (ADR 0018).
        app.MapGet("/api/calendar/sync/notion/pull", (Guid? integrationId, HttpContext http, IDbContextFactory<AppDbContext> dbFactory, IncrementalPuller puller) =>
            PullAsync(integrationId, http, dbFactory, puller))
          .RequireAuthorization().WithTags("Notion")
          .WithSummary("The same pull as the POST, for ?integrationId=; as the setup guide's troubleshooting runs it.");

        var oauth = app.MapGroup("/integrations/notion").RequireAuthorization().ExcludeFromDescription();
        oauth.MapGet("/connect", (HttpContext http, NotionConnectService notion, IDataProtectionProvider protection, IAppBaseAddress baseAddress) =>
        {
            if (!notion.CanUseOAuth) return Results.Redirect("/settings?notion=no-oauth#notion");
            var state = OAuthState.Create(protection, "Notion", http.User.GetUserId());
            return Results.Redirect(notion.AuthorizationUrl(baseAddress.Resolve(CallbackPath).ToString(), state));
        });
        oauth.MapGet("/callback", async (string? code, string? state, string? error, HttpContext http, NotionConnectService notion,
            IDataProtectionProvider protection, IAppBaseAddress baseAddress, ILoggerFactory loggers) =>
        {
            var userId = http.User.GetUserId();
            if (!OAuthState.Matches(protection, "Notion", state, userId)) return Results.Redirect("/settings?notion=bad-state#notion");
            if (error is not null || string.IsNullOrEmpty(code)) return Results.Redirect($"/settings?notion={Uri.EscapeDataString(error ?? "no-code")}#notion");
            try
            {
                var connection = await notion.CompleteOAuthAsync(userId, code, baseAddress.Resolve(CallbackPath).ToString(), http.RequestAborted);
                return Results.Redirect($"/settings/notion?credential={connection.CredentialId}");
            }
            catch (InputValidationException ex)
            {
                loggers.CreateLogger("SyncDashboard.Web.NotionConnect").LogWarning("Notion code exchange failed for user {UserId}: {Error}", userId, ex.Message);
                return Results.Redirect("/settings?notion=exchange-failed#notion");
            }
        });
        return app;
    }

    private static async Task<Ok<PullResult>> PullAsync(Guid? integrationId, HttpContext http, IDbContextFactory<AppDbContext> dbFactory, IncrementalPuller puller)
    {
        if (integrationId is not { } id || id == Guid.Empty)
            throw new InputValidationException(new Dictionary<string, string[]> { ["integrationId"] = ["Give the id of a connected Notion database."] });
        var userId = http.User.GetUserId();
        await using (var db = await dbFactory.CreateDbContextAsync(http.RequestAborted))
        {
            if (!await db.Integrations.AnyAsync(i => i.Id == id && i.UserId == userId && i.Provider == Provider.Notion && i.IsActive, http.RequestAborted))
                throw new NotFoundException($"No connected Notion database has id {id}.");
        }
        return TypedResults.Ok(await puller.PullAsync(id, SyncTrigger.Manual, http.RequestAborted));
    }
}
