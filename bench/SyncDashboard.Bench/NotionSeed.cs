using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notion;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Emulators.Notion;

namespace SyncDashboard.Bench;

/// <summary>
/// A clock shifted by <see cref="Offset"/>: seeding a database "in the past" and spacing rounds of edits minutes apart
/// without waiting. The Notion emulator always runs on it; a host started with it (BenchHost's clock) moves the app
/// along, as Notion and the app share real time in production (the poll cursor follows the app's clock).
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + Offset;
}

/// <summary>An emulated Notion database shared with an internal integration, and the pages a person put in it.</summary>
public sealed record NotionSetup(NotionEmulator Emulator, ShiftedClock Clock, NotionDatabaseInfo Database, NotionIntegrationToken Integration,
    IReadOnlyList<string> PageIds);

/// <summary>An app event as linked to a Notion page.</summary>
public sealed record LinkedEvent(string PageId, Guid EventId, string? Location, bool IsDeleted);

/// <summary>Notion-side test data, the connect flow of a user (as on the settings page) and the app's view of the pages.</summary>
public static class NotionSeed
{
    private static readonly DateTimeOffset Base = new(DateTime.UtcNow.Date.AddDays(1), TimeSpan.Zero);

    /// <summary>The property values of a 30-minute event on a day of the coming weeks.</summary>
    public static Dictionary<string, JsonNode?> Page(int n, string title)
    {
        var start = Base.AddDays(n % 60).AddHours(6 + n % 12).AddMinutes(n / 720 % 2 * 30);
        static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        return new Dictionary<string, JsonNode?>
        {
            ["Title"] = NotionValues.Title(title),
            ["Date"] = NotionValues.Date(Iso(start), Iso(start.AddMinutes(30))),
            ["Location"] = NotionValues.RichText("Room " + n % 40),
        };
    }

    /// <summary>
    /// A workspace with the setup guide's calendar database (the demo schema plus the "SyncDashboard ID" text property),
    /// an internal integration it is shared with, and <paramref name="pages"/> pages a person created one minute apart,
    /// the newest three minutes ago — a database in use, whose newest minute holds one page.
    /// </summary>
    public static NotionSetup Create(BenchHost host, BenchUser owner, int pages)
    {
        var emulator = host.Get<NotionEmulator>();
        var clock = host.Get<TimeProvider>() as ShiftedClock ?? new ShiftedClock();
        emulator.Clock = clock;
        var workspace = emulator.CreateWorkspace("Bench " + Guid.NewGuid().ToString("N")[..8], owner: owner.EmulatorOwner);
        var database = emulator.CreateDatabase(workspace.Id, "Calendar", [.. NotionEmulator.CalendarSchema, new("SyncDashboard ID", "rich_text")]);
        var integration = emulator.CreateInternalIntegration(workspace.Id, "SyncDashboard (bench)");
        emulator.ShareDatabase(database.Id, integration.BotId);
        var ids = new List<string>(pages);
        for (var i = 0; i < pages; i++)
        {
            clock.Offset = TimeSpan.FromMinutes(-(pages - i) - 2);
            ids.Add(emulator.CreatePageAsUser(database.DataSourceId, Page(i, $"Seeded {i}")));
        }
        clock.Offset = TimeSpan.Zero;
        return new NotionSetup(emulator, clock, database, integration, ids);
    }

    /// <summary>
    /// What a user does on the settings page (and DemoIntegrationsConnector does): paste the internal integration's
    /// token, take the preselected mapping, save the database as the home calendar. The first import runs inside.
    /// </summary>
    public static async Task<Guid> ConnectAsync(BenchHost host, BenchUser user, NotionSetup setup, CancellationToken ct = default)
    {
        var connect = host.Get<NotionConnectService>();
        var connection = await connect.ConnectTokenAsync(user.Id, setup.Integration.Token, ct);
        var form = await connect.GetMappingFormAsync(user.Id, connection.CredentialId, setup.Database.DataSourceId, ct);
        if (form.Proposal.Mapping is null)
            throw new InvalidOperationException("The preselected Notion mapping is incomplete: " + string.Join(" ", form.Proposal.Errors));
        return await connect.SaveDatabaseAsync(user.Id, connection.CredentialId,
            new NotionDatabaseChoice(setup.Database.DataSourceId, form.Proposal.Mapping, SyncDirection.TwoWay, IsHome: true), ct);
    }

    /// <summary>
    /// A webhook subscription for the integration's URL, set up the way the owner does it (open set-up on Settings,
    /// subscribe, confirm the token our endpoint received and paste it into Notion's Verify dialog).
    /// </summary>
    public static async Task<NotionWebhookSubscription> SubscribeAsync(BenchHost host, BenchUser user, NotionSetup setup, Guid integrationId)
    {
        var webhooks = host.Get<NotionWebhookSetup>();
        var armed = await webhooks.ArmAsync(user.Id, integrationId, default);
        var subscription = await setup.Emulator.CreateWebhookSubscriptionAsync(armed.Url, botId: setup.Integration.BotId);
        var token = (await webhooks.GetStateAsync(user.Id, integrationId, default)).PendingToken
            ?? throw new InvalidOperationException("The app did not keep the webhook verification token (delivered: " + subscription.VerificationDelivered + ").");
        await webhooks.ConfirmAsync(user.Id, integrationId, token, default);
        if (!setup.Emulator.VerifyWebhook(subscription.Id, token)) throw new InvalidOperationException("The emulator refused the verification token.");
        return subscription;
    }

    /// <summary>An edit a person makes in Notion: the page's Location.</summary>
    public static void EditLocation(NotionSetup setup, string pageId, string location) =>
        setup.Emulator.UpdatePageAsUser(pageId, new Dictionary<string, JsonNode?> { ["Location"] = NotionValues.RichText(location) });

    public static string Normalize(string id) => Guid.TryParse(id, out var g) ? g.ToString("N") : id.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>The integration's links (page id → app event), every one of them, duplicates included.</summary>
    public static async Task<List<LinkedEvent>> LinkedEventsAsync(BenchHost host, Guid integrationId)
    {
        await using var db = await host.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.EventLinks.AsNoTracking().Where(l => l.IntegrationId == integrationId && l.ExternalId != null)
            .Select(l => new LinkedEvent(l.ExternalId!, l.EventId, l.Event!.Location, l.Event.IsDeleted)).ToListAsync();
    }

    /// <summary>The app's live events of the user.</summary>
    public static async Task<int> LiveEventCountAsync(BenchHost host, Guid userId)
    {
        await using var db = await host.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Events.AsNoTracking().CountAsync(e => e.UserId == userId && !e.IsDeleted);
    }

    /// <summary>The integration's poll position as stored (null before the first pull).</summary>
    public static async Task<NotionCursor?> CursorAsync(BenchHost host, Guid integrationId)
    {
        await using var db = await host.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var json = await db.Integrations.AsNoTracking().Where(i => i.Id == integrationId).Select(i => i.Cursor).FirstOrDefaultAsync();
        return NotionCursor.TryParse(json);
    }

    /// <summary>Sync runs of the integration that started at or after <paramref name="since"/>, oldest first.</summary>
    public static async Task<List<SyncRun>> RunsAsync(BenchHost host, Guid integrationId, DateTime since)
    {
        await using var db = await host.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.SyncRuns.AsNoTracking().Where(r => r.IntegrationId == integrationId && r.StartedAt >= since)
            .OrderBy(r => r.Id).ToListAsync();
    }
}

/// <summary>Emulator request counters between two snapshots, sorted into the Notion API calls that matter here.</summary>
public sealed record NotionRequests(long Total, long Queries, long PageReads, long PageWrites, long Other)
{
    public static IReadOnlyDictionary<string, long> Snapshot(NotionEmulator emulator) => emulator.GetStats().RequestsByEndpoint;

    public static NotionRequests Between(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after)
    {
        long total = 0, queries = 0, reads = 0, writes = 0, other = 0;
        foreach (var (key, count) in after)
        {
            var delta = count - before.GetValueOrDefault(key);
            if (delta == 0) continue;
            total += delta;
            var space = key.IndexOf(' ');
            var (method, path) = (key[..space], key[(space + 1)..].TrimEnd('/'));
            if (path.EndsWith("/query", StringComparison.Ordinal)) queries += delta;
            else if (method == "GET" && path.Contains("/pages/", StringComparison.Ordinal)) reads += delta;
            else if (path.Contains("/pages", StringComparison.Ordinal)) writes += delta;
            else other += delta;
        }
        return new NotionRequests(total, queries, reads, writes, other);
    }

    public override string ToString() => $"{Total} (queries {Queries}, page reads {PageReads}, page writes {PageWrites}, other {Other})";
}
