using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace SyncDashboard.Web.Accounts;

public static class AuthenticationExtensions
{
    /// <summary>
    /// Picks the API-token scheme when a bearer token is presented to our API or hub, and the cookie otherwise (the
    /// built-in emulators get Bearer tokens meant for Google and Notion, which are not ours to check).
    /// </summary>
    public const string Scheme = "CookieOrToken";

    public static IServiceCollection AddDashboardAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or API token", o => o.ForwardDefaultSelector = ctx =>
                IsApi(ctx.Request) && ApiTokenAuthenticationHandler.HasToken(ctx.Request) ? ApiTokenAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/account/login";
                o.Cookie.Name = "syncdashboard.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromDays(14);
                o.SlidingExpiration = true;
                // APIs and the hub answer 401/403; only pages redirect to the sign-in form.
                o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        return services;
    }

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (IsApi(ctx.Request)) ctx.Response.StatusCode = status;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    internal static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs");
}
