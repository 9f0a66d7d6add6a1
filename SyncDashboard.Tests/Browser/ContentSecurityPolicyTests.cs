using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace SyncDashboard.Tests.Browser;

/// <summary>
/// The pages must work under the Content-Security-Policy, and nothing on them may be refused by it: a refused
/// script or style fails silently in the browser, so the page reports every violation to the console here.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture fixture)
{
    private const string Prefix = "CSP violation: ";
    private const string SentinelOrigin = "http://csp-sentinel.invalid/";

    [Fact]
    public async Task PagesWidgetAndEmulatorPagesRunWithoutAnyPolicyViolation()
    {
        var user = await fixture.App.CreateUserAsync("Policy");
        await using var context = await fixture.NewContextAsync();
        var violations = new ConcurrentQueue<string>();
        await context.AddInitScriptAsync(
            $"document.addEventListener('securitypolicyviolation', e => console.error('{Prefix}' + e.effectiveDirective + ' ' + e.blockedURI + ' on ' + location.pathname));");
        context.Console += (_, message) =>
        {
            if (message.Text.StartsWith(Prefix, StringComparison.Ordinal)) violations.Enqueue(message.Text[Prefix.Length..]);
        };

        var pages = new List<IPage> { await context.SignInAsync(user) };
        foreach (var path in new[] { "/calendar", "/settings", "/settings/google", "/settings/notion" })
            pages.Add(await context.OpenAsync(path));

        var widget = await context.NewPageAsync();
        await widget.GotoAsync("/widget/next-event");
        await widget.Locator("#status[data-state=live]").WaitForAsync(); // its script ran and its hub socket is up
        pages.Add(widget);

        foreach (var path in new[] { "/account/login", "/account/register", "/emulator/google/", "/emulator/notion/" })
        {
            var emulatorPage = await context.NewPageAsync();
            await emulatorPage.GotoAsync(path);
            pages.Add(emulatorPage);
        }

        // A violation caused on purpose, last on each page, shows that page's earlier reports have all arrived.
        for (var i = 0; i < pages.Count; i++)
        {
            var sentinel = SentinelOrigin + i;
            await pages[i].EvaluateAsync("src => { new Image().src = src; }", sentinel);
            await Infrastructure.Eventually.TrueAsync(() => violations.Any(v => v.Contains(sentinel, StringComparison.Ordinal)),
                $"the policy refused the sentinel image on {pages[i].Url}");
        }
        var unexpected = violations.Where(v => !v.Contains(SentinelOrigin, StringComparison.Ordinal)).ToList();
        Assert.True(unexpected.Count == 0, "refused by the policy: " + string.Join(" | ", unexpected));
    }
}
