using SyncDashboard.Core.Sync.Controls;
using SyncDashboard.Core.Google;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Web.Demo;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration.Google;

/// <summary>What the calendar picker is given after a reconnect: the calendars synced already, told apart from new ones.</summary>
[Collection(AppCollection.Name)]
public sealed class GoogleReconnectListTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;

    [Fact]
    public async Task AReconnectListsTheCalendarsSyncedAlreadyAsSuchAndANewOneAsNew()
    {
        var g = await _app.ConnectGoogleAsync();
        var emulator = _app.Get<GoogleEmulator>();
        var team = emulator.CreateCalendar(g.Email, $"team-{Guid.NewGuid():N}@group.calendar.google.com", "Team", "Europe/Berlin");
        var connect = _app.Get<GoogleConnectService>();

        var again = await connect.ConnectGrantAsync(g.User.Id, emulator.IssueTokens(g.Email, GoogleTestKit.Scopes).ToTokenResponse(), default);
        var listed = await connect.ListCalendarsAsync(g.User.Id, again.CredentialId, default);

        Assert.Equal([g.CalendarId], listed.AlreadySynced!);
        Assert.Contains(listed.Calendars, c => c.Id == team.Id);

        // Disconnecting the account's last calendar gives the grant back, so listing again needs a new one.
        await _app.Get<IntegrationControls>().DisconnectAsync(g.User.Id, g.IntegrationId, default);
        var afterwards = await connect.ConnectGrantAsync(g.User.Id, emulator.IssueTokens(g.Email, GoogleTestKit.Scopes).ToTokenResponse(), default);
        Assert.Empty((await connect.ListCalendarsAsync(g.User.Id, afterwards.CredentialId, default)).AlreadySynced!);
    }
}
