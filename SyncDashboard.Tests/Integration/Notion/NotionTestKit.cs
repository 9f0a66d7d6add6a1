using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notion;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Core.Sync.Outbox;

namespace SyncDashboard.Tests.Integration.Notion;

/// <summary>A test user connected to a Notion database of their own (own workspace, own internal integration, own rate-limit bucket).</summary>
public sealed record NotionAccount(TestUser User, NotionWorkspaceInfo Workspace, NotionDatabaseInfo Database, NotionIntegrationToken Connection,
    Guid CredentialId, Guid IntegrationId, string? WebhookSubscriptionId)
{
    public string DataSourceId => Database.DataSourceId;
}

/// <summary>
/// Connects test users to the emulated Notion exactly as the demo connector does (token pasted, preselected mapping,
/// database saved, optionally a webhook subscription set up, confirmed and verified with the token our endpoint received), plus small helpers.
/// </summary>
public static class NotionTestKit
{
    public const string IdProperty = NotionPropertyMapping.DefaultAppEventIdProperty;

    /// <summary>The demo schema plus the text property the app keeps its event ids in (exact, idempotent creates).</summary>
    public static readonly IReadOnlyList<NotionPropertyDefinition> Schema =
        [.. NotionEmulator.CalendarSchema, new NotionPropertyDefinition(IdProperty, "rich_text")];

    /// <summary>
    /// A fresh workspace, database and internal integration for the user (or, with <paramref name="sameDatabaseAs"/>,
    /// the same database and token as another account), connected the way the demo connector does it.
    /// </summary>
    public static async Task<NotionAccount> ConnectNotionAsync(this AppHost app, TestUser? user = null, bool withWebhook = false,
        SyncDirection direction = SyncDirection.TwoWay, bool isHome = true, NotionAccount? sameDatabaseAs = null)
    {
        user ??= await app.CreateUserAsync("notion");
        var emulator = app.Get<NotionEmulator>();
        NotionWorkspaceInfo workspace;
        NotionDatabaseInfo database;
        NotionIntegrationToken connection;
        if (sameDatabaseAs is not null)
        {
            // A teammate: invited into the workspace, so its secret is theirs to use too.
            (workspace, database, connection) = (sameDatabaseAs.Workspace, sameDatabaseAs.Database, sameDatabaseAs.Connection);
            emulator.AddWorkspaceMember(workspace.Id, user.EmulatorOwner);
        }
        else
        {
            workspace = emulator.CreateWorkspace("Workspace " + Guid.NewGuid().ToString("N")[..8], owner: user.EmulatorOwner);
            database = emulator.CreateDatabase(workspace.Id, "Calendar", Schema);
            connection = emulator.CreateInternalIntegration(workspace.Id, "SyncDashboard (tests)");
            emulator.ShareDatabase(database.Id, connection.BotId);
        }

        var connect = app.Get<NotionConnectService>();
        var credential = await connect.ConnectTokenAsync(user.Id, connection.Token, default);
        var form = await connect.GetMappingFormAsync(user.Id, credential.CredentialId, database.DataSourceId, default);
        var mapping = form.Proposal.Mapping ?? throw new InvalidOperationException("No mapping proposed: " + string.Join(" ", form.Proposal.Errors));
        Assert.Equal(new NotionPropertyMapping("Title", "Date", "Description", "Location", "Notes", IdProperty), mapping);
        var integrationId = await connect.SaveDatabaseAsync(user.Id, credential.CredentialId,
            new NotionDatabaseChoice(database.DataSourceId, mapping, direction, isHome), default);

        string? subscriptionId = null;
        if (withWebhook)
        {
            var webhooks = app.Get<NotionWebhookSetup>();
            var armed = await webhooks.ArmAsync(user.Id, integrationId, default);
            var subscription = await emulator.CreateWebhookSubscriptionAsync(armed.Url, botId: connection.BotId);
            Assert.True(subscription.VerificationDelivered, "the verification request reached the app");
            var token = (await webhooks.GetStateAsync(user.Id, integrationId, default)).PendingToken
                ?? throw new InvalidOperationException("The app did not keep the verification token.");
            await webhooks.ConfirmAsync(user.Id, integrationId, token, default);
            Assert.True(emulator.VerifyWebhook(subscription.Id, token));
            subscriptionId = subscription.Id;
        }
        return new NotionAccount(user, workspace, database, connection, credential.CredentialId, integrationId, subscriptionId);
    }

    /// <summary>
    /// A private app without demo mode (no demo account, no demo Notion connection polling in the background), so the
    /// emulator's counters and faults see only the test's own traffic.
    /// </summary>
    public static Task<AppHost> StartQuietHostAsync(Dictionary<string, string?>? settings = null,
        Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false",
            ["Emulators:Enabled"] = "true",
            ["Emulators:Notion:SeedDemo"] = "false",
            ["TokenProtection:ActiveKeyId"] = "tests",
            ["TokenProtection:Keys:tests"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) config[k] = v;
        return AppHost.StartAsync(config, configure);
    }

    /// <summary>A page made by the person in Notion's UI (fires webhooks like any edit).</summary>
    public static string CreatePage(this AppHost app, NotionAccount n, string title, JsonObject date, string? location = null,
        string? description = null, string? notes = null)
    {
        var properties = new Dictionary<string, JsonNode?> { ["Title"] = NotionValues.Title(title), ["Date"] = date };
        if (location is not null) properties["Location"] = NotionValues.RichText(location);
        if (description is not null) properties["Description"] = NotionValues.RichText(description);
        if (notes is not null) properties["Notes"] = NotionValues.RichText(notes);
        return app.Get<NotionEmulator>().CreatePageAsUser(n.DataSourceId, properties);
    }

    public static void EditPage(this AppHost app, string pageId, string property, JsonObject value) =>
        app.Get<NotionEmulator>().UpdatePageAsUser(pageId, new Dictionary<string, JsonNode?> { [property] = value });

    /// <summary>POST /api/calendar/sync/notion/pull as the user; fails unless it answers 200 with a result without error.</summary>
    public static async Task<JsonElement> PullAsync(this NotionAccount n)
    {
        var response = await n.User.Api.PostJsonAsync("/api/calendar/sync/notion/pull", new { integrationId = n.IntegrationId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, result.GetProperty("error").ValueKind);
        return result;
    }

    public static IReadOnlyList<NotionPageSnapshot> LivePages(this AppHost app, NotionAccount n) =>
        app.Get<NotionEmulator>().ListPages(n.Database.Id, includeTrashed: false);

    /// <summary>The page the app created for one of its events (found by the id property), if any.</summary>
    public static NotionPageSnapshot? PageFor(this AppHost app, NotionAccount n, Guid eventId) =>
        app.Get<NotionEmulator>().ListPages(n.Database.Id).SingleOrDefault(p => p.Text(IdProperty) == eventId.ToString());

    public static NotionPageSnapshot Page(this AppHost app, string pageId) => app.Get<NotionEmulator>().GetPageSnapshot(pageId);

    public static DateTimeOffset? DateStart(this NotionPageSnapshot page) => ParseDate(page.DateStart("Date"));

    public static DateTimeOffset? DateEnd(this NotionPageSnapshot page) => ParseDate(page.Values.GetValueOrDefault("Date")?["end"]?.GetValue<string>());

    public static string? DateEndText(this NotionPageSnapshot page) => page.Values.GetValueOrDefault("Date")?["end"]?.GetValue<string>();

    private static DateTimeOffset? ParseDate(string? s) =>
        s is null ? null : DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static async Task<List<Conflict>> ConflictsAsync(this AppHost app, Guid userId)
    {
        await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Conflicts.AsNoTracking().Where(c => c.UserId == userId).ToListAsync();
    }

    public static async Task<EventLink?> LinkAsync(this AppHost app, Guid eventId, Guid integrationId)
    {
        await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.EventLinks.AsNoTracking().FirstOrDefaultAsync(l => l.EventId == eventId && l.IntegrationId == integrationId);
    }

    /// <summary>Every outbox row of the user has been sent (none pending, failed or dead).</summary>
    public static async Task<bool> OutboxDrainedAsync(this AppHost app, Guid userId)
    {
        await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return !await db.Outbox.AnyAsync(o => o.UserId == userId && o.State != OutboxState.Completed);
    }

    /// <summary>
    /// Sends the integration's due outbox rows until none is left. A merge made while pushing queues a follow-up row that
    /// no commit signals, so the background worker would only see it at its next scheduled scan (30 s).
    /// </summary>
    public static Task DrainOutboxAsync(this AppHost app, NotionAccount n, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(async () =>
        {
            await app.Get<OutboxDispatcher>().DispatchDueAsync(n.IntegrationId);
            return await app.OutboxDrainedAsync(n.User.Id);
        }, "every outbox row of the user is sent", timeout);

    /// <summary>A PUT body that keeps every field of <paramref name="e"/> except those overridden.</summary>
    public static object PutBody(CalendarEvent e, string? title = null, string? location = null, DateTimeOffset? start = null, DateTimeOffset? end = null) => new
    {
        title = title ?? e.Title,
        start = start ?? Utc(e.Start),
        end = end ?? Utc(e.End),
        allDay = e.IsAllDay,
        location = location ?? e.Location,
        description = e.Description,
        notes = e.Notes,
        timeZone = e.TimeZone,
    };

    public static DateTimeOffset Utc(DateTime d) => new(DateTime.SpecifyKind(d, DateTimeKind.Utc));
}
