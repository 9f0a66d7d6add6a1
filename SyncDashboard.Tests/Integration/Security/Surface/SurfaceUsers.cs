using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Accounts;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notion;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Security;
using SyncDashboard.Core.Sync.Merge;
using SyncDashboard.Core.Sync.Outbox;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;
using SyncDashboard.Tests.Integration.Notion;
using SyncDashboard.Web.Infrastructure;

namespace SyncDashboard.Tests.Integration.Security.Surface;

/// <summary>
/// A user with something of everything a route can name: a single event and a weekly series, a spare API token, a
/// Google calendar with a push channel and a Notion database with a verified webhook, all carrying a unique marker.
/// </summary>
public static class SurfaceUsers
{
    public static async Task<UserResources> CreateAsync(AppHost app, string label, SyncDirection google = SyncDirection.TwoWay,
        SyncDirection notion = SyncDirection.TwoWay, bool notionHome = true)
    {
        var marker = $"{label}{Guid.NewGuid():N}"[..(label.Length + 12)];
        var user = await app.CreateUserAsync(marker); // the display name and the e-mail carry the marker too
        var googleUser = await app.ConnectGoogleAsync(google, user);
        var notionAccount = await app.ConnectNotionAsync(user, withWebhook: true, direction: notion, isHome: notionHome);

        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(9), TimeSpan.Zero); // upcoming, so the dashboard shows it
        var single = await CreateEventAsync(user, new
        {
            title = $"{marker} standup", start, end = start.AddMinutes(30), location = $"{marker} room", description = $"{marker} agenda",
            notes = $"{marker} notes",
        });
        var series = await CreateEventAsync(user, new
        {
            title = $"{marker} weekly", start = start.AddHours(2), end = start.AddHours(3), timeZone = "Europe/Berlin",
            recurrence = "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10",
        });
        var spare = await app.Get<ApiTokenService>().CreateAsync(user.Id, $"{marker} spare");
        var main = (await app.Get<ApiTokenService>().ListAsync(user.Id)).Single(t => t.Name == "tests");
        await DrainOutboxAsync(app, user.Id, googleUser.IntegrationId, notionAccount.IntegrationId);
        var conflictId = await AddConflictAsync(app, single, googleUser.IntegrationId, $"{marker} standup (moved)");

        var protection = app.Get<IDataProtectionProvider>();
        var resources = new UserResources
        {
            User = user, EventId = single, SeriesEventId = series, ApiTokenId = main.Id, SpareTokenId = spare.Info.Id,
            GoogleIntegrationId = googleUser.IntegrationId, ConflictId = conflictId, GoogleCredentialId = (await app.IntegrationAsync(googleUser.IntegrationId)).CredentialId!.Value,
            GoogleEmail = googleUser.Email, GoogleCalendarId = googleUser.CalendarId, GoogleAccessToken = googleUser.Tokens.AccessToken,
            NotionIntegrationId = notionAccount.IntegrationId, NotionCredentialId = notionAccount.CredentialId,
            OutboxItemId = (await app.OutboxAsync(user.Id)).First(o => o.State == OutboxState.Completed).Id,
            NotionDataSourceId = notionAccount.DataSourceId, NotionDatabaseId = notionAccount.Database.Id, NotionToken = notionAccount.Connection.Token,
            NotionBotId = notionAccount.Connection.BotId, NotionSubscriptionId = notionAccount.WebhookSubscriptionId,
            GoogleOAuthState = OAuthState.Create(protection, "Google", user.Id),
            NotionOAuthState = OAuthState.Create(protection, "Notion", user.Id),
            Markers = [],
        };
        resources = await RefreshAsync(app, resources);
        return resources with
        {
            Markers = [.. new[]
            {
                marker, user.Email, user.Token, main.Prefix, spare.Token, googleUser.Email, googleUser.CalendarId, googleUser.Tokens.AccessToken,
                notionAccount.Workspace.Name, notionAccount.Connection.Token, resources.ChannelId, resources.ChannelResourceId, resources.ChannelToken,
                resources.NotionWebhookSecret, resources.NotionWebhookKey, resources.GoogleEventId, resources.NotionPageId,
            }.OfType<string>(),
            .. resources.Guids.Select(g => g.ToString()),
            .. NotionIdForms(notionAccount.DataSourceId), .. NotionIdForms(notionAccount.Database.Id),
            .. resources.NotionPageId is { } page ? NotionIdForms(page) : []],
        };
    }

    /// <summary>Reads again what requests may have replaced: the push channel and the webhook secret.</summary>
    public static async Task<UserResources> RefreshAsync(AppHost app, UserResources r)
    {
        await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var google = await db.Integrations.AsNoTracking().FirstAsync(i => i.Id == r.GoogleIntegrationId);
        var protector = app.Get<ITokenProtector>();
        var state = await app.Get<NotionWebhookSetup>().GetStateAsync(r.UserId, r.NotionIntegrationId, default);
        var remote = await db.EventLinks.AsNoTracking().Where(l => l.EventId == r.EventId).ToDictionaryAsync(l => l.IntegrationId, l => l.ExternalId);
        return r with
        {
            GoogleEventId = remote.GetValueOrDefault(r.GoogleIntegrationId), NotionPageId = remote.GetValueOrDefault(r.NotionIntegrationId),
            ChannelId = google.ChannelId, ChannelResourceId = google.ChannelResourceId,
            ChannelToken = google.ChannelTokenProtected is { } sealedToken ? protector.Unprotect(sealedToken) : null,
            NotionWebhookSecret = state.ConfirmedToken,
            NotionWebhookKey = state.Url[(state.Url.LastIndexOf('/') + 1)..],
        };
    }

    /// <summary>Sends every queued change of the user now, so nothing of the set-up is still on its way during a run.</summary>
    public static Task DrainOutboxAsync(AppHost app, Guid userId, params Guid[] integrationIds) =>
        Eventually.TrueAsync(async () =>
        {
            foreach (var id in integrationIds) await app.Get<OutboxDispatcher>().DispatchDueAsync(id);
            return await app.OutboxDrainedAsync(userId);
        }, "every outbox row of the user is sent", TimeSpan.FromSeconds(30));

    /// <summary>The event's title changed in the app and in Google at once, as the reconciler records it.</summary>
    private static async Task<Guid> AddConflictAsync(AppHost app, Guid eventId, Guid integrationId, string remoteTitle)
    {
        await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var ev = await db.Events.AsNoTracking().FirstAsync(e => e.Id == eventId);
        var conflict = new Conflict
        {
            UserId = ev.UserId, EventId = ev.Id, IntegrationId = integrationId, Fields = "Title", Outcome = ConflictOutcome.LocalWon,
            LocalFields = FieldsJson.Serialize(ev.ToFields()), RemoteFields = FieldsJson.Serialize(ev.ToFields() with { Title = remoteTitle }),
        };
        db.Conflicts.Add(conflict);
        await db.SaveChangesAsync();
        return conflict.Id;
    }

    private static async Task<Guid> CreateEventAsync(TestUser user, object body)
    {
        using var response = await user.Api.PostJsonAsync("/api/events", body);
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>Notion writes ids with and without dashes.</summary>
    private static IEnumerable<string> NotionIdForms(string id) => [id, id.Replace("-", "")];
}
