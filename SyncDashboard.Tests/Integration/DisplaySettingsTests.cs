using SyncDashboard.Core.Accounts;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Display;
using SyncDashboard.Core.Formatting;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;
using SyncDashboard.Web.Calendar.Sources;

namespace SyncDashboard.Tests.Integration;

/// <summary>Display preferences and integration colours in the running app: each user's own, checked, and announced.</summary>
[Collection(AppCollection.Name)]
public sealed class DisplaySettingsTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;
    private DisplaySettingsService Settings => _app.Get<DisplaySettingsService>();

    [Fact]
    public async Task PreferencesAreTheUsersOwnAndReachTheirOpenPagesThroughTheChangeFeed()
    {
        var alice = await _app.CreateUserAsync("alice");
        var bob = await _app.CreateUserAsync("bob");
        var bobBefore = await _app.Get<AccountService>().FindAsync(bob.Id);

        await Settings.UpdatePreferencesAsync(alice.Id, new DisplayChoices("en-GB", HourCycle.H23, DayOfWeek.Monday), "Europe/London");

        var alices = (await _app.Get<AccountService>().FindAsync(alice.Id))!;
        Assert.Equal((new DisplayChoices("en-GB", HourCycle.H23, DayOfWeek.Monday), "Europe/London"), (alices.Display, alices.TimeZone));
        Assert.Equal(bobBefore, await _app.Get<AccountService>().FindAsync(bob.Id));
        var alicesFeed = await (await alice.Api.GetAsync("/api/calendar/changes?since=0")).ReadJsonAsync();
        Assert.Equal(1, alicesFeed.GetProperty("changes").GetArrayLength());
        var bobsFeed = await (await bob.Api.GetAsync("/api/calendar/changes?since=0")).ReadJsonAsync();
        Assert.Equal(0, bobsFeed.GetProperty("changes").GetArrayLength());
    }

    [Theory]
    [InlineData("xx-YY", "UTC", "culture")]
    [InlineData("en-GB", "Mars/Olympus_Mons", "timeZone")]
    [InlineData("en-GB", "", "timeZone")]
    public async Task AnUnknownCultureOrZoneIsRefusedAndChangesNothing(string culture, string zone, string field)
    {
        var user = await _app.CreateUserAsync();
        var before = await _app.Get<AccountService>().FindAsync(user.Id);

        var refused = await Assert.ThrowsAsync<InputValidationException>(() => Settings.UpdatePreferencesAsync(user.Id, new DisplayChoices(culture, null, null), zone));

        Assert.Contains(field, refused.Errors.Keys);
        Assert.Equal(before, await _app.Get<AccountService>().FindAsync(user.Id));
    }

    [Fact]
    public async Task AColourIsSetOnlyOnTheUsersOwnIntegrationAnotherUsersIdIsNotFound()
    {
        var alice = await _app.ConnectGoogleAsync();
        var bob = await _app.CreateUserAsync("bob");
        var pink = SourcePalette.Integrations[3];

        await Assert.ThrowsAsync<NotFoundException>(() => Settings.SetIntegrationColorAsync(bob.Id, alice.IntegrationId, pink));
        await Assert.ThrowsAsync<NotFoundException>(() => Settings.SetIntegrationColorAsync(bob.Id, Guid.NewGuid(), pink));
        await Assert.ThrowsAsync<InputValidationException>(() => Settings.SetIntegrationColorAsync(alice.User.Id, alice.IntegrationId, "red; background: url(x)"));
        Assert.Equal(SourcePalette.Integrations[0], (await _app.Get<SourceColors>().ForUserAsync(alice.User.Id)).For(alice.IntegrationId).Color);

        await Settings.SetIntegrationColorAsync(alice.User.Id, alice.IntegrationId, pink);

        Assert.Equal(pink, (await _app.Get<SourceColors>().ForUserAsync(alice.User.Id)).For(alice.IntegrationId).Color);
        Assert.Empty((await _app.Get<SourceColors>().ForUserAsync(bob.Id)).Integrations);
    }
}
