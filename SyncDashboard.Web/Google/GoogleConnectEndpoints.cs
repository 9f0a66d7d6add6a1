using Microsoft.AspNetCore.DataProtection;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Google;
using SyncDashboard.Web.Infrastructure;

namespace SyncDashboard.Web.Google;

/// <summary>The OAuth round trip; see <see cref="OAuthState"/> for the state parameter.</summary>
public static class GoogleConnectEndpoints
{
    private const string CallbackPath = "/integrations/google/callback";

    public static IEndpointRouteBuilder MapGoogleConnect(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/integrations/google").RequireAuthorization().ExcludeFromDescription();

        group.MapGet("/connect", (HttpContext http, GoogleConnectService google, IDataProtectionProvider protection, IAppBaseAddress baseAddress) =>
        {
            var state = OAuthState.Create(protection, "Google", http.User.GetUserId());
            return Results.Redirect(google.AuthorizationUrl(baseAddress.Resolve(CallbackPath).ToString(), state));
        });

        group.MapGet("/callback", async (string? code, string? state, string? error, HttpContext http, GoogleConnectService google,
            IDataProtectionProvider protection, IAppBaseAddress baseAddress, ILoggerFactory loggers) =>
        {
            var userId = http.User.GetUserId();
            if (!OAuthState.Matches(protection, "Google", state, userId)) return Results.Redirect("/settings?google=bad-state#google");
            if (error is not null || string.IsNullOrEmpty(code)) return Results.Redirect($"/settings?google={Uri.EscapeDataString(error ?? "no-code")}#google");
            try
            {
                var account = await google.CompleteAsync(userId, code, baseAddress.Resolve(CallbackPath).ToString(), http.RequestAborted);
                return Results.Redirect($"/settings/google?credential={account.CredentialId}");
            }
            catch (InputValidationException ex)
            {
                loggers.CreateLogger("SyncDashboard.Web.GoogleConnect").LogWarning("Google code exchange failed for user {UserId}: {Error}", userId, ex.Message);
                return Results.Redirect("/settings?google=exchange-failed#google");
            }
        });
        return app;
    }
}
