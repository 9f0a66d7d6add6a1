using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Accounts;

namespace SyncDashboard.Web.Accounts;

/// <summary>
/// Refuses a cookie whose security stamp is no longer the user's (signed out since, or the user is gone). The stamp is
/// cached briefly because every request and hub negotiation validates the cookie; sign-out here forgets it at once.
/// </summary>
internal sealed class CookieStampValidator(AccountService accounts, IMemoryCache cache, IOptionsMonitor<AccountSecurityOptions> options)
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var stamp = principal?.FindFirstValue(AccountClaims.SecurityStamp);
        if (Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) && stamp is not null
            && stamp == await CurrentStampAsync(userId, context.HttpContext.RequestAborted))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    private async Task<string?> CurrentStampAsync(Guid userId, CancellationToken ct)
    {
        var ttl = options.CurrentValue.SecurityStampCacheDuration;
        if (ttl <= TimeSpan.Zero) return await accounts.GetSecurityStampAsync(userId, ct);
        return await cache.GetOrCreateAsync(CacheKey(userId), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = ttl;
            return accounts.GetSecurityStampAsync(userId, ct);
        });
    }

    /// <summary>Removed by <see cref="LiveSessions"/> on sign-out (it cannot call this class: that would be a cycle through <see cref="AccountService"/>).</summary>
    public static string CacheKey(Guid userId) => $"security-stamp:{userId}";
}
