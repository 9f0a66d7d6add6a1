using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notion;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Controls;
using SyncDashboard.Core.Sync.Outbox;
using SyncDashboard.Core.Sync.Pull;
using SyncDashboard.Core.Sync.Status;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;
using SyncDashboard.Tests.Integration.Notion;

namespace SyncDashboard.Tests.Integration.Controls;

/// <summary>Pause, resume and disconnect over HTTP, with the emulators standing for Google and Notion (ADR 0020).</summary>
[Collection(AppCollection.Name)]
public sealed class IntegrationControlsTests(AppFixture fixture)
{
    private const string NotionRedirect = "http://127.0.0.1/integrations/notion/callback";
    private readonly AppHost _app = fixture.App;
    private static DateTimeOffset Tomorrow(int hour) => new(DateTime.UtcNow.Date.AddDays(1).AddHours(hour), TimeSpan.Zero);

    [Fact]
    public async Task DisconnectRevokesTheGoogleGrantDeletesTheCredentialsRemovesTheLinksAndKeepsTheEvents()
    {
        var g = await _app.ConnectGoogleAsync();
        var emulator = _app.Get<GoogleEmulator>();
        emulator.InsertEvent(g.CalendarId, GoogleTestKit.TimedEvent("Kept after disconnect", Tomorrow(9)));
        await _app.Get<IncrementalPuller>().PullAsync(g.IntegrationId, SyncTrigger.Manual);
        Assert.Contains(await _app.AppEventsAsync(g.User.Id), e => e.Title == "Kept after disconnect");
        Assert.Equal(HttpStatusCode.OK, await GoogleApiStatusAsync(g.Tokens.AccessToken));

        var response = await g.User.Api.PostAsync($"/api/calendar/integrations/{g.IntegrationId}/disconnect", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.True(body.GetProperty("data").GetProperty("grantRevoked").GetBoolean());

        // At Google: the access token is refused and the refresh token is dead.
        Assert.Equal(HttpStatusCode.Unauthorized, await GoogleApiStatusAsync(g.Tokens.AccessToken));
        Assert.Throws<OAuthException>(() => emulator.Refresh(g.Tokens.RefreshToken!));
        // In the app: no sealed grant, no links, no push channel; the events stay.
        Assert.Empty(await _app.CredentialsAsync(g.User.Id));
        Assert.Equal(0, await LinkCountAsync(g.IntegrationId));
        var integration = await _app.IntegrationAsync(g.IntegrationId);
        Assert.Equal((IntegrationStatus.Disconnected, (Guid?)null, (string?)null), (integration.Status, integration.CredentialId, integration.ChannelId));
        Assert.Contains(await _app.AppEventsAsync(g.User.Id), e => e.Title == "Kept after disconnect");

        Assert.Equal(HttpStatusCode.NotFound, (await g.User.Api.PostAsync($"/api/calendar/integrations/{g.IntegrationId}/disconnect", null)).StatusCode);
    }

    [Fact]
    public async Task DisconnectRevokesANotionOAuthGrantButCanOnlyExplainAnInternalSecret()
    {
        var emulator = _app.Get<NotionEmulator>();
        var user = await _app.CreateUserAsync("notion-revoke");
        var workspace = emulator.CreateWorkspace("Revoke " + Guid.NewGuid().ToString("N")[..6], owner: user.EmulatorOwner);
        var database = emulator.CreateDatabase(workspace.Id, "Plans", NotionTestKit.Schema);
        var connect = _app.Get<NotionConnectService>();
        var connection = await connect.CompleteOAuthAsync(user.Id, emulator.AuthorizeOAuth(workspace.Id, [database.Id], NotionRedirect), NotionRedirect, default);
        var form = await connect.GetMappingFormAsync(user.Id, connection.CredentialId, database.DataSourceId, default);
        var integrationId = await connect.SaveDatabaseAsync(user.Id, connection.CredentialId,
            new NotionDatabaseChoice(database.DataSourceId, form.Proposal.Mapping!, SyncDirection.TwoWay, true), default);
        var token = await NotionAccessTokenAsync(connection.CredentialId);
        Assert.Equal(HttpStatusCode.OK, await NotionApiStatusAsync(token));

        var result = await _app.Get<IntegrationControls>().DisconnectAsync(user.Id, integrationId, default);

        Assert.True(result.GrantRevoked);
        Assert.Equal(HttpStatusCode.Unauthorized, await NotionApiStatusAsync(token));
        Assert.Empty(await _app.CredentialsAsync(user.Id));

        var internalSecret = await _app.ConnectNotionAsync();
        var kept = await _app.Get<IntegrationControls>().DisconnectAsync(internalSecret.User.Id, internalSecret.IntegrationId, default);
        Assert.False(kept.GrantRevoked);
        Assert.Contains("Connections", kept.Note);
        Assert.Empty(await _app.CredentialsAsync(internalSecret.User.Id));
    }

    [Fact]
    public async Task APausedIntegrationNeitherPullsNorSendsAndResumingCatchesUp()
    {
        var g = await _app.ConnectGoogleAsync();
        var emulator = _app.Get<GoogleEmulator>();
        Assert.Equal(HttpStatusCode.OK, (await g.User.Api.PostAsync($"/api/calendar/integrations/{g.IntegrationId}/pause", null)).StatusCode);
        Assert.True((await _app.Get<SyncStatusService>().GetAsync(g.User.Id)).Single().IsPaused);

        await g.User.Api.PostJsonAsync("/api/events", new { title = "Made in the app while paused", start = Tomorrow(10), end = Tomorrow(11) });
        emulator.InsertEvent(g.CalendarId, GoogleTestKit.TimedEvent("Made in Google while paused", Tomorrow(12)));
        var runsBefore = (await _app.SyncRunsAsync(g.IntegrationId)).Count;

        // Both directions asked directly (what the workers would do): neither moves anything.
        var sent = await _app.Get<OutboxDispatcher>().DispatchDueAsync(g.IntegrationId);
        var pulled = await _app.Get<IncrementalPuller>().PullAsync(g.IntegrationId, SyncTrigger.Manual);
        Assert.Equal(0, sent.Processed);
        Assert.Equal(0, pulled.Created);
        Assert.Equal(runsBefore, (await _app.SyncRunsAsync(g.IntegrationId)).Count);
        Assert.Single(await _app.OutboxAsync(g.User.Id), o => o.State == OutboxState.Pending);
        Assert.DoesNotContain(emulator.Events(g.CalendarId), e => e.Summary == "Made in the app while paused");
        Assert.DoesNotContain(await _app.AppEventsAsync(g.User.Id), e => e.Title == "Made in Google while paused");

        Assert.Equal(HttpStatusCode.OK, (await g.User.Api.PostAsync($"/api/calendar/integrations/{g.IntegrationId}/resume", null)).StatusCode);
        await Eventually.TrueAsync(() => emulator.Events(g.CalendarId).Any(e => e.Summary == "Made in the app while paused"), "the queued change reached Google");
        await Eventually.TrueAsync(async () => (await _app.AppEventsAsync(g.User.Id)).Any(e => e.Title == "Made in Google while paused"),
            "the Google change came in");
        Assert.False((await _app.Get<SyncStatusService>().GetAsync(g.User.Id)).Single().IsPaused);
    }

    [Fact]
    public async Task AnotherUsersIntegrationCannotBePausedResumedOrDisconnectedAndNonsenseIsNotFound()
    {
        var alice = await _app.ConnectGoogleAsync();
        var bob = await _app.CreateUserAsync("bob");
        foreach (var action in new[] { "pause", "resume", "disconnect" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await bob.Api.PostAsync($"/api/calendar/integrations/{alice.IntegrationId}/{action}", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await bob.Api.PostAsync($"/api/calendar/integrations/{Guid.NewGuid()}/{action}", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await bob.Api.PostAsync($"/api/calendar/integrations/not-an-id/{action}", null)).StatusCode);
        }
        var integration = await _app.IntegrationAsync(alice.IntegrationId);
        Assert.Equal((IntegrationStatus.Active, false), (integration.Status, integration.IsPaused));
        Assert.Single(await _app.CredentialsAsync(alice.User.Id));
    }

    private async Task<HttpStatusCode> GoogleApiStatusAsync(string accessToken)
    {
        using var client = _app.CreateClient(accessToken);
        using var response = await client.GetAsync("/emulator/google/calendar/v3/users/me/calendarList");
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> NotionApiStatusAsync(string accessToken)
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/emulator/notion/v1/users/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Add("Notion-Version", "2025-09-03");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<string> NotionAccessTokenAsync(Guid credentialId)
    {
        await using var db = await _app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var credential = await db.Credentials.AsNoTracking().FirstAsync(c => c.Id == credentialId);
        return NotionTokenSource.Unseal(_app.Get<Core.Security.ITokenProtector>(), credential.ProtectedTokens).AccessToken;
    }

    private async Task<int> LinkCountAsync(Guid integrationId)
    {
        await using var db = await _app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.EventLinks.CountAsync(l => l.IntegrationId == integrationId);
    }
}
