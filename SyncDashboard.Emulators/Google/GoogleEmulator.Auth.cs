using System.Security.Cryptography;
using System.Text;
using SyncDashboard.Emulators.Google.State;
using SyncDashboard.Emulators.Google.Wire;

namespace SyncDashboard.Emulators.Google;

public sealed record IssuedTokens(string AccessToken, string? RefreshToken, int ExpiresIn, string Scope);

public sealed record GoogleCaller(string Email, IReadOnlyList<string> Scopes);

/// <summary>An OAuth endpoint refusal: <c>{"error":..., "error_description":...}</c> with its status.</summary>
public sealed class OAuthException(int status, string error, string description) : Exception($"{error}: {description}")
{
    public int Status { get; } = status;
    public OAuthError Body { get; } = new(error, description);

    public static OAuthException InvalidGrant() => new(400, "invalid_grant", "Token has been expired or revoked.");
    public static OAuthException InvalidClient() => new(401, "invalid_client", "The OAuth client was not found.");
}

/// <summary>OAuth: one-time codes, access and refresh tokens, revocation.</summary>
public sealed partial class GoogleEmulator
{
    private sealed record PendingCode(string Email, List<string> Scopes, string RedirectUri, bool Offline,
        string? Challenge, string? ChallengeMethod, DateTimeOffset ExpiresAt);

    private readonly Dictionary<string, PendingCode> _codes = [];

    public bool IsValidClient(string? clientId, string? clientSecret) =>
        clientId == Options.ClientId && clientSecret == Options.ClientSecret;

    public string CreateAuthorizationCode(string email, IReadOnlyList<string> scopes, string redirectUri,
        bool offline, string? codeChallenge = null, string? codeChallengeMethod = null)
    {
        lock (_gate)
        {
            var code = "4/emu-" + Random(24);
            _codes[code] = new PendingCode(Normalize(email), [.. scopes], redirectUri, offline,
                codeChallenge, codeChallengeMethod ?? "plain", Now + Options.AuthorizationCodeLifetime);
            return code;
        }
    }

    public TokenResponse ExchangeCode(string code, string? redirectUri, string? codeVerifier)
    {
        lock (_gate)
        {
            // A code is single-use: it is spent even when the exchange below fails.
            if (!_codes.Remove(code, out var pending) || pending.ExpiresAt <= Now || pending.RedirectUri != redirectUri
                || !PkceMatches(pending, codeVerifier))
            {
                throw OAuthException.InvalidGrant();
            }
            var issued = Issue(pending.Email, pending.Scopes, pending.Offline);
            return new TokenResponse(issued.AccessToken, issued.ExpiresIn, "Bearer", issued.Scope, issued.RefreshToken);
        }
    }

    public TokenResponse Refresh(string refreshToken)
    {
        lock (_gate)
        {
            if (!_state.RefreshTokens.TryGetValue(refreshToken, out var grant) || grant.Revoked)
            {
                throw OAuthException.InvalidGrant();
            }
            var access = NewAccessToken(grant.Email, grant.Scopes, refreshToken);
            Persist();
            return new TokenResponse(access, ExpiresIn, "Bearer", string.Join(' ', grant.Scopes), null);
        }
    }

    /// <summary>Tokens as if the user had consented; for tests and seeding.</summary>
    public IssuedTokens IssueTokens(string email, IEnumerable<string> scopes, bool offline = true)
    {
        lock (_gate) { return Issue(Normalize(email), [.. scopes], offline); }
    }

    /// <summary>Revokes an access or refresh token and everything issued with it; false when unknown.</summary>
    public bool Revoke(string token)
    {
        lock (_gate)
        {
            var refresh = _state.AccessTokens.TryGetValue(token, out var access) ? access.RefreshToken : token;
            var known = access is not null;
            _state.AccessTokens.Remove(token);
            if (refresh is not null && _state.RefreshTokens.TryGetValue(refresh, out var grant))
            {
                grant.Revoked = true;
                known = true;
                foreach (var key in _state.AccessTokens.Where(a => a.Value.RefreshToken == refresh).Select(a => a.Key).ToList())
                {
                    _state.AccessTokens.Remove(key);
                }
            }
            Persist();
            return known;
        }
    }

    public bool RevokeRefreshToken(string refreshToken) => Revoke(refreshToken);

    /// <summary>Makes every access token issued so far expired, as if an hour had passed.</summary>
    public void ExpireAccessTokens()
    {
        lock (_gate)
        {
            foreach (var token in _state.AccessTokens.Values) { token.ExpiresAt = Now.AddSeconds(-1); }
            Persist();
        }
    }

    public GoogleCaller? Authenticate(string? accessToken)
    {
        lock (_gate)
        {
            return accessToken is not null && _state.AccessTokens.TryGetValue(accessToken, out var token)
                   && token.ExpiresAt > Now
                ? new GoogleCaller(token.Email, token.Scopes)
                : null;
        }
    }

    private int ExpiresIn => (int)Options.AccessTokenLifetime.TotalSeconds;

    private IssuedTokens Issue(string email, List<string> scopes, bool offline)
    {
        if (!_state.Accounts.ContainsKey(email))
        {
            throw new InvalidOperationException($"No emulated Google account {email}.");
        }
        string? refresh = null;
        if (offline)
        {
            refresh = "1//emu-" + Random(32);
            _state.RefreshTokens[refresh] = new RefreshTokenState { Email = email, Scopes = scopes };
        }
        var access = NewAccessToken(email, scopes, refresh);
        Persist();
        return new IssuedTokens(access, refresh, ExpiresIn, string.Join(' ', scopes));
    }

    private string NewAccessToken(string email, List<string> scopes, string? refresh)
    {
        var access = "ya29.emu-" + Random(32);
        _state.AccessTokens[access] = new AccessTokenState
        {
            Email = email, Scopes = scopes, RefreshToken = refresh, ExpiresAt = Now + Options.AccessTokenLifetime,
        };
        return access;
    }

    private static bool PkceMatches(PendingCode pending, string? verifier)
    {
        if (pending.Challenge is null) { return true; }
        if (verifier is null) { return false; }
        var expected = pending.ChallengeMethod == "S256"
            ? Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))
            : verifier;
        return expected == pending.Challenge;
    }

    private static string Random(int bytes) => Base64Url(RandomNumberGenerator.GetBytes(bytes));

    private static string Base64Url(byte[] data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
