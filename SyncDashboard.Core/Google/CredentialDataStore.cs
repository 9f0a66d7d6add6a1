using Google.Apis.Json;
using Google.Apis.Util.Store;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Security;

namespace SyncDashboard.Core.Google;

/// <summary>
/// Google.Apis.Auth's token store, over <c>ProviderCredential</c> rows, sealed with AES-256-GCM. Keys are credential
/// ids. When the library "deletes" a token (it does so on invalid_grant), the row stays and is marked as needing
/// reconnect, so the user sees why sync stopped instead of the integration vanishing.
/// </summary>
internal sealed class CredentialDataStore(IDbContextFactory<AppDbContext> dbFactory, ITokenProtector protector, TimeProvider clock) : IDataStore
{
    public async Task StoreAsync<T>(string key, T value)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var credential = await db.Credentials.FirstOrDefaultAsync(c => c.Id == Guid.Parse(key))
            ?? throw new InvalidOperationException($"Credential {key} does not exist.");
        credential.ProtectedTokens = protector.Protect(NewtonsoftJsonSerializer.Instance.Serialize(value));
        credential.NeedsReconnect = false;
        credential.LastError = null;
        credential.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
    }

    public async Task DeleteAsync<T>(string key)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var credential = await db.Credentials.FirstOrDefaultAsync(c => c.Id == Guid.Parse(key));
        if (credential is null) return;
        credential.ProtectedTokens = "";
        credential.NeedsReconnect = true;
        credential.LastError ??= "Google access was revoked or expired — reconnect on the Settings page.";
        await db.SaveChangesAsync();
    }

    public async Task<T> GetAsync<T>(string key)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var credential = await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Guid.Parse(key));
        if (credential is null || string.IsNullOrEmpty(credential.ProtectedTokens)) return default!;
        return NewtonsoftJsonSerializer.Instance.Deserialize<T>(protector.Unprotect(credential.ProtectedTokens));
    }

    public Task ClearAsync() => throw new NotSupportedException("Credentials are removed one at a time, by disconnecting an integration.");
}
