using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Accounts;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Google;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Emulators.Google.Wire;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Core.Notion;
using SyncDashboard.Web.Emulators;
using System.Text.Json.Nodes;

namespace SyncDashboard.Web.Demo;

/// <summary>
/// In demo mode, connects the demo account to the emulated Google calendar once the server listens (the real
/// client needs its address): a few Google-side sample events, a grant issued by the emulator in place of the
/// consent click, then the same connect path a user takes — first import, push channel, app events exported.
/// </summary>
internal sealed class DemoIntegrationsConnector(
    IHostApplicationLifetime lifetime, DemoMode demo, IServiceProvider services, ILogger<DemoIntegrationsConnector> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!demo.Enabled || services.GetService<GoogleEmulator>() is not { } google || services.GetService<NotionEmulator>() is not { } notion) return;
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);
        try
        {
            await ClaimDemoSideAsync(google, notion, stoppingToken);
            await ConnectGoogleAsync(google, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Connecting the demo account to the emulated Google calendar failed");
        }
        try
        {
            await ConnectNotionAsync(notion, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Connecting the demo account to the emulated Notion database failed");
        }
    }

    /// <summary>
    /// The emulated Google account and Notion workspace the demo account uses are the demo user's, so only a person
    /// signed in as the demo user sees them on the emulated pages (also in an App_Data made before they had owners).
    /// </summary>
    private async Task ClaimDemoSideAsync(GoogleEmulator google, NotionEmulator notion, CancellationToken ct)
    {
        if (await services.GetRequiredService<AccountService>().FindDemoAsync(ct) is not { } user) return;
        var owner = AppEmulatorPeople.OwnerKey(user.Id);
        google.ClaimAccount(DemoGoogleAccount, owner, user.TimeZone);
        notion.ClaimWorkspace(notion.SeedDemo().Workspace.Id, owner);
    }

    private const string DemoGoogleAccount = "demo@example.com";

    private async Task ConnectGoogleAsync(GoogleEmulator emulator, CancellationToken ct)
    {
        if (await DemoUserWithoutAsync(Provider.Google, ct) is not { } user) return;

        const string email = DemoGoogleAccount;
        var calendarId = emulator.PrimaryCalendarId(email);
        if (emulator.Events(calendarId).Count == 0) SeedGoogleSide(emulator, calendarId, Core.Events.UpcomingWindow.FindZone(user.TimeZone));

        var issued = emulator.IssueTokens(email, services.GetRequiredService<IOptions<GoogleOptions>>().Value.Scopes);
        var connect = services.GetRequiredService<GoogleConnectService>();
        var account = await connect.ConnectGrantAsync(user.Id, issued.ToTokenResponse(), ct);
        var primary = account.Calendars.First(c => c.Id == calendarId);
        await connect.AddCalendarsAsync(user.Id, account.CredentialId, [new CalendarChoice(primary.Id, primary.DisplayName, SyncDirection.TwoWay, true)], ct);
        logger.LogInformation("Connected demo user {UserId} to emulated Google calendar {CalendarId}", user.Id, calendarId);
    }

    /// <summary>
    /// The Notion side: sample pages in the seeded "Calendar" database, the internal integration's token pasted as a
    /// user would, the preselected mapping, and a webhook subscription verified the way a person does it in Notion
    /// (copying the token our endpoint received), so Notion edits arrive within seconds and polling backs them up.
    /// </summary>
    private async Task ConnectNotionAsync(NotionEmulator emulator, CancellationToken ct)
    {
        if (await DemoUserWithoutAsync(Provider.Notion, ct) is not { } user) return;
        var workspace = emulator.SeedDemo();
        if (emulator.ListPages(workspace.Calendar.Id).Count == 0)
            SeedNotionSide(emulator, workspace.Calendar.DataSourceId, Core.Events.UpcomingWindow.FindZone(user.TimeZone));

        var connect = services.GetRequiredService<NotionConnectService>();
        var connection = await connect.ConnectTokenAsync(user.Id, workspace.InternalIntegration.Token, ct);
        var form = await connect.GetMappingFormAsync(user.Id, connection.CredentialId, workspace.Calendar.DataSourceId, ct);
        var integrationId = await connect.SaveDatabaseAsync(user.Id, connection.CredentialId,
            new NotionDatabaseChoice(workspace.Calendar.DataSourceId, form.Proposal.Mapping!, SyncDirection.TwoWay, IsHome: true), ct);

        // As the owner on Settings: open set-up, subscribe with the URL, confirm the token that arrived, paste it into Notion.
        var webhooks = services.GetRequiredService<NotionWebhookSetup>();
        var armed = await webhooks.ArmAsync(user.Id, integrationId, ct);
        var subscription = await emulator.CreateWebhookSubscriptionAsync(armed.Url, botId: workspace.InternalIntegration.BotId);
        if ((await webhooks.GetStateAsync(user.Id, integrationId, ct)).PendingToken is { } token)
        {
            await webhooks.ConfirmAsync(user.Id, integrationId, token, ct);
            emulator.VerifyWebhook(subscription.Id, token);
        }
        else logger.LogWarning("The demo's Notion webhook verification request did not arrive; Notion changes come with the poll");
        logger.LogInformation("Connected demo user {UserId} to emulated Notion database {DatabaseId} as integration {IntegrationId} (webhook {SubscriptionId})",
            user.Id, workspace.Calendar.Id, integrationId, subscription.Id);
    }

    private async Task<Core.Accounts.AccountInfo?> DemoUserWithoutAsync(Provider provider, CancellationToken ct)
    {
        var user = await services.GetRequiredService<AccountService>().FindDemoAsync(ct);
        if (user is null) return null;
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        return await db.Integrations.AnyAsync(i => i.UserId == user.Id && i.Provider == provider, ct) ? null : user;
    }

    private static void SeedNotionSide(NotionEmulator emulator, string dataSourceId, TimeZoneInfo zone)
    {
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date;
        string At(int day, int hour) => new DateTimeOffset(today.AddDays(day).AddHours(hour), zone.GetUtcOffset(today.AddDays(day).AddHours(hour)))
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);
        string Day(int day) => today.AddDays(day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        void Page(string title, JsonNode date, string? location = null, string? notes = null)
        {
            var properties = new Dictionary<string, JsonNode?> { ["Title"] = NotionValues.Title(title), ["Date"] = date };
            if (location is not null) properties["Location"] = NotionValues.RichText(location);
            if (notes is not null) properties["Notes"] = NotionValues.RichText(notes);
            emulator.CreatePageAsUser(dataSourceId, properties);
        }
        Page("Dentist (from Notion)", NotionValues.Date(At(2, 15), At(2, 16)), "Dr. Okafor, 12 High St");
        Page("Book club (from Notion)", NotionValues.Date(At(4, 19), At(4, 21)), notes: "Chapter 7–9 of The Left Hand of Darkness");
        Page("Trip to Lisbon (from Notion)", NotionValues.Date(Day(5), Day(6)), "Lisbon");
    }

    private static void SeedGoogleSide(GoogleEmulator emulator, string calendarId, TimeZoneInfo zone)
    {
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date;
        GoogleEvent At(int day, int hour, int minutes, string title, string? location = null, List<string>? recurrence = null)
        {
            var start = new DateTimeOffset(today.AddDays(day).AddHours(hour), zone.GetUtcOffset(today.AddDays(day).AddHours(hour)));
            return new GoogleEvent
            {
                Summary = title, Location = location, Recurrence = recurrence,
                Start = new EventDateTime(DateTime: start.ToString("yyyy-MM-dd'T'HH:mm:sszzz"), TimeZone: zone.Id),
                End = new EventDateTime(DateTime: start.AddMinutes(minutes).ToString("yyyy-MM-dd'T'HH:mm:sszzz"), TimeZone: zone.Id),
            };
        }
        emulator.InsertEvent(calendarId, At(1, 17, 60, "Yoga (from Google)", "Studio 3"));
        emulator.InsertEvent(calendarId, At(2, 11, 30, "1:1 with Priya (from Google)", "Video call"));
        emulator.InsertEvent(calendarId, At(3, 8, 30, "Weekly planning (from Google)", null, ["RRULE:FREQ=WEEKLY;COUNT=8"]));
    }
}
