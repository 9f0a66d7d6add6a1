using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using SyncDashboard.Core.Accounts;
using SyncDashboard.Core.Common;
using SyncDashboard.Web.Demo;

namespace SyncDashboard.Web.Accounts;

/// <summary>Form posts from the static sign-in pages; they set the cookie, which an interactive circuit cannot.</summary>
public static class AccountEndpoints
{
    // Property records, not positional ones: form binding requires every constructor parameter to be posted.
    public sealed record LoginForm
    {
        public string? Email { get; init; }
        public string? Password { get; init; }
        public string? ReturnUrl { get; init; }
    }

    public sealed record RegisterForm
    {
        public string? Email { get; init; }
        public string? Password { get; init; }
        public string? DisplayName { get; init; }
        public string? TimeZone { get; init; }
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").ExcludeFromDescription();

        // Redirects after a failure carry no user input: an e-mail echoed into Location made a header as long as the post.
        group.MapPost("/login", async ([FromForm] LoginForm? form, AccountService accounts, HttpContext http) =>
        {
            var result = await accounts.SignInAsync(form?.Email, form?.Password, http.RequestAborted);
            if (result.LockedOutFor is { } wait)
                return Results.Redirect($"/account/login?error=locked&minutes={Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))}");
            if (result.Account is null) return Results.Redirect("/account/login?error=invalid");
            await SignInAsync(http, result.Account);
            return Results.LocalRedirect(ReturnUrls.Sanitize(form?.ReturnUrl));
        }).RequireRateLimiting(AuthenticationExtensions.SignInPolicy);

        group.MapPost("/demo", async ([FromForm] LoginForm? form, AccountService accounts, DemoMode demo, HttpContext http) =>
        {
            var account = demo.Enabled ? await accounts.FindDemoAsync(http.RequestAborted) : null;
            if (account is null) return Results.Redirect("/account/login?error=nodemo");
            await SignInAsync(http, account);
            return Results.LocalRedirect(ReturnUrls.Sanitize(form?.ReturnUrl));
        });

        group.MapPost("/register", async ([FromForm] RegisterForm? form, AccountService accounts, HttpContext http) =>
        {
            try
            {
                var account = await accounts.RegisterAsync(form?.Email, form?.Password, form?.DisplayName, form?.TimeZone, http.RequestAborted);
                await SignInAsync(http, account);
                return Results.LocalRedirect("/");
            }
            catch (InputValidationException ex)
            {
                // The messages are the service's own fixed sentences, never the posted values.
                var message = string.Join(" ", ex.Errors.SelectMany(e => e.Value));
                return Results.Redirect($"/account/register?error={Uri.EscapeDataString(message)}");
            }
        }).RequireRateLimiting(AuthenticationExtensions.SignInPolicy);

        // No form fields to bind, so the antiforgery check that form binding brings is made here; without it any
        // site could sign a user out.
        group.MapPost("/logout", async (HttpContext http, IAntiforgery antiforgery, AccountService accounts) =>
        {
            if (!await IsAntiforgeryValidAsync(antiforgery, http)) return Results.BadRequest();
            if (http.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme
                && Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
                await accounts.SignOutEverywhereAsync(userId, http.RequestAborted);
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/account/login");
        });
        return app;
    }

    /// <summary>A body that is not a readable form (cut short, over the form limits) throws instead of failing the check.</summary>
    private static async Task<bool> IsAntiforgeryValidAsync(IAntiforgery antiforgery, HttpContext http)
    {
        try { return await antiforgery.IsRequestValidAsync(http); }
        catch (AntiforgeryValidationException) { return false; }
    }

    private static Task SignInAsync(HttpContext http, AccountInfo account) =>
        http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            AccountClaims.ForCookie(account, CookieAuthenticationDefaults.AuthenticationScheme),
            new AuthenticationProperties { IsPersistent = true });
}

public static class ReturnUrls
{
    /// <summary>
    /// Only paths on this site (so the sign-in form cannot bounce users elsewhere) made of printable ASCII (a control
    /// character or raw non-ASCII cannot go into a Location header); anything else becomes <c>/</c>.
    /// </summary>
    public static string Sanitize(string? url) =>
        url is { Length: > 0 and <= 2048 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && url.All(c => c is > ' ' and <= '~') ? url : "/";
}
