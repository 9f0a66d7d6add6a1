using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notion;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Security;
using SyncDashboard.Core.Sync;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Core.Sync.Pull;

namespace SyncDashboard.Tests.Integration.Notion;

/// <summary>A public-integration (OAuth) grant: code exchange with Basic auth, refresh with rotation on a 401, reconnect when refused.</summary>
[Collection(AppCollection.Name)]
public sealed class NotionOAuthRefreshTests(AppFixture fixture)
{
    private const string Redirect = "http://127.0.0.1/integrations/notion/callback";

    [Fact]
    public async Task RevokedAccessTokenIsRefreshedAndRotatedThenARefusedRefreshAsksForReconnect()
    {
        var app = fixture.App;
        var emulator = app.Get<NotionEmulator>();
        var user = await app.CreateUserAsync("notion-oauth");
        var workspace = emulator.CreateWorkspace("OAuth " + Guid.NewGuid().ToString("N")[..6], owner: user.EmulatorOwner);
        var database = emulator.CreateDatabase(workspace.Id, "Plans", [.. NotionEmulator.CalendarSchema, new("SyncDashboard ID", "rich_text")]);
        var connect = app.Get<NotionConnectService>();

        // A forged or reused code is refused with Notion's reason and stores nothing.
        var refused = await Assert.ThrowsAsync<SyncDashboard.Core.Common.InputValidationException>(() =>
            connect.CompleteOAuthAsync(user.Id, "not-a-code", Redirect, default));
        Assert.Contains("invalid_grant", refused.Errors["code"][0]);

        var code = emulator.AuthorizeOAuth(workspace.Id, [database.Id], Redirect);
        var connection = await connect.CompleteOAuthAsync(user.Id, code, Redirect, default);
        Assert.Equal(workspace.Name, connection.WorkspaceName);
        await Assert.ThrowsAsync<SyncDashboard.Core.Common.InputValidationException>(() => connect.CompleteOAuthAsync(user.Id, code, Redirect, default));
        var form = await connect.GetMappingFormAsync(user.Id, connection.CredentialId, database.DataSourceId, default);
        var integrationId = await connect.SaveDatabaseAsync(user.Id, connection.CredentialId,
            new NotionDatabaseChoice(database.DataSourceId, form.Proposal.Mapping!, SyncDirection.TwoWay, true), default);

        var first = await TokensAsync(connection.CredentialId);
        Assert.NotNull(first.RefreshToken);
        Assert.True(emulator.RevokeToken(first.AccessToken));
        emulator.CreatePageAsUser(database.DataSourceId, new Dictionary<string, System.Text.Json.Nodes.JsonNode?>
        {
            ["Title"] = NotionValues.Title("After the revoke"), ["Date"] = NotionValues.Date("2026-12-01"),
        });

        var pull = await app.Get<IncrementalPuller>().PullAsync(integrationId, SyncTrigger.Manual);
        Assert.Null(pull.Error);
        Assert.Equal(1, pull.Created);
        var second = await TokensAsync(connection.CredentialId);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken); // rotated, and the new one is what we kept

        // Both tokens gone: the pull fails in words, and the integration waits for a reconnect instead of retrying forever.
        emulator.RevokeToken(second.AccessToken);
        emulator.RevokeToken(second.RefreshToken!);
        var failed = await app.Get<IncrementalPuller>().PullAsync(integrationId, SyncTrigger.Manual);
        Assert.NotNull(failed.Error);
        Assert.Contains("reconnect", failed.Error, StringComparison.OrdinalIgnoreCase);
        await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var integration = await db.Integrations.Include(i => i.Credential).AsNoTracking().FirstAsync(i => i.Id == integrationId);
        Assert.Equal(IntegrationStatus.NeedsReconnect, integration.Status);
        Assert.True(integration.Credential!.NeedsReconnect);

        // Connecting again (a new consent) revives the same credential and integration.
        var again = await connect.CompleteOAuthAsync(user.Id, emulator.AuthorizeOAuth(workspace.Id, [database.Id], Redirect), Redirect, default);
        Assert.Equal(connection.CredentialId, again.CredentialId);
        var revived = await app.Get<IncrementalPuller>().PullAsync(integrationId, SyncTrigger.Manual);
        Assert.Null(revived.Error);
    }

    private async Task<NotionTokenSet> TokensAsync(Guid credentialId)
    {
        await using var db = await fixture.App.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var credential = await db.Credentials.AsNoTracking().FirstAsync(c => c.Id == credentialId);
        Assert.DoesNotContain("ntn_", credential.ProtectedTokens); // sealed at rest
        return NotionTokenSource.Unseal(fixture.App.Get<ITokenProtector>(), credential.ProtectedTokens);
    }
}
