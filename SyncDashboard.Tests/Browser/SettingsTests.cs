using Microsoft.Playwright;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SettingsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ACreatedTokenIsShownOnceWorksForTheApiAndCanBeRevoked()
    {
        var user = await fixture.App.CreateUserAsync("Tokens");
        await using var context = await fixture.NewContextAsync();
        await context.SignInAsync(user);
        var page = await context.OpenAsync("/settings");
        var rows = page.Locator(".token-row"); // MudTable rows take a class, not attributes
        await Assertions.Expect(rows).ToHaveCountAsync(1); // the one CreateUserAsync made

        await page.GetByTestId("token-name").FillAsync("laptop script");
        await page.GetByTestId("create-token").ClickAsync();

        var secret = page.GetByTestId("token-secret");
        await Assertions.Expect(secret).ToBeVisibleAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Filter(new() { HasText = "laptop script" })).ToHaveCountAsync(1);
        await page.ScreenshotAsync("settings-token-created");

        using var api = fixture.App.CreateClient((await secret.TextContentAsync())!.Trim());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.GetAsync("/api/events")).StatusCode);

        await rows.Filter(new() { HasText = "laptop script" }).GetByTestId("revoke-token").ClickAsync();
        await Assertions.Expect(rows.Filter(new() { HasText = "laptop script" })).ToContainTextAsync("revoked");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await api.GetAsync("/api/events")).StatusCode);
    }
}
