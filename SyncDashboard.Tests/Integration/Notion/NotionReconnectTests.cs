using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notion;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration.Notion;

/// <summary>
/// Connecting Notion again never fails and never leaves a half-made credential: the same workspace through OAuth after
/// its internal integration (two bots, one name — this answered 500 on a UNIQUE constraint), two workspaces sharing a
/// name, and the same grant twice.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NotionReconnectTests(AppFixture fixture)
{
    private const string Redirect = "http://127.0.0.1/integrations/notion/callback";

    [Fact]
    public async Task TheSameWorkspaceThroughOAuthAfterItsInternalIntegrationIsASecondNamedCredential()
    {
        var account = await fixture.App.ConnectNotionAsync();
        var emulator = fixture.App.Get<NotionEmulator>();
        var connect = fixture.App.Get<NotionConnectService>();

        var viaOAuth = await connect.CompleteOAuthAsync(account.User.Id,
            emulator.AuthorizeOAuth(account.Workspace.Id, [account.Database.Id], Redirect), Redirect, default);

        Assert.NotEqual(account.CredentialId, viaOAuth.CredentialId);
        Assert.Equal(
            [account.Workspace.Name, $"{account.Workspace.Name} (2)"],
            (await CredentialNamesAsync(account.User.Id)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TwoWorkspacesWithOneNameAreBothConnectedAndTheSameGrantTwiceIsOneCredential()
    {
        var user = await fixture.App.CreateUserAsync("notion-twins");
        var emulator = fixture.App.Get<NotionEmulator>();
        var connect = fixture.App.Get<NotionConnectService>();
        var name = "Twins " + Guid.NewGuid().ToString("N")[..6];
        var first = emulator.CreateWorkspace(name, owner: user.EmulatorOwner);
        var second = emulator.CreateWorkspace(name, owner: user.EmulatorOwner);
        var firstDb = emulator.CreateDatabase(first.Id, "Plans", NotionEmulator.CalendarSchema);
        var secondDb = emulator.CreateDatabase(second.Id, "Plans", NotionEmulator.CalendarSchema);

        var a = await connect.CompleteOAuthAsync(user.Id, emulator.AuthorizeOAuth(first.Id, [firstDb.Id], Redirect), Redirect, default);
        var b = await connect.CompleteOAuthAsync(user.Id, emulator.AuthorizeOAuth(second.Id, [secondDb.Id], Redirect), Redirect, default);
        var again = await connect.CompleteOAuthAsync(user.Id, emulator.AuthorizeOAuth(second.Id, [secondDb.Id], Redirect), Redirect, default);

        Assert.NotEqual(a.CredentialId, b.CredentialId);
        Assert.Equal(b.CredentialId, again.CredentialId);
        Assert.Equal([name, $"{name} (2)"], (await CredentialNamesAsync(user.Id)).Order(StringComparer.Ordinal));
    }

    /// <summary>Every credential of the user by name; a pending one ("pending:…") would be a half-made connection.</summary>
    private async Task<List<string>> CredentialNamesAsync(Guid userId)
    {
        await using var db = await fixture.App.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Credentials.AsNoTracking().Where(c => c.UserId == userId && c.Provider == Provider.Notion).Select(c => c.AccountName).ToListAsync();
    }
}
