using Microsoft.Playwright;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class NotionConnectTests(BrowserFixture fixture)
{
    [Fact]
    public async Task WrongTypedPropertyIsRefusedWithAReasonAndFixingItStartsTheSync()
    {
        // A workspace whose "Date" is a text property; the real date lives in "When".
        var user = await fixture.App.CreateUserAsync("NotionMapper");
        var emulator = fixture.App.Get<NotionEmulator>();
        var workspace = emulator.CreateWorkspace("Wrong Types " + Guid.NewGuid().ToString("N")[..6], owner: user.EmulatorOwner);
        var database = emulator.CreateDatabase(workspace.Id, "Team events",
        [
            new("Title", "title"), new("Date", "rich_text"), new("When", "date"), new("Location", "rich_text"), new("Done", "checkbox"),
        ]);
        var integration = emulator.CreateInternalIntegration(workspace.Id);
        emulator.ShareDatabase(database.Id, integration.BotId);
        var start = DateTime.UtcNow.Date.AddDays(2).AddHours(9);
        emulator.CreatePageAsUser(database.DataSourceId, new Dictionary<string, System.Text.Json.Nodes.JsonNode?>
        {
            ["Title"] = NotionValues.Title("Offsite (from Notion)"),
            ["When"] = NotionValues.Date(start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), start.AddHours(3).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")),
        });

        await using var context = await fixture.NewContextAsync();
        await context.SignInAsync(user);
        var settings = await context.OpenAsync("/settings#notion");

        await settings.GetByTestId("notion-token").FillAsync("ntn_not-a-real-token");
        await settings.GetByTestId("connect-notion-token").ClickAsync();
        await Assertions.Expect(settings.GetByTestId("notion-token-error")).ToContainTextAsync("Notion did not accept this token");

        await Assertions.Expect(settings.GetByTestId("connect-notion-token")).ToBeEnabledAsync();
        await settings.GetByTestId("notion-token").FillAsync(integration.Token);
        await settings.GetByTestId("connect-notion-token").ClickAsync();
        // A navigation inside the circuit (no document load). Waiting for the URL alone missed it now and then under load
        // (the page had arrived, the wait never saw it): wait for the mapping form, then check where it is.
        await Assertions.Expect(settings.GetByTestId("save-notion")).ToBeVisibleAsync();
        Assert.Contains("/settings/notion?credential=", settings.Url);
        await settings.WaitForInteractiveAsync();

        // The only shared database is chosen; the seed name "Date" exists but is text, and the message says so.
        var errors = settings.GetByTestId("mapping-errors");
        await Assertions.Expect(errors).ToContainTextAsync("Property 'Date' is rich_text, but the event date needs a date property.");
        await Assertions.Expect(settings.GetByTestId("save-notion")).ToBeDisabledAsync();
        await Assertions.Expect(settings.GetByTestId("map-title")).ToHaveValueAsync("Title");
        await Assertions.Expect(settings.GetByTestId("map-location")).ToHaveValueAsync("Location");
        await settings.ScreenshotAsync("notion-mapping-error");

        // A text property for the description is refused too, naming the property and the need.
        await settings.GetByTestId("map-description").SelectOptionAsync("Done");
        await Assertions.Expect(errors).ToContainTextAsync("Property 'Done' is checkbox, but the event description needs a rich_text (text) property.");
        await settings.GetByTestId("map-description").SelectOptionAsync("");
        await settings.GetByTestId("map-date").SelectOptionAsync("When");
        await Assertions.Expect(errors).ToHaveCountAsync(0);
        await settings.ScreenshotAsync("notion-mapping-fixed");
        await settings.GetByTestId("save-notion").ClickAsync();

        await settings.WaitForPathAsync("/settings#notion");
        await settings.WaitForInteractiveAsync();
        var row = settings.GetByTestId("notion-integration");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Team events");
        await Assertions.Expect(row.GetByTestId("last-poll")).ToContainTextAsync("polled");

        // The webhook panel gives the secret URL; set-up opens for a while, Notion's token shows up in it, the owner confirms.
        await row.GetByTestId("webhook-details").ClickAsync();
        var url = await settings.GetByTestId("webhook-url").InnerTextAsync();
        Assert.Matches(@"/api/calendar/webhooks/notion/[A-Za-z0-9_-]{43}$", url);
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await settings.GetByTestId("webhook-copy").ClickAsync();
        await Assertions.Expect(settings.GetByTestId("webhook-copy")).ToHaveTextAsync("Copied");
        Assert.Equal(url, await settings.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await settings.GetByTestId("webhook-arm").ClickAsync();
        await Assertions.Expect(settings.GetByTestId("webhook-waiting")).ToContainTextAsync("Set-up is open until");
        var subscription = await emulator.CreateWebhookSubscriptionAsync(url, botId: integration.BotId);
        Assert.True(subscription.VerificationDelivered);
        // No reload: the open panel picks the token up by itself.
        await Assertions.Expect(settings.GetByTestId("webhook-pending-token")).ToBeVisibleAsync();
        var token = await settings.GetByTestId("webhook-pending-token").InnerTextAsync();
        await settings.ScreenshotAsync("settings-notion-webhook-pending");
        Assert.True(emulator.VerifyWebhook(subscription.Id, token));
        await settings.GetByTestId("webhook-confirm").ClickAsync();
        await Assertions.Expect(settings.GetByTestId("webhook-token")).ToHaveTextAsync(token);
        await Assertions.Expect(settings.GetByTestId("webhook-pending")).ToHaveCountAsync(0);
        await Assertions.Expect(row.GetByTestId("webhook-on")).ToBeVisibleAsync();
        await settings.ScreenshotAsync("settings-notion-connected");

        var dashboard = await context.OpenAsync("/");
        await Assertions.Expect(dashboard.GetByTestId("integration-status")).ToContainTextAsync("Team events");
        await Assertions.Expect(dashboard.GetByTestId("integration-status")).ToContainTextAsync("Last poll");
        await Assertions.Expect(dashboard.Locator("body")).ToContainTextAsync("Offsite (from Notion)");
        await dashboard.ScreenshotAsync("dashboard-with-notion");
    }

    [Fact]
    public async Task ConnectingNotionThroughOAuthConsentListsTheSharedDatabases()
    {
        var user = await fixture.App.CreateUserAsync("NotionOAuth");
        await using var context = await fixture.NewContextAsync();
        await context.SignInAsync(user);
        var settings = await context.OpenAsync("/settings#notion");

        await settings.GetByTestId("connect-notion").ClickAsync();
        await settings.WaitForAddressAsync(@"/emulator/notion/v1/oauth/authorize\?");
        await settings.ScreenshotAsync("notion-consent");
        await settings.Locator("button[value=allow]").ClickAsync();

        await settings.WaitForAddressAsync(@"/settings/notion\?credential=");
        await settings.WaitForInteractiveAsync();
        var calendar = settings.GetByTestId("database-option").Filter(new() { HasText = "Calendar" });
        await Assertions.Expect(calendar).ToHaveCountAsync(1);
        await calendar.Locator("input").CheckAsync();
        // The template's names are all preselected, including the id property; nothing to fix.
        await Assertions.Expect(settings.GetByTestId("map-date")).ToHaveValueAsync("Date");
        await Assertions.Expect(settings.GetByTestId("map-notes")).ToHaveValueAsync("Notes");
        await Assertions.Expect(settings.GetByTestId("map-id")).ToHaveValueAsync("SyncDashboard ID");
        await Assertions.Expect(settings.GetByTestId("mapping-errors")).ToHaveCountAsync(0);
        await settings.ScreenshotAsync("notion-database-picker");
        await settings.GetByTestId("save-notion").ClickAsync();

        await settings.WaitForPathAsync("/settings#notion");
        await settings.WaitForInteractiveAsync();
        await Assertions.Expect(settings.GetByTestId("notion-integration")).ToContainTextAsync("Calendar");
    }
}
