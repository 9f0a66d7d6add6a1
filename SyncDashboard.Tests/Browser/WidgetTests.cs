using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SyncDashboard.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SyncDashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class WidgetTests(BrowserFixture fixture, ITestOutputHelper output)
{
    /// <summary>
    /// Opens the plain-JS widget in a signed-in context and waits until its hub connection is up; with
    /// <paramref name="calendarChanged"/>, records the event ids of every calendarChanged message its socket receives, in order.
    /// </summary>
    internal static async Task<IPage> OpenLiveWidgetAsync(IBrowserContext context, ConcurrentQueue<Guid[]>? calendarChanged = null)
    {
        var widget = await context.NewPageAsync();
        if (calendarChanged is not null)
            widget.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
            {
                foreach (var ids in CalendarChangedEventIds(frame.Text)) calendarChanged.Enqueue(ids);
            };
        await widget.GotoAsync("/widget/next-event");
        await widget.Locator("#status[data-state=live]").WaitForAsync();
        return widget;
    }

    internal static Task<int> MessagesAsync(IPage widget) => widget.EvaluateAsync<int>("() => window.widgetState.messages");

    /// <summary>The event ids of each calendarChanged invocation in a frame of SignalR's JSON protocol (records end with 0x1E).</summary>
    private static IEnumerable<Guid[]> CalendarChangedEventIds(string? frame) =>
        (frame ?? "").Split('\u001e', StringSplitOptions.RemoveEmptyEntries)
            .Select(record => JsonNode.Parse(record)!)
            .Where(m => string.Equals((string?)m["target"], "CalendarChanged", StringComparison.OrdinalIgnoreCase))
            .Select(m => m["arguments"]![0]!["eventIds"]!.AsArray().Select(id => Guid.Parse((string)id!)).ToArray())
            .ToList();

    [Fact]
    public async Task WidgetSwitchesToASoonerEventPushedThroughTheHub()
    {
        var user = await fixture.App.CreateUserAsync("Widget");
        await user.CreateEventAsync("Later today", DateTimeOffset.UtcNow.AddHours(2), location: "Room 2");
        await using var context = await fixture.NewContextAsync();
        await context.SignInAsync(user);
        var widget = await OpenLiveWidgetAsync(context);
        var title = widget.GetByTestId("widget-title");
        await Assertions.Expect(title).ToHaveTextAsync("Later today");
        var messagesBefore = await MessagesAsync(widget);

        var clock = Stopwatch.StartNew();
        await user.CreateEventAsync("Starts in two minutes", DateTimeOffset.UtcNow.AddMinutes(2), location: "Kitchen");
        await Assertions.Expect(title).ToHaveTextAsync("Starts in two minutes", new() { Timeout = 2_000 });
        output.WriteLine($"widget switched {clock.ElapsedMilliseconds} ms after the POST started");

        Assert.True(await MessagesAsync(widget) > messagesBefore);
        await Assertions.Expect(widget.Locator(".countdown")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^in (1|2) min$"));
        await widget.ScreenshotAsync("widget");
    }

    [Fact]
    public async Task WidgetWithoutACookieAsksToSignIn()
    {
        await using var context = await fixture.NewContextAsync();
        var widget = await context.NewPageAsync();
        await widget.GotoAsync("/widget/next-event");
        await Assertions.Expect(widget.Locator("#content a[href*='/account/login']")).ToHaveTextAsync("sign in");
        await Assertions.Expect(widget.Locator("#status")).Not.ToHaveAttributeAsync("data-state", "live");
    }
}
