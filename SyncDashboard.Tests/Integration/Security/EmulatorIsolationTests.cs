using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Google;
using SyncDashboard.Core.Notion;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;
using SyncDashboard.Web.Demo;

namespace SyncDashboard.Tests.Integration.Security;

/// <summary>
/// The in-app emulators are a demo that belongs to each signed-in user: their emulated Google account and Notion
/// workspace, seen and consented to only by them, and useless to anyone else even with their tokens.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class EmulatorIsolationTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;
    private GoogleEmulator Google => _app.Get<GoogleEmulator>();
    private NotionEmulator Notion => _app.Get<NotionEmulator>();

    private static readonly Dictionary<string, string?> GoogleConsent = new()
    {
        ["client_id"] = "emulator-google-client", ["redirect_uri"] = "http://127.0.0.1/integrations/google/callback",
        ["response_type"] = "code", ["scope"] = "https://www.googleapis.com/auth/calendar", ["state"] = "s",
    };

    private static readonly Dictionary<string, string?> NotionConsent = new()
    {
        ["client_id"] = "emulator-notion-client", ["redirect_uri"] = "http://127.0.0.1/integrations/notion/callback",
        ["response_type"] = "code", ["owner"] = "user", ["state"] = "s",
    };

    [Theory]
    [InlineData("/emulator/google/")]
    [InlineData("/emulator/notion/")]
    [InlineData("/emulator/google/?account=demo@example.com")]
    public async Task TheEmulatedSitesSendAnonymousVisitorsToSignIn(string path)
    {
        using var anonymous = _app.CreateClient();
        using var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ConsentPagesNeedTheAppSignInAndAnonymousDecisionsAreRefused()
    {
        using var anonymous = _app.CreateClient();
        using var google = await anonymous.GetAsync(QueryHelpers.AddQueryString("/emulator/google/o/oauth2/v2/auth", GoogleConsent));
        Assert.Equal(HttpStatusCode.Redirect, google.StatusCode);
        Assert.StartsWith("/account/login?ReturnUrl=", google.Headers.Location!.OriginalString);
        using var notion = await anonymous.GetAsync(QueryHelpers.AddQueryString("/emulator/notion/v1/oauth/authorize", NotionConsent));
        Assert.Equal(HttpStatusCode.Redirect, notion.StatusCode);

        // "Signs in as any address typed": the anonymous Allow of the demo account gets no code.
        var form = new Dictionary<string, string>(GoogleConsent.Select(p => KeyValuePair.Create(p.Key, p.Value!))) { ["decision"] = "allow", ["email"] = "demo@example.com" };
        using var decided = await anonymous.PostAsync("/emulator/google/o/oauth2/v2/auth", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Unauthorized, decided.StatusCode);
        using var notionDecided = await anonymous.PostAsync("/emulator/notion/_emulator/ui/oauth/decide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["action"] = "allow", ["workspace_id"] = Notion.SeedDemo().Workspace.Id, ["redirect_uri"] = NotionConsent["redirect_uri"]!,
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, notionDecided.StatusCode);
    }

    [Fact]
    public async Task EachUserSeesOnlyTheirOwnGoogleAccountAndCannotEditAnothers()
    {
        var alice = await _app.CreateUserAsync("alice");
        var bob = await _app.CreateUserAsync("bob");
        using var alicesBrowser = await _app.SignInAsync(alice);
        using var bobsBrowser = await _app.SignInAsync(bob);

        // First visit: an emulated account of one's own, named after one's address.
        var alicesPage = await alicesBrowser.GetStringAsync("/emulator/google/");
        Assert.Contains(alice.Email, alicesPage);
        Assert.Equal([alice.Email], Google.AccountsOf(alice.EmulatorOwner));
        var secret = Google.InsertEvent(alice.Email, GoogleTestKit.TimedEvent("Alice's secret plan", DateTimeOffset.UtcNow.AddDays(2)));

        var bobsPage = await bobsBrowser.GetStringAsync("/emulator/google/");
        Assert.Contains(bob.Email, bobsPage);
        Assert.DoesNotContain(alice.Email, bobsPage);
        Assert.DoesNotContain("Alice's secret plan", bobsPage);
        using var peek = await bobsBrowser.GetAsync("/emulator/google/?account=" + Uri.EscapeDataString(alice.Email));
        Assert.Equal(HttpStatusCode.NotFound, peek.StatusCode);
        Assert.DoesNotContain("Alice's secret plan", await peek.Content.ReadAsStringAsync());
        using var demo = await bobsBrowser.GetAsync("/emulator/google/?account=demo@example.com");
        Assert.Equal(HttpStatusCode.NotFound, demo.StatusCode);

        // Bob's forms on Alice's account, or on her calendar under his account, change nothing.
        foreach (var account in new[] { alice.Email, bob.Email })
        {
            using var delete = await bobsBrowser.PostAsync("/emulator/google/_emulator/ui/events/delete", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["account"] = account, ["calendarId"] = alice.Email, ["eventId"] = secret.Id!,
            }));
            Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        }
        Assert.Contains(Google.Events(alice.Email), e => e.Id == secret.Id && e.Status != "cancelled");

        // Alice's own form works.
        using var own = await alicesBrowser.PostAsync("/emulator/google/_emulator/ui/events/delete", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["account"] = alice.Email, ["calendarId"] = alice.Email, ["eventId"] = secret.Id!,
        }));
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.DoesNotContain(Google.Events(alice.Email), e => e.Id == secret.Id && e.Status != "cancelled");
    }

    [Fact]
    public async Task GoogleConsentOffersOnlyTheVisitorsAccountsAndRefusesAnother()
    {
        var alice = await _app.CreateUserAsync("alice");
        var bob = await _app.CreateUserAsync("bob");
        using var alicesBrowser = await _app.SignInAsync(alice);
        await alicesBrowser.GetStringAsync("/emulator/google/"); // her own account, on her first visit
        Google.CreateAccount("alice-work-" + Guid.NewGuid().ToString("N")[..6] + "@example.com", owner: alice.EmulatorOwner);
        using var bobsBrowser = await _app.SignInAsync(bob);

        var hinted = new Dictionary<string, string?>(GoogleConsent) { ["login_hint"] = alice.Email };
        var consent = await bobsBrowser.GetStringAsync(QueryHelpers.AddQueryString("/emulator/google/o/oauth2/v2/auth", hinted));
        Assert.Contains(bob.Email, consent);
        Assert.DoesNotContain(alice.Email, consent);

        var form = new Dictionary<string, string>(GoogleConsent.Select(p => KeyValuePair.Create(p.Key, p.Value!))) { ["decision"] = "allow", ["email"] = alice.Email };
        using var refused = await bobsBrowser.PostAsync("/emulator/google/o/oauth2/v2/auth", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(refused.Headers.Location);

        // Alice, with two accounts, chooses between them.
        var chooser = await alicesBrowser.GetStringAsync(QueryHelpers.AddQueryString("/emulator/google/o/oauth2/v2/auth", GoogleConsent));
        Assert.Contains("Choose an account", chooser);
        Assert.All(Google.AccountsOf(alice.EmulatorOwner), a => Assert.Contains(a, chooser));
        form["email"] = alice.Email;
        using var allowed = await alicesBrowser.PostAsync("/emulator/google/o/oauth2/v2/auth", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        Assert.Contains("code=", allowed.Headers.Location!.Query);
    }

    [Fact]
    public async Task AnotherUsersGoogleTokensCannotBeConnected()
    {
        var alice = await _app.ConnectGoogleAsync();
        var bob = await _app.CreateUserAsync("bob");
        var stolen = Google.IssueTokens(alice.Email, GoogleTestKit.Scopes);

        var refused = await Assert.ThrowsAsync<InputValidationException>(() =>
            _app.Get<GoogleConnectService>().ConnectGrantAsync(bob.Id, stolen.ToTokenResponse(), default));
        Assert.Contains("belongs to someone else", refused.Errors["account"][0]);
        Assert.Empty(await _app.CredentialsAsync(bob.Id));
    }

    [Fact]
    public async Task EachUserSeesOnlyTheirOwnNotionWorkspaceAndItsSecretIsUselessToAnother()
    {
        var alice = await _app.CreateUserAsync("alice");
        var bob = await _app.CreateUserAsync("bob");
        using var alicesBrowser = await _app.SignInAsync(alice);
        using var bobsBrowser = await _app.SignInAsync(bob);

        // Alice's first visit makes her workspace, with a Calendar database and the secret to paste into Settings.
        var alicesPage = await alicesBrowser.GetStringAsync("/emulator/notion/");
        var workspace = Assert.Single(Notion.WorkspacesOf(alice.EmulatorOwner));
        var secret = Assert.Single(Notion.InternalIntegrationsOf(workspace.Id));
        Assert.Contains(secret.Token, alicesPage);
        var calendar = Notion.Databases.Single(d => d.WorkspaceId == workspace.Id);
        var pageId = Notion.CreatePageAsUser(calendar.DataSourceId, new Dictionary<string, System.Text.Json.Nodes.JsonNode?>
        {
            ["Title"] = NotionValues.Title("Alice's Notion secret"), ["Date"] = NotionValues.Date("2026-12-20"),
        });

        var bobsPage = await bobsBrowser.GetStringAsync("/emulator/notion/");
        Assert.DoesNotContain(secret.Token, bobsPage);
        Assert.DoesNotContain("Alice's Notion secret", bobsPage);
        Assert.DoesNotContain(Notion.SeedDemo().InternalIntegration.Token, bobsPage);

        // Bob's forms on Alice's page, database or integration change nothing.
        using var edit = await bobsBrowser.PostAsync($"/emulator/notion/_emulator/ui/pages/{pageId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["p:Title"] = "Bob was here",
        }));
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        using var trash = await bobsBrowser.PostAsync($"/emulator/notion/_emulator/ui/pages/{pageId}/trash", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.NotFound, trash.StatusCode);
        using var create = await bobsBrowser.PostAsync("/emulator/notion/_emulator/ui/pages", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["database_id"] = calendar.Id, ["p:Title"] = "Planted by Bob",
        }));
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        using var subscribe = await bobsBrowser.PostAsync("/emulator/notion/_emulator/ui/webhooks", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["bot_id"] = secret.BotId, ["url"] = new Uri(_app.BaseAddress, "/api/calendar/webhooks/notion").ToString(),
        }));
        Assert.Equal(HttpStatusCode.NotFound, subscribe.StatusCode);
        var pages = Notion.ListPages(calendar.Id);
        Assert.Equal(["Alice's Notion secret"], pages.Select(p => p.Text("Title")));
        Assert.False(pages[0].InTrash);
        Assert.DoesNotContain(Notion.WebhookSubscriptions, w => w.BotId == secret.BotId);

        // Pasting Alice's secret on Bob's Settings gets Bob nothing.
        var refused = await Assert.ThrowsAsync<InputValidationException>(() => _app.Get<NotionConnectService>().ConnectTokenAsync(bob.Id, secret.Token, default));
        Assert.Contains("belongs to someone else", refused.Errors["account"][0]);
        Assert.Empty(await _app.CredentialsAsync(bob.Id));
        // Alice's own works.
        var mine = await _app.Get<NotionConnectService>().ConnectTokenAsync(alice.Id, secret.Token, default);
        Assert.Equal(workspace.Name, mine.WorkspaceName);
    }

    [Fact]
    public async Task NotionConsentOffersOnlyTheVisitorsWorkspace()
    {
        var alice = await _app.CreateUserAsync("alice");
        var bob = await _app.CreateUserAsync("bob");
        using var alicesBrowser = await _app.SignInAsync(alice);
        using var bobsBrowser = await _app.SignInAsync(bob);
        await alicesBrowser.GetStringAsync("/emulator/notion/");
        var alicesWorkspace = Assert.Single(Notion.WorkspacesOf(alice.EmulatorOwner));

        var consent = await bobsBrowser.GetStringAsync(QueryHelpers.AddQueryString("/emulator/notion/v1/oauth/authorize", NotionConsent));
        Assert.DoesNotContain(alicesWorkspace.Id, consent);
        Assert.Contains(Assert.Single(Notion.WorkspacesOf(bob.EmulatorOwner)).Id, consent);

        using var refused = await bobsBrowser.PostAsync("/emulator/notion/_emulator/ui/oauth/decide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["action"] = "allow", ["workspace_id"] = alicesWorkspace.Id, ["redirect_uri"] = NotionConsent["redirect_uri"]!,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(refused.Headers.Location);
    }

    [Fact]
    public void ANewUserWithTheDemoGoogleAddressDoesNotGetTheDemoAccount()
    {
        var person = new SyncDashboard.Emulators.People.EmulatedPerson(Guid.NewGuid().ToString(), "Demo@Example.com", "Impostor");
        var accounts = Google.EnsureAccountsOf(person);
        Assert.Equal(["demo+2@example.com"], accounts);
        Assert.NotEqual(person.Key, Google.OwnerOf("demo@example.com"));
    }
}
