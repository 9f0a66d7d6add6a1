using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync.Outbox;
using SyncDashboard.Core.Sync.Pull;
using SyncDashboard.Emulators.Google.Wire;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Tests.Integration.Google;
using SyncDashboard.Tests.Integration.Notion;

namespace SyncDashboard.Tests.Properties.SyncMachine;

/// <summary>
/// An event as one side holds it, in the terms all three share (recurrence and the occurrence an override replaces only
/// where the side carries them).
/// </summary>
public sealed record SideEvent(string Title, string? Description, string? Location, string? Notes, DateTime Start, DateTime End, bool AllDay, string? Rule,
    DateTime? Original = null)
{
    public override string ToString() =>
        $"'{Title}' {Start:yyyy-MM-dd HH:mm}–{End:yyyy-MM-dd HH:mm}{(AllDay ? " all-day" : "")} desc={Description ?? "-"} loc={Location ?? "-"} " +
        $"notes={Notes ?? "-"}{(Rule is null ? "" : " " + Rule)}{(Original is { } o ? $" replaces {o:yyyy-MM-dd HH:mm}" : "")}";

    /// <summary>What Notion can hold of it: Notion has no recurrence, and an override is a page of its own.</summary>
    public SideEvent AsNotionHoldsIt() => this with { Rule = null, Original = null };
}

/// <summary>Settling (faults off, pull both sides, drain, until quiet) and the property checked afterwards.</summary>
public sealed partial class SyncSession
{
    private static readonly Regex TagPattern = new(@"^E(\d+) ", RegexOptions.CultureInvariant);

    private async Task<CalendarEvent?> AppEventAsync(int tag)
    {
        await using var db = await _world.App.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Events.AsNoTracking().Where(e => e.UserId == UserId && !e.IsDeleted && e.Title.StartsWith(Tag(tag)))
            .OrderBy(e => e.CreatedAt).FirstOrDefaultAsync();
    }

    private async Task<CalendarEvent?> AppEventByIdAsync(Guid id)
    {
        await using var db = await _world.App.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.UserId == UserId && !e.IsDeleted);
    }

    private GoogleEvent? GoogleEventFor(int tag) => LiveGoogle().FirstOrDefault(e => e.Summary!.StartsWith(Tag(tag), StringComparison.Ordinal));

    private NotionPageSnapshot? NotionPageFor(int tag) => LiveNotion().FirstOrDefault(p => p.Text("Title").StartsWith(Tag(tag), StringComparison.Ordinal));

    // Instances of a series that Google materialised are the series' business: an edit of "the event" edits the series.
    private IEnumerable<GoogleEvent> LiveGoogle() => _world.Google.Events(CalendarId).Where(e => e.RecurringEventId is null && e.Summary is not null);

    private IEnumerable<NotionPageSnapshot> LiveNotion() => _world.Notion.ListPages(_notion.Database.Id, includeTrashed: false);

    /// <summary>
    /// Faults stop; then, bounded, each round lets time pass (undo windows and retry backoffs run out), pulls both
    /// sides and drains the outbox, until a round finds nothing to pull, sends nothing and leaves no row open.
    /// Null when quiet, else what kept it busy.
    /// </summary>
    public async Task<string?> SettleAsync(int maxRounds = 12)
    {
        _world.Google.ClearFaults();
        _world.Notion.ClearFaults();
        string last = "";
        for (var round = 0; round < maxRounds; round++)
        {
            _world.Clock.Skip(TimeSpan.FromSeconds(10));
            var puller = _world.App.Get<IncrementalPuller>();
            var dispatcher = _world.App.Get<OutboxDispatcher>();
            var g = await puller.PullAsync(_google.IntegrationId, SyncTrigger.Manual);
            var n = await puller.PullAsync(_notion.IntegrationId, SyncTrigger.Manual);
            var sent = 0;
            for (var i = 0; i < 20; i++)
            {
                var a = await dispatcher.DispatchDueAsync(_google.IntegrationId);
                var b = await dispatcher.DispatchDueAsync(_notion.IntegrationId);
                sent += a.Sent + b.Sent;
                if (a.Sent + b.Sent + a.Retrying + b.Retrying == 0) break;
            }
            var outbox = await _world.App.OutboxAsync(UserId);
            var open = outbox.Where(o => o.State != OutboxState.Completed).ToList();
            var pulled = g.Created + g.Updated + g.Deleted + n.Created + n.Updated + n.Deleted;
            if (g.Error is null && n.Error is null && pulled == 0 && sent == 0 && open.Count == 0) return null;
            last = $"round {round + 1}: Google pull {g.Created}/{g.Updated}/{g.Deleted} {g.Error}, Notion pull {n.Created}/{n.Updated}/{n.Deleted} {n.Error}, " +
                   $"sent {sent}, open rows: {string.Join("; ", open.Select(o => $"{o.Operation} {o.State} ×{o.Attempts} {o.LastError}"))}";
        }
        return "did not settle after " + maxRounds + " rounds; last " + last;
    }

    /// <summary>
    /// The property: all three sides hold the same events field for field, no side holds one event twice, and every event
    /// that no side deleted is still there. Events are told apart by the tag their titles keep through every edit; a
    /// series keeps its tag in its overrides and in the series a split continues it with, so a tag names a group of rows,
    /// compared as a whole. And the calendar a person sees — series expanded, overrides in place, cancelled dates gone —
    /// is the same in the app and in Google.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckAsync()
    {
        var problems = new List<string>();
        var sides = new Dictionary<string, List<SideEvent>>
        {
            ["app"] = (await _world.App.AppEventsAsync(UserId)).Select(e => new SideEvent(e.Title, Norm(e.Description), Norm(e.Location), Norm(e.Notes),
                e.Start, e.End, e.IsAllDay, Norm(e.Recurrence), e.OriginalStart)).ToList(),
            ["Google"] = _world.Google.Events(CalendarId).Where(e => e.Summary is not null).Select(FromGoogle).ToList(),
            ["Notion"] = LiveNotion().Select(FromNotion).ToList(),
        };
        var byTag = new Dictionary<string, Dictionary<int, List<SideEvent>>>();
        foreach (var (side, events) in sides)
        {
            byTag[side] = [];
            foreach (var e in events)
            {
                if (TagPattern.Match(e.Title) is not { Success: true } m) { problems.Add($"{side} holds an event no command made: {e}"); continue; }
                var tag = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                (byTag[side].TryGetValue(tag, out var rows) ? rows : byTag[side][tag] = []).Add(e);
            }
            // Notion's pages carry no rule and no replaced occurrence, so a series and an unchanged override of its first
            // date are two equal pages there; an extra page shows as a difference from the app's rows instead.
            if (side == "Notion") continue;
            foreach (var (tag, rows) in byTag[side])
                foreach (var twice in rows.GroupBy(r => r.ToString()).Where(g => g.Count() > 1))
                    problems.Add($"{side} holds E{tag} twice: {twice.Key}");
        }
        foreach (var (tag, _) in _events)
        {
            var present = byTag.Where(s => s.Value.ContainsKey(tag)).Select(s => s.Key).ToList();
            if (present.Count is > 0 and < 3) problems.Add($"E{tag} is only in {string.Join(" and ", present)}");
            if (present.Count == 0 && !_deleted.Contains(tag)) problems.Add($"E{tag} was lost everywhere, though no side deleted it");
            if (present.Count < 3) continue;
            var app = byTag["app"][tag];
            // The occurrence an override replaces is compared where it shows — in the expanded calendars below — since an
            // override that reached Google after its series moved there is an event of its own in Google.
            if (!SameRows(app.Select(e => e with { Original = null }), byTag["Google"][tag].Select(e => e with { Original = null }))) problems.Add($"E{tag} differs: app {Rows(app)} / Google {Rows(byTag["Google"][tag])}");
            var notion = byTag["Notion"][tag];
            if (!SameRows(app.Select(e => e.AsNotionHoldsIt()), notion)) problems.Add($"E{tag} differs: app {Rows(app)} / Notion {Rows(notion)}");
        }
        problems.AddRange(await CompareCalendarsAsync());
        if (problems.Count > 0) problems.AddRange(await DescribeAsync());
        return problems;
    }

    private static bool SameRows(IEnumerable<SideEvent> a, IEnumerable<SideEvent> b) =>
        a.Select(e => e.ToString()).Order(StringComparer.Ordinal).SequenceEqual(b.Select(e => e.ToString()).Order(StringComparer.Ordinal));

    private static string Rows(IEnumerable<SideEvent> rows) => string.Join(" + ", rows.OrderBy(r => r.Start));

    /// <summary>The app's list (series expanded) against Google's singleEvents view of the same window, occurrence by occurrence.</summary>
    private async Task<IEnumerable<string>> CompareCalendarsAsync()
    {
        static string Seen(string title, DateTime start, DateTime end, bool allDay, string? description, string? location) =>
            $"'{title.Trim()}' {start:yyyy-MM-dd HH:mm}–{end:yyyy-MM-dd HH:mm}{(allDay ? " all-day" : "")} desc={Norm(description) ?? "-"} loc={Norm(location) ?? "-"}";
        var app = (await AppListAsync()).Select(e => Seen(e.Title, e.Start.UtcDateTime, e.End.UtcDateTime, e.IsAllDay, e.Description, e.Location))
            .Order(StringComparer.Ordinal).ToList();
        var google = GoogleSingleEvents().Select(e => FromGoogle(e) is var g ? Seen(g.Title, g.Start, g.End, g.AllDay, g.Description, g.Location) : "")
            .Order(StringComparer.Ordinal).ToList();
        if (app.SequenceEqual(google)) return [];
        return [$"the calendars differ: only the app shows [{string.Join("; ", app.Except(google))}], only Google shows [{string.Join("; ", google.Except(app))}]"];
    }

    /// <summary>Everything each side holds, trashed and cancelled included, to read a counterexample by.</summary>
    private async Task<IEnumerable<string>> DescribeAsync()
    {
        var lines = new List<string> { "-- state after settling:" };
        await using var db = await _world.App.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        foreach (var e in await db.Events.AsNoTracking().Include(e => e.Links).Where(e => e.UserId == UserId).ToListAsync())
            lines.Add($"app {e.Id:N} '{e.Title}' {e.Start:MM-dd HH:mm} deleted={e.IsDeleted} v{e.Version}" +
                      (e.SeriesId is { } series ? $" override of {series:N} at {e.OriginalStart:MM-dd HH:mm}" : "") + (e.Recurrence is { } r ? $" {r}" : "") + " links: " +
                      string.Join(", ", e.Links.Select(l => $"{(l.IntegrationId == _google.IntegrationId ? "G" : "N")}:{l.ExternalId}")));
        foreach (var g in _world.Google.Events(CalendarId, includeCancelled: true))
            lines.Add($"Google {g.Id} '{g.Summary}' {g.Start?.DateTime ?? g.Start?.Date} {g.Status} sdEventId={g.ExtendedProperties?.Private?.GetValueOrDefault("sdEventId")}" +
                      (g.Recurrence is { } r ? $" {string.Join(' ', r)}" : ""));
        foreach (var p in _world.Notion.ListPages(_notion.Database.Id, includeTrashed: true))
            lines.Add($"Notion {p.Id} '{p.Text("Title")}' trash={p.InTrash} id-property={p.Text(NotionTestKit.IdProperty)}");
        foreach (var o in await _world.App.OutboxAsync(UserId))
            lines.Add($"outbox {o.Operation} {o.EventId:N} → {(o.IntegrationId == _google.IntegrationId ? "G" : "N")} {o.State} ×{o.Attempts} {o.LastError}");
        return lines;
    }

    private static SideEvent FromGoogle(GoogleEvent e) =>
        new(e.Summary!.Trim(), Norm(e.Description), Norm(e.Location), Norm(e.ExtendedProperties?.Private?.GetValueOrDefault("sdNotes")),
            GoogleStart(e.Start!), GoogleStart(e.End!), e.Start!.Date is not null, e.Recurrence is { Count: > 0 } r ? string.Join('\n', r) : null,
            e.OriginalStartTime is { } o ? GoogleStart(o) : null);

    private static SideEvent FromNotion(NotionPageSnapshot p)
    {
        var start = p.DateStart("Date") ?? "";
        var end = p.DateEndText();
        var allDay = !start.Contains('T');
        DateTime Parse(string s) => allDay
            ? DateTime.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : DateTimeOffset.Parse(s, CultureInfo.InvariantCulture).UtcDateTime;
        var from = start.Length == 0 ? default : Parse(start);
        // Notion's all-day end is the last day (inclusive) or absent for one day; the app's is the day after.
        var to = allDay ? (end is null ? from : Parse(end)).AddDays(1) : end is null ? from : Parse(end);
        return new SideEvent(p.Text("Title").Trim(), Norm(p.Text("Description")), Norm(p.Text("Location")), Norm(p.Text("Notes")), from, to, allDay, null);
    }

    private static string? Norm(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().Replace("\r\n", "\n");
}
