using SyncDashboard.Emulators.Google;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Security.Surface;

namespace SyncDashboard.Tests.Integration.Security.Isolation;

/// <summary>The user's emulated Google calendar (events, push channels) and Notion database (pages, webhook subscriptions), one line each.</summary>
public static class EmulatorSnapshot
{
    public static IReadOnlyList<string> Take(AppHost app, UserResources user)
    {
        var google = app.Get<GoogleEmulator>();
        var notion = app.Get<NotionEmulator>();
        return
        [
            .. google.Events(user.GoogleCalendarId).Select(e => $"google event {e.Id} {e.Status} {e.Etag} {e.Summary}"),
            .. google.ActiveChannels().Where(c => c.ResourceUri.Contains(Uri.EscapeDataString(user.GoogleCalendarId), StringComparison.Ordinal))
                .Select(c => $"google channel {c.Id} {c.ResourceId}"),
            .. notion.ListPages(user.NotionDatabaseId, includeTrashed: true).Select(p => $"notion page {p.Id} {p.InTrash} {p.Text("Title")}"),
            .. notion.WebhookSubscriptions.Where(w => w.BotId == user.NotionBotId).Select(w => $"notion subscription {w.Id} {w.Url}"),
        ];
    }
}
