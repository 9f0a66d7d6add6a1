using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using SyncDashboard.Emulators.People;

namespace SyncDashboard.Web.Emulators;

/// <summary>
/// The app's users are the emulators' people: the emulated consent and "Google side"/"Notion side" pages know the
/// visitor by the app's sign-in cookie, and each user gets their own emulated Google account and Notion workspace.
/// </summary>
internal sealed class AppEmulatorPeople : IEmulatorPeople
{
    public EmulatedPerson? Current(HttpContext context)
    {
        // Only the browser's cookie counts: a bearer token on these paths is Google's or Notion's, not ours.
        if (context.User.Identity is not { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme }) return null;
        var id = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var email = context.User.FindFirstValue(ClaimTypes.Email);
        return id is null || email is null ? null : new EmulatedPerson(OwnerKey(Guid.Parse(id)), email, context.User.FindFirstValue(ClaimTypes.Name) ?? email);
    }

    public string SignInUrl(string returnUrl) => "/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);

    public string AppHomeUrl => "/";

    /// <summary>How an app user is named as an emulated account's or workspace's owner.</summary>
    public static string OwnerKey(Guid userId) => userId.ToString("D");
}
