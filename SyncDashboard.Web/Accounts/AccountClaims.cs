using System.Security.Claims;
using SyncDashboard.Core.Accounts;

namespace SyncDashboard.Web.Accounts;

internal static class AccountClaims
{
    /// <summary>The user's security stamp when the cookie was issued; a cookie whose stamp is no longer current is refused.</summary>
    public const string SecurityStamp = "syncdashboard:stamp";

    /// <summary>The API token a principal came from, so revoking it can end the connections it opened.</summary>
    public const string ApiTokenId = "syncdashboard:token";

    public static ClaimsPrincipal ForCookie(AccountInfo account, string scheme) =>
        Principal(account, scheme, new Claim(SecurityStamp, account.SecurityStamp));

    public static ClaimsPrincipal ForApiToken(AccountInfo account, Guid tokenId, string scheme) =>
        Principal(account, scheme, new Claim(ApiTokenId, tokenId.ToString()));

    public static Guid? TokenIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ApiTokenId), out var id) ? id : null;

    private static ClaimsPrincipal Principal(AccountInfo account, string scheme, Claim origin) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()),
        new Claim(ClaimTypes.Name, account.DisplayName),
        new Claim(ClaimTypes.Email, account.Email),
        origin,
    ], scheme));
}
