using SyncDashboard.Core.Accounts;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notion;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Tests.Integration.Notion;

/// <summary>The demo connector sets up the demo's Notion webhook the way the owner does on Settings.</summary>
[Collection(AppCollection.Name)]
public sealed class DemoNotionWebhookTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;

    [Fact]
    public async Task DemoNotionDatabaseEndsWithAConfirmedTokenAndAVerifiedSubscriptionOnItsSecretUrl()
    {
        var demo = await _app.Get<AccountService>().FindDemoAsync(default) ?? throw new InvalidOperationException("No demo account in demo mode.");
        Guid? integrationId = null;
        await Eventually.TrueAsync(async () =>
        {
            await using var db = await _app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            integrationId = await db.Integrations.Where(i => i.UserId == demo.Id && i.Provider == Provider.Notion && i.WebhookSecretProtected != null)
                .Select(i => (Guid?)i.Id).FirstOrDefaultAsync();
            return integrationId is not null;
        }, "the demo's Notion webhook token is confirmed", TimeSpan.FromSeconds(30));

        var state = await _app.Get<NotionWebhookSetup>().GetStateAsync(demo.Id, integrationId!.Value, default);
        Assert.Matches(@"/api/calendar/webhooks/notion/[A-Za-z0-9_-]{43}$", state.Url);
        Assert.Equal(((string?)null, (DateTimeOffset?)null), (state.PendingToken, state.SetupOpenUntil)); // confirming closed set-up
        var subscription = Assert.Single(_app.Get<NotionEmulator>().WebhookSubscriptions, s => s.Url == state.Url);
        Assert.True(subscription.Verified, "the emulator accepted the token the demo confirmed");
    }
}
