using System.Net;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notion;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration.Security;

/// <summary>
/// A newcomer in demo mode sets up Notion webhooks end to end as they would with Notion: the secret from their own
/// Notion side, "Set up webhook" on Settings, a subscription made on the Notion side, the token confirmed on
/// Settings and pasted back into Notion's Verify form.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NotionSideWebhookTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;

    [Fact]
    public async Task ANewUserSubscribesConfirmsAndVerifiesThroughTheirOwnNotionSide()
    {
        var user = await _app.CreateUserAsync("webhooks");
        using var browser = await _app.SignInAsync(user);
        await browser.GetStringAsync("/emulator/notion/");
        var notion = _app.Get<NotionEmulator>();
        var workspace = Assert.Single(notion.WorkspacesOf(user.EmulatorOwner));
        var secret = Assert.Single(notion.InternalIntegrationsOf(workspace.Id));
        var calendar = notion.Databases.Single(d => d.WorkspaceId == workspace.Id);

        var connect = _app.Get<NotionConnectService>();
        var connection = await connect.ConnectTokenAsync(user.Id, secret.Token, default);
        var form = await connect.GetMappingFormAsync(user.Id, connection.CredentialId, calendar.DataSourceId, default);
        var integrationId = await connect.SaveDatabaseAsync(user.Id, connection.CredentialId,
            new NotionDatabaseChoice(calendar.DataSourceId, form.Proposal.Mapping!, SyncDirection.TwoWay, IsHome: true), default);

        var setup = _app.Get<NotionWebhookSetup>();
        var armed = await setup.ArmAsync(user.Id, integrationId, default);
        using var subscribe = await browser.PostAsync("/emulator/notion/_emulator/ui/webhooks", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["bot_id"] = secret.BotId, ["url"] = armed.Url,
        }));
        Assert.Equal(HttpStatusCode.Redirect, subscribe.StatusCode);
        Assert.Contains("verification token", Uri.UnescapeDataString(subscribe.Headers.Location!.OriginalString));
        var subscription = Assert.Single(notion.WebhookSubscriptions, s => s.BotId == secret.BotId);

        var pending = (await setup.GetStateAsync(user.Id, integrationId, default)).PendingToken;
        Assert.NotNull(pending);
        await setup.ConfirmAsync(user.Id, integrationId, pending, default);

        // A wrong token is refused by Notion's Verify form; the right one verifies the subscription.
        using var wrong = await browser.PostAsync($"/emulator/notion/_emulator/ui/webhooks/{subscription.Id}/verify",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["verification_token"] = "secret_wrong" }));
        Assert.False(notion.WebhookSubscriptions.Single(s => s.Id == subscription.Id).Verified);
        using var verify = await browser.PostAsync($"/emulator/notion/_emulator/ui/webhooks/{subscription.Id}/verify",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["verification_token"] = pending }));
        Assert.Equal(HttpStatusCode.Redirect, verify.StatusCode);
        Assert.True(notion.WebhookSubscriptions.Single(s => s.Id == subscription.Id).Verified);
        Assert.Contains("verified", await browser.GetStringAsync("/emulator/notion/"));

        // And it is the user's to delete, nobody else's.
        var other = await _app.CreateUserAsync("other");
        using var othersBrowser = await _app.SignInAsync(other);
        using var refused = await othersBrowser.PostAsync($"/emulator/notion/_emulator/ui/webhooks/{subscription.Id}/delete", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        using var deleted = await browser.PostAsync($"/emulator/notion/_emulator/ui/webhooks/{subscription.Id}/delete", new FormUrlEncodedContent([]));
        Assert.DoesNotContain(notion.WebhookSubscriptions, s => s.Id == subscription.Id);
    }
}
