using Microsoft.AspNetCore.DataProtection;

namespace SyncDashboard.Web.Infrastructure;

/// <summary>
/// The OAuth <c>state</c> parameter: the user's id sealed with Data Protection for one provider and valid for ten
/// minutes, so a callback cannot be replayed into another user's session (CSRF on the redirect).
/// </summary>
public static class OAuthState
{
    public static string Create(IDataProtectionProvider protection, string provider, Guid userId) =>
        Protector(protection, provider).Protect(userId.ToString(), TimeSpan.FromMinutes(10));

    public static bool Matches(IDataProtectionProvider protection, string provider, string? state, Guid userId)
    {
        if (string.IsNullOrEmpty(state)) return false;
        try { return Protector(protection, provider).Unprotect(state) == userId.ToString(); }
        catch (System.Security.Cryptography.CryptographicException) { return false; }
    }

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider provider, string purpose) =>
        provider.CreateProtector("SyncDashboard.OAuthState." + purpose).ToTimeLimitedDataProtector();
}
