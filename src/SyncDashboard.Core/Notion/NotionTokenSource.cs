using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Security;
using SyncDashboard.Core.Sync;

namespace SyncDashboard.Core.Notion;

/// <summary>
/// Notion access tokens per credential, read from the sealed <c>ProviderCredential.ProtectedTokens</c> JSON and cached.
/// Internal tokens never expire; an OAuth token that is revoked shows up as a 401, after which the row is read again
/// (a reconnect may have replaced it) before the engine is told to ask the user.
/// </summary>
public sealed class NotionTokenSource(IDbContextFactory<AppDbContext> dbFactory, ITokenProtector protector)
{
    private readonly ConcurrentDictionary<Guid, string> _tokens = new();

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
