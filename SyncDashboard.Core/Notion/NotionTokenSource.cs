using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Security;
using SyncDashboard.Core.Sync;

namespace SyncDashboard.Core.Notion;

/// <summary>
/// Notion access tokens per credential, read from the sealed <c>ProviderCredential.ProtectedTokens</c> JSON and cached.
/// Internal tokens never expire. An OAuth token that stops working shows up as a 401: the row is read again (a
/// reconnect may have replaced it), then the refresh token is used, and only then is the engine told to ask the user.
/// </summary>
public sealed class NotionTokenSource(IDbContextFactory<AppDbContext> dbFactory, ITokenProtector protector, NotionOAuthClient oauth)
{
    private readonly ConcurrentDictionary<Guid, string> _tokens = new();
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _refreshes = new();

    public async Task<string> GetAccessTokenAsync(Guid credentialId, CancellationToken ct)
    {
        if (_tokens.TryGetValue(credentialId, out var cached)) return cached;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var credential = await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == credentialId, ct);
        if (credential is null || string.IsNullOrEmpty(credential.ProtectedTokens))
            throw new ReconnectRequiredException("There is no Notion grant for this integration — reconnect Notion on the Settings page.");
        var tokens = Unseal(protector, credential.ProtectedTokens);
        return _tokens[credentialId] = tokens.AccessToken;
    }

    /// <summary>
    /// After a 401 with <paramref name="failedAccessToken"/>: the token stored now if another request or a reconnect
    /// already replaced it, else a refreshed one (stored sealed with the rotated refresh token). Null when there is
    /// nothing to refresh with (internal tokens, no OAuth client configured); throws ReconnectRequired when Notion refuses.
    /// One refresh per credential at a time: the refresh token rotates, so a second concurrent refresh would kill the grant.
    /// </summary>
    public async Task<string?> RefreshAsync(Guid credentialId, string failedAccessToken, CancellationToken ct)
    {
        var gate = _refreshes.GetOrAdd(credentialId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            Forget(credentialId);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var credential = await db.Credentials.FirstOrDefaultAsync(c => c.Id == credentialId, ct);
            if (credential is null || string.IsNullOrEmpty(credential.ProtectedTokens)) return null;
            var stored = Unseal(protector, credential.ProtectedTokens);
            if (stored.AccessToken != failedAccessToken) return _tokens[credentialId] = stored.AccessToken;
            if (stored.RefreshToken is null || !oauth.CanRefresh) return null;

            var fresh = await oauth.RefreshAsync(stored.RefreshToken, ct);
            var next = stored with { AccessToken = fresh.AccessToken, RefreshToken = fresh.RefreshToken ?? stored.RefreshToken };
            credential.ProtectedTokens = Seal(protector, next);
            // Not the request's token: once Notion rotated the refresh token, losing the new one would cost a reconnect.
            await db.SaveChangesAsync(CancellationToken.None);
            return _tokens[credentialId] = next.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets the cached token, e.g. after a 401 or a reconnect.</summary>
    public void Forget(Guid credentialId) => _tokens.TryRemove(credentialId, out _);

    /// <summary>Seals a token set for <c>ProviderCredential.ProtectedTokens</c> (used by the connect flow and tests).</summary>
    public static string Seal(ITokenProtector protector, NotionTokenSet tokens) =>
        protector.Protect(JsonSerializer.Serialize(tokens, NotionClient.Json));

    public static NotionTokenSet Unseal(ITokenProtector protector, string sealedTokens)
    {
        var tokens = JsonSerializer.Deserialize<NotionTokenSet>(protector.Unprotect(sealedTokens), NotionClient.Json);
        return tokens is { AccessToken.Length: > 0 } ? tokens
            : throw new ReconnectRequiredException("The stored Notion grant has no access token — reconnect Notion on the Settings page.");
    }
}
