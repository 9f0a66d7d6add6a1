using System.Net;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration.Google;

/// <summary>
/// Connecting Google over HTTP as a browser does, along the paths that end without a connection: a consent the user
/// declined, one they abandoned (the callback never comes), a forged state — each leaves Settings with a reason and no
/// credential, half-made or otherwise, and connecting afterwards still works.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class GoogleConsentPathsTests(AppFixture fixture)
{
    [Fact]
    public async Task ADeclinedAbandonedOrForgedConsentStoresNothingAndConnectingAfterwardsWorks()
    {
        var user = await fixture.App.CreateUserAsync("consent-paths");
        using var browser = await fixture.App.SignInAsync(user);

        // Abandoned: the consent page was opened and left; nothing exists until a code comes back.
        var abandoned = await StateAsync(browser);
        Assert.Empty(await fixture.App.CredentialsAsync(user.Id));

        // Declined: Google sends the user back with error=access_denied.
        var declined = await browser.GetAsync($"/integrations/google/callback?error=access_denied&state={Uri.EscapeDataString(abandoned)}");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal("/settings?google=access_denied#google", declined.Headers.Location?.OriginalString);

        // Forged or foreign state: refused before any code is exchanged.
        var forged = await browser.GetAsync("/integrations/google/callback?code=anything&state=forged");
        Assert.Equal("/settings?google=bad-state#google", forged.Headers.Location?.OriginalString);
        var other = await fixture.App.CreateUserAsync("consent-other");
        using var otherBrowser = await fixture.App.SignInAsync(other);
        var stolen = await otherBrowser.GetAsync($"/integrations/google/callback?code=anything&state={Uri.EscapeDataString(abandoned)}");
        Assert.Equal("/settings?google=bad-state#google", stolen.Headers.Location?.OriginalString);

        // A made-up code with a good state: the exchange fails in words.
        var badCode = await browser.GetAsync($"/integrations/google/callback?code=not-a-code&state={Uri.EscapeDataString(await StateAsync(browser))}");
        Assert.Equal("/settings?google=exchange-failed#google", badCode.Headers.Location?.OriginalString);

        Assert.Empty(await fixture.App.CredentialsAsync(user.Id));
        Assert.Empty(await fixture.App.CredentialsAsync(other.Id));

        // And then connecting works, once, however often it is done.
        var first = await fixture.App.ConnectGoogleAsync(user: user);
        Assert.Single(await fixture.App.CredentialsAsync(user.Id));
        Assert.NotEqual(Guid.Empty, first.IntegrationId);
    }

    /// <summary>Starts a connect and returns the state the app handed to Google's consent page.</summary>
    private static async Task<string> StateAsync(HttpClient browser)
    {
        var connect = await browser.GetAsync("/integrations/google/connect");
        Assert.Equal(HttpStatusCode.Redirect, connect.StatusCode);
        var query = System.Web.HttpUtility.ParseQueryString(connect.Headers.Location!.Query);
        return query["state"] ?? throw new InvalidOperationException("No state in " + connect.Headers.Location);
    }
}
