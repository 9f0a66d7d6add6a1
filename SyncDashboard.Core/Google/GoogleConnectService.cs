using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Util.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync;
using SyncDashboard.Core.Sync.Polling;
using SyncDashboard.Core.Sync.Settings;
using SyncDashboard.Core.Sync.Pull;
using SyncDashboard.Core.Sync.Outbox;

namespace SyncDashboard.Core.Google;

public sealed record CalendarChoice(string CalendarId, string Name, SyncDirection Direction, bool IsHome);

public sealed record ConnectedAccount(Guid CredentialId, string AccountName, IReadOnlyList<GoogleCalendarListEntry> Calendars);

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
    IncrementalPuller puller,
    IOutboxSignal outboxSignal,
    IntegrationSettingsService settings,
    IIntegrationPollSchedule polls,
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
        var pendingId = await CreatePendingCredentialAsync(userId, ct);
        try
        {
            await flows.Flow.ExchangeCodeForTokenAsync(pendingId.ToString(), code, redirectUri, ct);
        }
        catch (TokenResponseException ex)
        {
            await RemoveCredentialAsync(pendingId, ct);
            throw new InputValidationException(new Dictionary<string, string[]> { ["code"] = [$"Google did not accept the sign-in ({ex.Error?.Error}). Please try again."] });
        }
        return await AdoptAsync(userId, pendingId, ct);
    }

    /// <summary>Stores a grant obtained outside the redirect (the emulator's demo grant), then names it like any other.</summary>
    public async Task<ConnectedAccount> ConnectGrantAsync(Guid userId, TokenResponse token, CancellationToken ct)
    {
        var pendingId = await CreatePendingCredentialAsync(userId, ct);
        await dataStore.StoreAsync(pendingId.ToString(), token);
        return await AdoptAsync(userId, pendingId, ct);
    }

    private async Task<Guid> CreatePendingCredentialAsync(Guid userId, CancellationToken ct)
    {
        var pending = new ProviderCredential { UserId = userId, Provider = Provider.Google, AccountName = "pending:" + Guid.NewGuid(), ProtectedTokens = "" };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Credentials.Add(pending);
        await db.SaveChangesAsync(ct);
        return pending.Id;
    }

    /// <summary>Names the new grant after its account; if the user had connected that account before, the old row takes the new grant.</summary>
    public async Task<ConnectedAccount> AdoptAsync(Guid userId, Guid credentialId, CancellationToken ct)
    {
        var calendars = await client.ListCalendarsAsync(new GoogleCallContext(credentialId, userId), ct);
        var account = calendars.FirstOrDefault(c => c.Primary == true)?.Id ?? calendars.FirstOrDefault()?.Id ?? "Google account";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var fresh = await db.Credentials.FirstAsync(c => c.Id == credentialId && c.UserId == userId, ct);
        var existing = await db.Credentials.FirstOrDefaultAsync(c => c.UserId == userId && c.Provider == Provider.Google && c.AccountName == account && c.Id != credentialId, ct);
        if (existing is null)
        {
            fresh.AccountName = account;
            await db.SaveChangesAsync(ct);
            return new ConnectedAccount(fresh.Id, account, calendars);
        }
        existing.ProtectedTokens = fresh.ProtectedTokens;
        db.Credentials.Remove(fresh);
        await settings.ResumeCredentialAsync(db, existing, ct);
        tokens.Forget(existing.Id);
        logger.LogInformation("Reconnected Google credential {CredentialId} for user {UserId}", existing.Id, userId);
        return new ConnectedAccount(existing.Id, account, calendars);
    }

    public async Task<ConnectedAccount> ListCalendarsAsync(Guid userId, Guid credentialId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var credential = await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == credentialId && c.UserId == userId, ct)
            ?? throw new NotFoundException("That Google account is not connected.");
        return new ConnectedAccount(credential.Id, credential.AccountName, await client.ListCalendarsAsync(new GoogleCallContext(credentialId, userId), ct));
    }

    /// <summary>Creates (or re-activates) an integration per chosen calendar, imports each, and opens push channels.</summary>
    public async Task<IReadOnlyList<Guid>> AddCalendarsAsync(Guid userId, Guid credentialId, IReadOnlyList<CalendarChoice> choices, CancellationToken ct)
    {
        if (choices.Count == 0) throw new InputValidationException(new Dictionary<string, string[]> { ["calendars"] = ["Pick at least one calendar."] });
        var ids = new List<Guid>();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await db.Credentials.AnyAsync(c => c.Id == credentialId && c.UserId == userId, ct))
                throw new NotFoundException("That Google account is not connected.");
            var home = choices.FirstOrDefault(c => c.IsHome && c.Direction != SyncDirection.ImportOnly) ?? choices.FirstOrDefault(c => c.Direction != SyncDirection.ImportOnly);
            if (home is not null) await IntegrationSettingsService.ClearHomeAsync(db, userId, Provider.Google, ct);
            foreach (var choice in choices)
            {
                var integration = await db.Integrations.FirstOrDefaultAsync(i => i.UserId == userId && i.Provider == Provider.Google && i.ExternalId == choice.CalendarId, ct);
                if (integration is null)
                {
                    integration = new Integration { UserId = userId, Provider = Provider.Google, ExternalId = choice.CalendarId, DisplayName = choice.Name };
                    db.Integrations.Add(integration);
                }
                integration.CredentialId = credentialId;
                integration.DisplayName = choice.Name;
                integration.Direction = choice.Direction;
                integration.IsHome = choice == home;
                integration.IsActive = true;
                integration.Status = IntegrationStatus.Active;
                integration.Cursor = null; // a (re)connect starts with a full listing that merges
                ids.Add(integration.Id);
            }
            await db.SaveChangesAsync(ct);
            if (home is not null) await settings.QueueExistingEventsAsync(db, userId, ids[choices.ToList().IndexOf(home)], ct);
        }

        foreach (var id in ids)
        {
            await puller.PullAsync(id, SyncTrigger.Connect, ct);
            if (options.Value.UsePushNotifications) await TryOpenChannelAsync(userId, id, ct);
            await polls.StartAsync(id, ct);
        }
        outboxSignal.Notify();
        return ids;
    }

    public async Task DisconnectAsync(Guid userId, Guid integrationId, CancellationToken ct)
    {
        try { await channels.StopAsync(userId, integrationId, ct); }
        catch (Exception ex) when (ex is not OperationCanceledException and not NotFoundException)
        {
            logger.LogWarning(ex, "Could not stop the push channel of integration {IntegrationId} while disconnecting", integrationId);
        }
        await settings.DisconnectAsync(userId, integrationId, ct);
        await polls.StopAsync(integrationId, ct);
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

    private async Task RemoveCredentialAsync(Guid credentialId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Credentials.Where(c => c.Id == credentialId).ExecuteDeleteAsync(ct);
    }
}
