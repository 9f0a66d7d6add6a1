using System.Collections.Concurrent;
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
        var bobsHubMessages = new ConcurrentQueue<Guid[]>();
        var bobWidget = await WidgetTests.OpenLiveWidgetAsync(bobContext, bobsHubMessages);
        Assert.Equal(0, await WidgetTests.MessagesAsync(bobWidget));

        const string title = "Alice's private appointment";
        var id = await alice.CreateEventAsync(title, DateTimeOffset.UtcNow.AddHours(1));
        await alicePage.UpcomingItem(id).WaitForAsync(new() { Timeout = 5_000 });

        // Sentinel: a change of Bob's own, later than Alice's. A POST returns only after the notifier has handed its change
        // to the hub and to the circuits' subscriptions, and one SignalR connection (like one circuit) delivers in order, so
        // anything of Alice's sent to Bob would have reached his widget and dashboard before this. It starts after hers, so a
        // widget that (wrongly) fetched her event would show hers as the next one.
        const string bobsTitle = "Bob's own appointment";
        var bobsId = await bob.CreateEventAsync(bobsTitle, DateTimeOffset.UtcNow.AddHours(2));
        await bobPage.UpcomingItem(bobsId).WaitForAsync(new() { Timeout = 5_000 });
        await Eventually.TrueAsync(() => bobsHubMessages.Any(ids => ids.Contains(bobsId)), "Bob's widget received his own change");
        await Assertions.Expect(bobWidget.GetByTestId("widget-title")).ToHaveTextAsync(bobsTitle);

        Assert.Equal([bobsId], Assert.Single(bobsHubMessages));
        Assert.Equal(1, await WidgetTests.MessagesAsync(bobWidget));
        Assert.DoesNotContain(title, await bobWidget.ContentAsync());
        Assert.Equal(0, await bobPage.UpcomingItem(id).CountAsync());
        Assert.DoesNotContain(title, await bobPage.ContentAsync());
        await Assertions.Expect(bobPage.Locator("[data-testid=upcoming-item]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task OpeningAnotherUsersEventByItsIdSaysItDoesNotExistAndKeepsTheCalendarWorking()
    {
        var alice = await fixture.App.CreateUserAsync("Alice");
        var bob = await fixture.App.CreateUserAsync("Bob");
        var id = await alice.CreateEventAsync("Alice's dentist", DateTimeOffset.UtcNow.AddDays(1));
        await using var context = await fixture.NewContextAsync();
        await context.SignInAsync(bob);

        var calendar = await context.OpenAsync($"/calendar?event={id}");
        await Assertions.Expect(calendar.GetByText("That event does not exist (any more).")).ToBeVisibleAsync();
        await Assertions.Expect(calendar.Locator("body")).Not.ToContainTextAsync("Alice's dentist");
        await Assertions.Expect(calendar.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await calendar.GetByTestId("new-event").ClickAsync(); // the circuit still answers
        await Assertions.Expect(calendar.GetByTestId("event-form")).ToBeVisibleAsync();
    }
}
