using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Util.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync;
using SyncDashboard.Core.Sync.Connect;

namespace SyncDashboard.Core.Google;

public sealed record CalendarChoice(string CalendarId, string Name, SyncDirection Direction, bool IsHome);

/// <param name="AlreadySynced">Ids of the calendars this user syncs already (a reconnect lists them as such, not as new).</param>
public sealed record ConnectedAccount(
    Guid CredentialId, string AccountName, IReadOnlyList<GoogleCalendarListEntry> Calendars, IReadOnlySet<string>? AlreadySynced = null);

/// <summary>
/// Connecting Google: the OAuth code exchange (offline access), listing calendars, and turning the user's choices
/// into integrations with a first import, a push channel and the app's events queued for the home calendar.
/// </summary>
public sealed class GoogleConnectService(
    IDbContextFactory<AppDbContext> dbFactory,
    GoogleAuthFlowFactory flows,
    IDataStore dataStore,
    GoogleTokenSource tokens,
    GoogleCalendarClient client,
    GoogleChannelService channels,
    IntegrationActivation activation,
    IOptions<GoogleOptions> options,
    ILogger<GoogleConnectService> logger)
{
    public string AuthorizationUrl(string redirectUri, string state)
    {
        var request = flows.Flow.CreateAuthorizationCodeRequest(redirectUri);
        request.State = state;
        return request.Build().AbsoluteUri;
    }

    /// <summary>Exchanges the code, stores the grant sealed, and lists the account's calendars. Reconnecting an account reuses its credential.</summary>
    public async Task<ConnectedAccount> CompleteAsync(Guid userId, string code, string redirectUri, CancellationToken ct)
    {
        var pendingId = await activation.CreatePendingCredentialAsync(userId, Provider.Google, "", ct);
        try
        {
            await flows.Flow.ExchangeCodeForTokenAsync(pendingId.ToString(), code, redirectUri, ct);
        }
        catch (TokenResponseException ex)
        {
            await activation.RemoveCredentialAsync(pendingId);
            throw new InputValidationException(new Dictionary<string, string[]> { ["code"] = [$"Google did not accept the sign-in ({ex.Error?.Error}). Please try again."] });
        }
        return await AdoptAsync(userId, pendingId, ct);
    }

    /// <summary>Stores a grant obtained outside the redirect (the emulator's demo grant), then names it like any other.</summary>
    public async Task<ConnectedAccount> ConnectGrantAsync(Guid userId, TokenResponse token, CancellationToken ct)
    {
        var pendingId = await activation.CreatePendingCredentialAsync(userId, Provider.Google, "", ct);
        await dataStore.StoreAsync(pendingId.ToString(), token);
        return await AdoptAsync(userId, pendingId, ct);
    }

    /// <summary>Names the new grant after its account (the primary calendar's id); a reconnect of a known account reuses its credential.</summary>
    public async Task<ConnectedAccount> AdoptAsync(Guid userId, Guid credentialId, CancellationToken ct)
    {
        var calendars = await client.ListCalendarsAsync(new GoogleCallContext(credentialId, userId), ct);
        var account = calendars.FirstOrDefault(c => c.Primary == true)?.Id ?? calendars.FirstOrDefault()?.Id ?? "Google account";
        var adoptedId = await activation.AdoptCredentialAsync(userId, credentialId, account, account, c => c.AccountName == account, protectedTokens: null, ct);
        if (adoptedId != credentialId) tokens.Forget(adoptedId);
        return new ConnectedAccount(adoptedId, account, calendars);
    }

    public async Task<ConnectedAccount> ListCalendarsAsync(Guid userId, Guid credentialId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var credential = await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == credentialId && c.UserId == userId, ct)
            ?? throw new NotFoundException("That Google account is not connected.");
        var synced = await db.Integrations.AsNoTracking()
            .Where(i => i.UserId == userId && i.Provider == Provider.Google && i.Status != IntegrationStatus.Disconnected)
            .Select(i => i.ExternalId).ToListAsync(ct);
        return new ConnectedAccount(credential.Id, credential.AccountName,
            await client.ListCalendarsAsync(new GoogleCallContext(credentialId, userId), ct), synced.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Creates (or re-activates) an integration per chosen calendar — the one marked home, else the first the app may
    /// export to, is home — imports each, and opens push channels.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> AddCalendarsAsync(Guid userId, Guid credentialId, IReadOnlyList<CalendarChoice> choices, CancellationToken ct)
    {
        if (choices.Count == 0) throw new InputValidationException(new Dictionary<string, string[]> { ["calendars"] = ["Pick at least one calendar."] });
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await db.Credentials.AnyAsync(c => c.Id == credentialId && c.UserId == userId, ct))
                throw new NotFoundException("That Google account is not connected.");
        }
        var home = choices.FirstOrDefault(c => c.IsHome && c.Direction != SyncDirection.ImportOnly) ?? choices.FirstOrDefault(c => c.Direction != SyncDirection.ImportOnly);
        var ids = await activation.SaveIntegrationsAsync(userId, Provider.Google, credentialId,
            choices.Select(c => new IntegrationChoice(c.CalendarId, c.Name, c.Direction, c == home)).ToList(), string.Equals,
            (integration, _) => integration.Cursor = null, // a (re)connect starts with a full listing that merges
            ct);
        foreach (var id in ids)
        {
            await activation.StartAsync(id, ct);
            if (options.Value.UsePushNotifications) await TryOpenChannelAsync(userId, id, ct);
        }
        return ids;
    }

    private async Task TryOpenChannelAsync(Guid userId, Guid integrationId, CancellationToken ct)
    {
        try { await channels.RegisterAsync(userId, integrationId, ct); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not open a push channel for integration {IntegrationId}; the safety-net sync covers it", integrationId);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Integrations.Where(i => i.Id == integrationId).ExecuteUpdateAsync(s => s.SetProperty(i => i.LastSyncError,
                "Push notifications are off (" + ex.Message + "); changes in Google arrive with the 15-minute sync."), ct);
        }
    }
}
