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

        group.MapPost("/login", async ([FromForm] LoginForm? form, AccountService accounts, HttpContext http) =>
        {
            var account = await accounts.ValidateAsync(form?.Email, form?.Password, http.RequestAborted);
            if (account is null)
                return Results.Redirect($"/account/login?error=invalid&email={Uri.EscapeDataString(form?.Email ?? "")}");
            await SignInAsync(http, account);
            return Results.LocalRedirect(SafeReturnUrl(form?.ReturnUrl));
        });

        group.MapPost("/demo", async ([FromForm] LoginForm? form, AccountService accounts, DemoMode demo, HttpContext http) =>
        {
            var account = demo.Enabled ? await accounts.FindDemoAsync(http.RequestAborted) : null;
            if (account is null) return Results.Redirect("/account/login?error=nodemo");
            await SignInAsync(http, account);
            return Results.LocalRedirect(SafeReturnUrl(form?.ReturnUrl));
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
                var message = string.Join(" ", ex.Errors.SelectMany(e => e.Value));
                return Results.Redirect($"/account/register?error={Uri.EscapeDataString(message)}&email={Uri.EscapeDataString(form?.Email ?? "")}");
            }
        });

        group.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/account/login");
        });
        return app;
    }

    private static Task SignInAsync(HttpContext http, AccountInfo account) =>
        http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            AccountClaims.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme),
            new AuthenticationProperties { IsPersistent = true });

    /// <summary>Only paths on this site, so the sign-in form cannot be used to bounce users elsewhere.</summary>
    private static string SafeReturnUrl(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";
}
