using Microsoft.Playwright;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class IsolationTests(BrowserFixture fixture)
{
    [Fact]
    public async Task EventOfOneUserNeverReachesAnotherUsersDashboardOrWidget()
    {
        var alice = await fixture.App.CreateUserAsync("Alice");
        var bob = await fixture.App.CreateUserAsync("Bob");
        await using var aliceContext = await fixture.NewContextAsync();
        await using var bobContext = await fixture.NewContextAsync();
        var alicePage = await aliceContext.SignInAsync(alice);
        var bobPage = await bobContext.SignInAsync(bob);
        var bobWidget = await WidgetTests.OpenLiveWidgetAsync(bobContext);
        Assert.Equal(0, await WidgetTests.MessagesAsync(bobWidget));

        const string title = "Alice's private appointment";
        var id = await alice.CreateEventAsync(title, DateTimeOffset.UtcNow.AddHours(1));
        await alicePage.UpcomingItem(id).WaitForAsync(new() { Timeout = 5_000 });

        // A push that went to the wrong user would have arrived by now; give it generous time anyway.
        await bobPage.WaitForTimeoutAsync(1_500);
        Assert.Equal(0, await bobPage.UpcomingItem(id).CountAsync());
        Assert.DoesNotContain(title, await bobPage.ContentAsync());
        Assert.Equal(0, await WidgetTests.MessagesAsync(bobWidget));
        Assert.DoesNotContain(title, await bobWidget.ContentAsync());
        await Assertions.Expect(bobPage.GetByTestId("upcoming")).ToContainTextAsync("No events in the next seven days.");
    }
}
