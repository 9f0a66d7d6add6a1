using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Accounts;

namespace SyncDashboard.Web.Accounts;

public static class AuthenticationExtensions
{
    /// <summary>
    /// Picks the API-token scheme when a bearer token is presented to our API or hub, and the cookie otherwise (the
    /// built-in emulators get Bearer tokens meant for Google and Notion, which are not ours to check).
    /// </summary>
    public const string Scheme = "CookieOrToken";

    /// <summary>Rate-limiter policy on the password forms, per client address.</summary>
    public const string SignInPolicy = "sign-in";

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
                // A cookie saved before sign-out carries the old security stamp and stops working.
                o.Events.OnValidatePrincipal = ctx => ctx.HttpContext.RequestServices.GetRequiredService<CookieStampValidator>().ValidateAsync(ctx);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();

        services.AddMemoryCache();
        services.AddSingleton<CookieStampValidator>();
        services.AddSingleton<ApiTokenFailures>();
        services.AddSingleton<ILiveSessions, LiveSessions>();
        services.AddSingleton<CircuitSessions>();
        services.AddScoped<AuthenticationStateProvider, SessionAuthenticationStateProvider>();
        services.AddSignInRateLimiter();
        return services;
    }

    /// <summary>
    /// Caps password attempts per client address, whatever the addresses tried: the per-address lockout in
    /// <see cref="AccountService"/> cannot see one client spraying many addresses. Each attempt costs a PBKDF2 hash.
    /// </summary>
    private static void AddSignInRateLimiter(this IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.AddPolicy(SignInPolicy, http =>
        {
            var limit = http.RequestServices.GetRequiredService<IOptionsMonitor<AccountSecurityOptions>>().CurrentValue.SignInRequestsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(ApiTokenAuthenticationHandler.ClientKey(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            });
        });
        o.OnRejected = (ctx, _) =>
        {
            if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                ctx.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return ValueTask.CompletedTask;
        };
    });

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (IsApi(ctx.Request)) ctx.Response.StatusCode = status;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    internal static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs");
}
