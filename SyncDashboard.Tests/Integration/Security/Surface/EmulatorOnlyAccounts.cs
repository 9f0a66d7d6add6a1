using System.Text.Json.Nodes;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;
using SyncDashboard.Tests.Integration.Notion;

namespace SyncDashboard.Tests.Integration.Security.Surface;

/// <summary>
/// A Google account and a Notion workspace of the user's that none of their integrations syncs, each with one event,
/// for requests to the emulators that must not reach the app's data through a sync.
/// </summary>
public static class EmulatorOnlyAccounts
{
    /// <summary><paramref name="user"/> with its provider fields pointing at fresh emulator-only accounts.</summary>
    public static UserResources For(AppHost app, UserResources user)
    {
        var google = app.Get<GoogleEmulator>();
        var email = $"g{Guid.NewGuid():N}@example.com";
        google.CreateAccount(email, "UTC", owner: user.User.EmulatorOwner); // theirs, so the Google side lets them edit it
        var calendarId = google.PrimaryCalendarId(email);
        var tokens = google.IssueTokens(email, GoogleTestKit.Scopes);
        var googleEvent = google.InsertEvent(calendarId, GoogleTestKit.TimedEvent("Emulator-only event", new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero)));

        var notion = app.Get<NotionEmulator>();
        var workspace = notion.CreateWorkspace("Emulator-only " + Guid.NewGuid().ToString("N")[..8], owner: user.User.EmulatorOwner);
        var database = notion.CreateDatabase(workspace.Id, "Calendar", NotionTestKit.Schema);
        var connection = notion.CreateInternalIntegration(workspace.Id);
        notion.ShareDatabase(database.Id, connection.BotId);
        var page = notion.CreatePageAsUser(database.DataSourceId, new Dictionary<string, JsonNode?> { ["Title"] = NotionValues.Title("Emulator-only page") });

        return user with
        {
            GoogleEmail = email, GoogleCalendarId = calendarId, GoogleAccessToken = tokens.AccessToken, GoogleEventId = googleEvent.Id,
            ChannelId = null, ChannelResourceId = null, ChannelToken = null,
            NotionToken = connection.Token, NotionBotId = connection.BotId, NotionSubscriptionId = null, NotionDataSourceId = database.DataSourceId, NotionDatabaseId = database.Id, NotionPageId = page,
        };
    }
}
