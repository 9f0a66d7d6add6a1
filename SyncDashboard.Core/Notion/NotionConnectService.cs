using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Security;
using SyncDashboard.Core.Sync;
using SyncDashboard.Core.Sync.Connect;

namespace SyncDashboard.Core.Notion;

public sealed record NotionConnection(Guid CredentialId, string WorkspaceName);

/// <summary>A database shared with the connection, addressed through its (first) data source.</summary>
public sealed record NotionDatabaseOption(string DatabaseId, string DataSourceId, string Name);

/// <summary>What the mapping form shows: the schema, the proposed (or current) mapping and what is wrong with it.</summary>
public sealed record NotionMappingForm(NotionDatabaseOption Database, IReadOnlyList<NotionPropertySchema> Properties, NotionMappingResult Proposal,
    Guid? IntegrationId, SyncDirection Direction, bool IsHome);

public sealed record NotionDatabaseChoice(string DataSourceId, NotionPropertyMapping Mapping, SyncDirection Direction, bool IsHome);

/// <summary>
/// Connecting Notion: an OAuth grant or an internal integration token becomes a sealed credential (checked with
/// users/me first), the shared databases are listed, and the chosen one — with a mapping validated against its live
/// schema — becomes an integration with a first import, the app's events queued for it, and its own poll schedule.
/// </summary>
public sealed class NotionConnectService(
    IDbContextFactory<AppDbContext> dbFactory,
    NotionClient client,
    NotionOAuthClient oauth,
    NotionMappingValidator validator,
    NotionCalendarProvider provider,
    NotionTokenSource tokens,
    ITokenProtector protector,
    IntegrationActivation activation,
    IOptions<NotionOptions> options,
    TimeProvider clock,
    ILogger<NotionConnectService> logger)
{
    public bool CanUseOAuth => options.Value.HasOAuthClient;

    public string AuthorizationUrl(string redirectUri, string state) => oauth.AuthorizationUrl(redirectUri, state);

    public async Task<NotionConnection> CompleteOAuthAsync(Guid userId, string code, string redirectUri, CancellationToken ct)
    {
        var token = await oauth.ExchangeCodeAsync(code, redirectUri, ct);
        return await StoreGrantAsync(userId, new NotionTokenSet(token.AccessToken, token.RefreshToken, token.WorkspaceName, token.WorkspaceId, token.BotId), ct);
    }

    /// <summary>An internal integration's secret (ntn_… or the older secret_…), pasted on the settings page.</summary>
    public Task<NotionConnection> ConnectTokenAsync(Guid userId, string? token, CancellationToken ct)
    {
        token = token?.Trim();
        if (string.IsNullOrEmpty(token) || token.Length > 500 || token.Any(char.IsWhiteSpace))
            throw Invalid("token", "Paste the integration's secret from notion.so/my-integrations (it starts with ntn_ or secret_).");
        return StoreGrantAsync(userId, new NotionTokenSet(token), ct);
    }

    /// <summary>
    /// Stores the grant sealed, then asks Notion who it is. A refused token is removed again and reported; a grant for a
    /// bot this user already connected replaces that credential's token (a reconnect), which revives its integrations.
    /// </summary>
    private async Task<NotionConnection> StoreGrantAsync(Guid userId, NotionTokenSet grant, CancellationToken ct)
    {
        var pendingId = await activation.CreatePendingCredentialAsync(userId, Provider.Notion, NotionTokenSource.Seal(protector, grant), ct);
        NotionUser bot;
        try
        {
            bot = await client.GetBotUserAsync(new NotionCallContext(pendingId), ct);
        }
        catch (Exception ex) when (ex is ReconnectRequiredException or PermanentProviderException)
        {
            await activation.RemoveCredentialAsync(pendingId);
            tokens.Forget(pendingId);
            logger.LogWarning("Notion refused the grant offered by user {UserId}: {Reason}", userId, ex.Message);
            throw Invalid("token", "Notion did not accept this token. Check that you copied the whole secret and that the integration still exists.");
        }

        var workspace = grant.WorkspaceName ?? bot.Bot?.WorkspaceName ?? bot.Name ?? "Notion workspace";
        var complete = grant with { BotId = bot.Id, WorkspaceName = workspace };
        var credentialId = await activation.AdoptCredentialAsync(userId, pendingId, bot.Id, workspace, c => SameBot(c, bot.Id),
            NotionTokenSource.Seal(protector, complete), ct);
        if (credentialId != pendingId)
        {
            tokens.Forget(credentialId);
            tokens.Forget(pendingId);
        }
        return new NotionConnection(credentialId, workspace);
    }

    private bool SameBot(ProviderCredential credential, string botId)
    {
        try { return NotionCalendarProvider.SameId(NotionTokenSource.Unseal(protector, credential.ProtectedTokens).BotId, botId); }
        catch (Exception ex) when (ex is ReconnectRequiredException or System.Security.Cryptography.CryptographicException or FormatException) { return false; }
    }

    public async Task<NotionConnection> GetConnectionAsync(Guid userId, Guid credentialId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var credential = await db.Credentials.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == credentialId && c.UserId == userId && c.Provider == Provider.Notion, ct)
            ?? throw new NotFoundException("That Notion workspace is not connected.");
        return new NotionConnection(credential.Id, credential.AccountName);
    }

    /// <summary>The databases shared with the connection (Notion shows nothing that was not shared in its Connections menu).</summary>
    public async Task<IReadOnlyList<NotionDatabaseOption>> ListDatabasesAsync(Guid userId, Guid credentialId, CancellationToken ct)
    {
        await GetConnectionAsync(userId, credentialId, ct);
        var sources = await client.SearchDataSourcesAsync(new NotionCallContext(credentialId), null, ct);
        return sources
            .Select(s => new NotionDatabaseOption(s.Parent?.DatabaseId ?? s.Id, s.Id, s.DisplayName is { Length: > 0 } n ? n : "Untitled"))
            .OrderBy(d => d.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>The schema of one data source with the mapping to offer: the integration's current one, else the preselection.</summary>
    public async Task<NotionMappingForm> GetMappingFormAsync(Guid userId, Guid credentialId, string dataSourceId, CancellationToken ct)
    {
        await GetConnectionAsync(userId, credentialId, ct);
        var (database, schema) = await LoadSchemaAsync(credentialId, dataSourceId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await FindIntegrationAsync(db, userId, database.DatabaseId, ct);
        var current = existing is { IsActive: true } ? NotionPropertyMapping.FromJson(existing.PropertyMapping) : null;
        var proposal = current is null ? validator.Preselect(schema) : validator.Validate(current, schema);
        var hasHome = await db.Integrations.AnyAsync(i => i.UserId == userId && i.Provider == Provider.Notion && i.IsHome && i.IsActive, ct);
        return new NotionMappingForm(database, schema.Values.OrderBy(p => p.Type != "title").ThenBy(p => p.Name).ToList(), proposal,
            existing is { IsActive: true } ? existing.Id : null,
            existing is { IsActive: true } ? existing.Direction : SyncDirection.TwoWay,
            existing is { IsActive: true } ? existing.IsHome : !hasHome);
    }

    /// <summary>
    /// Creates (or updates) the integration for a database. The mapping is validated against the schema as it is now;
    /// errors come back as an <see cref="InputValidationException"/> under "mapping", each naming the property and why.
    /// A changed mapping re-lists the database, since fields that were not synced before are now.
    /// </summary>
    public async Task<Guid> SaveDatabaseAsync(Guid userId, Guid credentialId, NotionDatabaseChoice choice, CancellationToken ct)
    {
        await GetConnectionAsync(userId, credentialId, ct);
        var (database, schema) = await LoadSchemaAsync(credentialId, choice.DataSourceId, ct);
        var checkedMapping = validator.Validate(choice.Mapping, schema);
        if (!checkedMapping.IsValid) throw new InputValidationException(new Dictionary<string, string[]> { ["mapping"] = checkedMapping.Errors.ToArray() });

        var mappingJson = checkedMapping.Mapping!.ToJson();
        Integration? saved = null;
        var ids = await activation.SaveIntegrationsAsync(userId, Provider.Notion, credentialId,
            [new IntegrationChoice(database.DatabaseId, database.Name, choice.Direction, choice.IsHome)], NotionCalendarProvider.SameId,
            (integration, isNew) =>
            {
                // Nothing is linked yet, so there is nothing that could vanish: the first reconciliation scan can wait its turn.
                if (isNew) integration.LastFullScanAt = clock.GetUtcNow().UtcDateTime;
                // A full listing that merges picks up fields that were not mapped before.
                if (integration.PropertyMapping != mappingJson || !integration.IsActive || integration.CredentialId != credentialId) integration.Cursor = null;
                integration.PropertyMapping = mappingJson;
                saved = integration;
            }, ct);
        provider.Forget(saved!); // after the save, so a poll cannot cache the old mapping again
        logger.LogInformation("Notion database {DatabaseId} of user {UserId} is integration {IntegrationId} with mapping {Mapping}",
            database.DatabaseId, userId, ids[0], mappingJson);
        await activation.StartAsync(ids[0], ct);
        return ids[0];
    }


    private async Task<(NotionDatabaseOption Database, IReadOnlyDictionary<string, NotionPropertySchema> Schema)> LoadSchemaAsync(
        Guid credentialId, string dataSourceId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(dataSourceId) || dataSourceId.Length > 64) throw Invalid("database", "Choose a database.");
        var source = await client.RetrieveDataSourceAsync(new NotionCallContext(credentialId), dataSourceId, ct)
            ?? throw new NotFoundException("That Notion database is not shared with the connection (share it in Notion: ••• → Connections).");
        var schema = source.Properties ?? new Dictionary<string, NotionPropertySchema>();
        var name = source.DisplayName is { Length: > 0 } n ? n : "Untitled";
        return (new NotionDatabaseOption(source.Parent?.DatabaseId ?? source.Id, source.Id, name), schema);
    }

    private static async Task<Integration?> FindIntegrationAsync(AppDbContext db, Guid userId, string databaseId, CancellationToken ct)
    {
        var candidates = await db.Integrations.Where(i => i.UserId == userId && i.Provider == Provider.Notion).ToListAsync(ct);
        return candidates.FirstOrDefault(i => NotionCalendarProvider.SameId(i.ExternalId, databaseId));
    }

    private static InputValidationException Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
