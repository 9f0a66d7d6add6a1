using Google.Apis.Auth.OAuth2.Responses;
using SyncDashboard.Emulators.Google;

namespace SyncDashboard.Web.Demo;

public static class EmulatorGrants
{
    /// <summary>A grant the Google emulator issued directly (in place of the consent click), as Google.Apis.Auth stores it.</summary>
    public static TokenResponse ToTokenResponse(this IssuedTokens issued) => new()
    {
        AccessToken = issued.AccessToken, RefreshToken = issued.RefreshToken, ExpiresInSeconds = issued.ExpiresIn,
        Scope = issued.Scope, TokenType = "Bearer", IssuedUtc = DateTime.UtcNow,
    };
}
