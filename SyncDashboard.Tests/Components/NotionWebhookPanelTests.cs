using SyncDashboard.Core.Formatting;
using System.Text;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Core.Notion;
using SyncDashboard.Core.Sync.Webhooks;
using SyncDashboard.Web.Components.Pages;

namespace SyncDashboard.Tests.Components;

/// <summary>
/// The Settings page's Notion webhook panel over the real set-up service and database, with Notion's requests made
/// through the same service the webhook endpoint calls; the clock is moved by hand.
/// </summary>
[UseInvariantCulture]
public sealed class NotionWebhookPanelTests(ComponentDatabase database) : IClassFixture<ComponentDatabase>
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    /// <summary>A Berlin user reading en-GB: a 24-hour clock.</summary>
    private static readonly DateTimeFormatter Format = new(DisplayPreferences.FromCulture("en-GB", Berlin));
    private const string PageEvent = """{"id":"e1","type":"page.created","entity":{"id":"p1","type":"page"}}""";

    private NotionWebhookService Deliveries => database.Services.GetRequiredService<NotionWebhookService>();
    private NotionWebhookSetup Setup => database.Services.GetRequiredService<NotionWebhookSetup>();

    [Fact]
    public async Task TokenArrivingDuringSetUpShowsWithItsTimeAndConfirmingItTurnsTheWebhookOn()
    {
        await using var ctx = NewContext();
        var (userId, integrationId) = await NewIntegrationAsync();
        var changes = 0;
        var cut = Render(ctx, userId, integrationId, () => changes++);

        var url = Text.Of(cut.Find("[data-testid=webhook-url]"));
        Assert.Matches(@"^http://127\.0\.0\.1:5080/api/calendar/webhooks/notion/[A-Za-z0-9_-]{43}$", url);
        Assert.Empty(cut.FindAll("[data-testid=webhook-waiting]"));
        Assert.Equal(WebhookVerdict.Conflict, (await VerifyAsync(url, "secret_too_early")).Verdict);

        await cut.Find("[data-testid=webhook-arm]").ClickAsync(new());
        var until = Format.Time(database.Clock.GetUtcNow().AddMinutes(15));
        Assert.Contains($"Set-up is open until {until} (15:00 left)", Text.Of(cut.Find("[data-testid=webhook-waiting]")));
        Assert.Empty(cut.FindAll("[data-testid=webhook-arm]"));

        var arrived = Format.Time(database.Clock.GetUtcNow());
        Assert.Equal(WebhookVerdict.Handled, (await VerifyAsync(url, "secret_from_notion")).Verdict);
        // No reload: the panel's one-second tick brings the token and moves the countdown.
        database.Clock.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal("secret_from_notion", Text.Of(cut.Find("[data-testid=webhook-pending-token]"))));
        Assert.Equal(arrived, Text.Of(cut.Find("[data-testid=webhook-pending-at]")));
        Assert.Equal("14:59", Text.Of(cut.Find("[data-testid=webhook-countdown]")));
        Assert.Equal(WebhookVerdict.Unauthenticated, (await SignedAsync(url, "secret_from_notion")).Verdict);

        await cut.Find("[data-testid=webhook-confirm]").ClickAsync(new());

        Assert.Equal("secret_from_notion", Text.Of(cut.Find("[data-testid=webhook-token]")));
        Assert.Empty(cut.FindAll("[data-testid=webhook-pending]"));
        Assert.Empty(cut.FindAll("[data-testid=webhook-waiting]")); // confirming ends set-up
        Assert.Single(cut.FindAll("[data-testid=webhook-arm]"));
        Assert.Equal(1, changes);
        Assert.Equal(WebhookVerdict.Handled, (await SignedAsync(url, "secret_from_notion")).Verdict);
        Assert.Equal(WebhookVerdict.Conflict, (await VerifyAsync(url, "secret_after_confirm")).Verdict);
    }

    [Fact]
    public async Task DiscardedTokenGoesSetUpStaysOpenAndThenClosesWhenItsTimeIsUp()
    {
        await using var ctx = NewContext();
        var (userId, integrationId) = await NewIntegrationAsync();
        var cut = Render(ctx, userId, integrationId);
        var url = Text.Of(cut.Find("[data-testid=webhook-url]"));
        await cut.Find("[data-testid=webhook-arm]").ClickAsync(new());
        await VerifyAsync(url, "secret_not_mine");
        database.Clock.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=webhook-pending]")));

        await cut.Find("[data-testid=webhook-discard]").ClickAsync(new());

        Assert.Empty(cut.FindAll("[data-testid=webhook-pending]"));
        Assert.Null((await Setup.GetStateAsync(userId, integrationId, default)).PendingToken);
        Assert.Contains("create the subscription in Notion now", Text.Of(cut.Find("[data-testid=webhook-waiting]")));

        database.Clock.Advance(TimeSpan.FromMinutes(15));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=webhook-arm]")));
        Assert.Empty(cut.FindAll("[data-testid=webhook-waiting]"));
        Assert.Equal(WebhookVerdict.Conflict, (await VerifyAsync(url, "secret_too_late")).Verdict);
        Assert.Null((await Setup.GetStateAsync(userId, integrationId, default)).PendingToken);
    }

    [Fact]
    public async Task ConfirmingATokenThatWasReplacedMeanwhileConfirmsNothingAndShowsTheNewerOne()
    {
        await using var ctx = NewContext();
        var (userId, integrationId) = await NewIntegrationAsync();
        var url = (await Setup.ArmAsync(userId, integrationId, default)).Url;
        await VerifyAsync(url, "secret_first");
        var changes = 0;
        var cut = Render(ctx, userId, integrationId, () => changes++);
        Assert.Equal("secret_first", Text.Of(cut.Find("[data-testid=webhook-pending-token]")));

        await VerifyAsync(url, "secret_second"); // between the page showing the first and the owner's click
        await cut.Find("[data-testid=webhook-confirm]").ClickAsync(new());

        Assert.Contains("A different verification token arrived", Text.Of(cut.Find("[data-testid=webhook-problem]")));
        Assert.Equal("secret_second", Text.Of(cut.Find("[data-testid=webhook-pending-token]")));
        Assert.Empty(cut.FindAll("[data-testid=webhook-token]"));
        Assert.Equal(0, changes); // the page keeps its rows, and this message with them
        Assert.Equal(WebhookVerdict.Unauthenticated, (await SignedAsync(url, "secret_first")).Verdict);
    }

    [Fact]
    public async Task NewWebhookUrlRefusesTheOldOneAndForgetsItsToken()
    {
        await using var ctx = NewContext();
        var (userId, integrationId) = await NewIntegrationAsync();
        var oldUrl = (await Setup.ArmAsync(userId, integrationId, default)).Url;
        await VerifyAsync(oldUrl, "secret_old");
        await Setup.ConfirmAsync(userId, integrationId, "secret_old", default);
        var changes = 0;
        var cut = Render(ctx, userId, integrationId, () => changes++);
        Assert.Equal("secret_old", Text.Of(cut.Find("[data-testid=webhook-token]")));

        await cut.Find("[data-testid=webhook-new-url]").ClickAsync(new());
        await cut.Find("[data-testid=webhook-new-url-confirm]").ClickAsync(new());

        var newUrl = Text.Of(cut.Find("[data-testid=webhook-url]"));
        Assert.NotEqual(oldUrl, newUrl);
        Assert.Empty(cut.FindAll("[data-testid=webhook-token]"));
        Assert.Equal(1, changes);
        Assert.Equal(WebhookVerdict.Unauthenticated, (await SignedAsync(oldUrl, "secret_old")).Verdict);
        Assert.Equal(WebhookVerdict.Unauthenticated, (await SignedAsync(newUrl, "secret_old")).Verdict);
        await Setup.ArmAsync(userId, integrationId, default);
        Assert.Equal(WebhookVerdict.Unauthenticated, (await VerifyAsync(oldUrl, "secret_via_old")).Verdict);
        Assert.Equal(WebhookVerdict.Handled, (await VerifyAsync(newUrl, "secret_via_new")).Verdict);
    }

    private BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddFallbackServiceProvider(database.Services);
        return ctx;
    }

    private static IRenderedComponent<NotionWebhookPanel> Render(BunitContext ctx, Guid userId, Guid integrationId, Action? onChanged = null) =>
        ctx.Render<NotionWebhookPanel>(p => p
            .Add(x => x.UserId, userId).Add(x => x.IntegrationId, integrationId).Add(x => x.Format, Format)
            .Add(x => x.OnChanged, () => onChanged?.Invoke()));

    private async Task<(Guid UserId, Guid IntegrationId)> NewIntegrationAsync()
    {
        var userId = await database.NewUserAsync();
        return (userId, (await database.NewNotionIntegrationAsync(userId, "Tasks")).Id);
    }

    private static string KeyOf(string url) => url[(url.LastIndexOf('/') + 1)..];

    /// <summary>What Notion sends when a subscription is created: the token, unsigned.</summary>
    private Task<WebhookResult> VerifyAsync(string url, string token) =>
        Deliveries.HandleAsync(KeyOf(url), Encoding.UTF8.GetBytes($$"""{"verification_token":"{{token}}"}"""), null, default);

    private Task<WebhookResult> SignedAsync(string url, string token)
    {
        var body = Encoding.UTF8.GetBytes(PageEvent);
        return Deliveries.HandleAsync(KeyOf(url), body, NotionWebhookService.Sign(token, body), default);
    }
}
