using System.Security.Claims;
using SyncDashboard.Core.Accounts;

namespace SyncDashboard.Web.Accounts;

internal static class AccountClaims
{
    public static ClaimsPrincipal Principal(AccountInfo account, string scheme) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()),
        new Claim(ClaimTypes.Name, account.DisplayName),
        new Claim(ClaimTypes.Email, account.Email),
    ], scheme));
}
