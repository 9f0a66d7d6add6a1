using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Google;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Emulators.Google.Wire;
using SyncDashboard.Emulators.Notion;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Integration.Google;
using SyncDashboard.Tests.Integration.Notion;

namespace SyncDashboard.Tests.Properties.SyncMachine;

/// <summary>
/// One generated sequence: a fresh user connected to their own emulated Google calendar and Notion database, the
/// commands applied to the real app and emulators, and the model of what was made and deleted where.
/// </summary>
public sealed partial class SyncSession
{
    private readonly SyncWorld _world;
    private readonly GoogleUser _google;
    private readonly NotionAccount _notion;
    private readonly DateTime _day0;
    private readonly List<(int Tag, bool Recurring)> _events = [];
    private readonly HashSet<int> _deleted = [];
    private (AppHost Host, HttpClient Client)? _api;

    public int Operations { get; private set; }
    public int FaultsInjected { get; private set; }

    /// <summary>Edits and deletes of one occurrence that found a series to act on (the rest had none yet).</summary>
    public int OccurrenceWrites { get; private set; }

    private SyncSession(SyncWorld world, GoogleUser google, NotionAccount notion)
    {
        (_world, _google, _notion) = (world, google, notion);
        // Relative to the (moving) clock, so any number of runs stays inside every window the app syncs.
        _day0 = world.Clock.GetUtcNow().UtcDateTime.Date.AddDays(2);
    }

    public static async Task<SyncSession> StartAsync(SyncWorld world)
    {
        var google = await world.App.ConnectGoogleAsync();
        var notion = await world.App.ConnectNotionAsync(google.User);
        return new SyncSession(world, google, notion);
    }

    private Guid UserId => _google.User.Id;
    private string CalendarId => _google.CalendarId;

    /// <summary>The user's API client on the current host (a restart gives a new host).</summary>
    private HttpClient Api
    {
        get
        {
            if (_api is not { } api || api.Host != _world.App) _api = (_world.App, _world.App.CreateClient(_google.User.Token));
            return _api.Value.Client;
        }
    }

    private static string Tag(int tag) => $"E{tag} ";

    public async Task ApplyAsync(SyncCommand command)
    {
        Operations++;
        switch (command)
        {
            case SyncCommand.Create c: await CreateAsync(c.Side, c.Spec); break;
            case SyncCommand.Edit e: await EditAsync(e.Side, Pick(e.Pick, recurringOnly: false), e.Change); break;
            case SyncCommand.RenameSeries r: await EditAsync(r.Side, Pick(r.Pick, recurringOnly: true), new EventEdit(r.Word, null, null, null, null)); break;
            case SyncCommand.EditOccurrence o: await EditOccurrenceAsync(o); break;
            case SyncCommand.DeleteOccurrence o: await DeleteOccurrenceAsync(o); break;
            case SyncCommand.Delete d: await DeleteAsync(d.Side, Pick(d.Pick, recurringOnly: false)); break;
            case SyncCommand.PullGoogle: await _world.App.Get<Core.Sync.Pull.IncrementalPuller>().PullAsync(_google.IntegrationId, SyncTrigger.Manual); break;
            case SyncCommand.PollNotion: await _world.App.Get<Core.Sync.Pull.IncrementalPuller>().PullAsync(_notion.IntegrationId, SyncTrigger.Poll); break;
            case SyncCommand.GooglePush: await PushAsync(); break;
            case SyncCommand.DrainOutbox: await DrainOnceAsync(); break;
            case SyncCommand.Fault f: Inject(f); break;
            case SyncCommand.ExpireSyncToken: _world.Google.InvalidateSyncTokens(CalendarId); break;
            case SyncCommand.Restart: await _world.RestartAsync(); break;
            default: throw new ArgumentOutOfRangeException(nameof(command), command, null);
        }
    }

    private int? Pick(int pick, bool recurringOnly)
    {
        var candidates = _events.Where(e => !recurringOnly || e.Recurring).ToList();
        return candidates.Count == 0 ? null : candidates[pick % candidates.Count].Tag;
    }

    private DateTime Time(int day, int hour) => _day0.AddDays(day).AddHours(hour);

    private (DateTime Start, DateTime End) Span(int day, int hour, int minutes, bool allDay) => allDay
        ? (_day0.AddDays(day), _day0.AddDays(day + minutes / 60))
        : (Time(day, hour), Time(day, hour).AddMinutes(minutes));

    private (DateTime Start, DateTime End, bool AllDay)? TimeOf(EventEdit change)
    {
        if (change.Time is not { } c) return null;
        var (start, end) = Span(c.Day, c.Hour, c.Minutes, c.AllDay);
        return (start, end, c.AllDay);
    }

    private async Task CreateAsync(Side side, EventSpec spec)
    {
        var tag = _events.Count + 1;
        var title = Tag(tag) + spec.Word;
        var (start, end) = Span(spec.Day, spec.Hour, spec.Minutes, spec.AllDay);
        switch (side)
        {
            case Side.App:
                var created = await Api.PostJsonAsync("/api/events", new
                {
                    title, start = Utc(start), end = Utc(end), allDay = spec.AllDay, location = spec.Location, description = spec.Description,
                    notes = spec.Notes, timeZone = spec.AllDay ? null : "UTC", recurrence = spec.Rule,
                });
                await ExpectAsync(created, HttpStatusCode.Created, "create in the app");
                break;
            case Side.Google:
                _world.Google.InsertEvent(CalendarId, new GoogleEvent
                {
                    Summary = title, Description = spec.Description, Location = spec.Location,
                    Start = GoogleTime(start, spec.AllDay), End = GoogleTime(end, spec.AllDay),
                    Recurrence = spec.Rule is null ? null : [spec.Rule],
                });
                break;
            case Side.Notion:
                // Notion has no recurrence: a person there makes a single page.
                _world.App.CreatePage(_notion, title, NotionDate(start, end, spec.AllDay), spec.Location, spec.Description, spec.Notes);
                break;
        }
        _events.Add((tag, spec.Rule is not null && side != Side.Notion));
    }

    private async Task EditAsync(Side side, int? tag, EventEdit change)
    {
        if (tag is not { } t) return;
        var title = change.Word is null ? null : Tag(t) + change.Word;
        var time = TimeOf(change);
        switch (side)
        {
            case Side.App:
                if (await AppEventAsync(t) is not { } e) return;
                var put = await Api.PutJsonAsync($"/api/events?id={e.Id}", new
                {
                    title = title ?? e.Title,
                    start = Utc(time?.Start ?? e.Start), end = Utc(time?.End ?? e.End), allDay = time?.AllDay ?? e.IsAllDay,
                    location = change.Location ?? e.Location, description = change.Description ?? e.Description, notes = change.Notes ?? e.Notes,
                    timeZone = (time?.AllDay ?? e.IsAllDay) ? null : e.TimeZone ?? "UTC", recurrence = e.Recurrence,
                });
                // A series cannot become all-day (its rule needs a zone): a refusal the user would see, not a sync matter.
                if (put.StatusCode == HttpStatusCode.BadRequest && e.Recurrence is not null) return;
                await ExpectAsync(put, HttpStatusCode.OK, "edit in the app");
                break;
            case Side.Google:
                if (GoogleEventFor(t) is not { } g) return;
                var patch = new JsonObject();
                if (title is not null) patch["summary"] = title;
                if (change.Description is not null) patch["description"] = change.Description;
                if (change.Location is not null) patch["location"] = change.Location;
                if (time is { } tm)
                {
                    if (tm.AllDay && g.Recurrence is { Count: > 0 }) return;
                    patch["start"] = GoogleTimeJson(tm.Start, tm.AllDay);
                    patch["end"] = GoogleTimeJson(tm.End, tm.AllDay);
                }
                // Google's UI has no field for the app's notes (they ride in a private property the UI does not show).
                if (patch.Count == 0) return;
                _world.Google.PatchEvent(CalendarId, g.Id!, patch);
                break;
            case Side.Notion:
                if (NotionPageFor(t) is not { } p) return;
                var properties = new Dictionary<string, JsonNode?>();
                if (title is not null) properties["Title"] = NotionValues.Title(title);
                if (change.Description is not null) properties["Description"] = NotionValues.RichText(change.Description);
                if (change.Location is not null) properties["Location"] = NotionValues.RichText(change.Location);
                if (change.Notes is not null) properties["Notes"] = NotionValues.RichText(change.Notes);
                if (time is { } tn) properties["Date"] = NotionDate(tn.Start, tn.End, tn.AllDay);
                _world.Notion.UpdatePageAsUser(p.Id, properties);
                break;
        }
    }

    private async Task DeleteAsync(Side side, int? tag)
    {
        if (tag is not { } t) return;
        switch (side)
        {
            case Side.App:
                if (await AppEventAsync(t) is not { } e) return;
                var deleted = await Api.DeleteAsync($"/api/events?id={e.Id}");
                await ExpectAsync(deleted, HttpStatusCode.NoContent, "delete in the app");
                break;
            case Side.Google:
                if (GoogleEventFor(t) is not { } g) return;
                _world.Google.DeleteEvent(CalendarId, g.Id!);
                break;
            case Side.Notion:
                if (NotionPageFor(t) is not { } p) return;
                _world.Notion.TrashPageAsUser(p.Id);
                break;
        }
        _deleted.Add(t);
    }

    private async Task PushAsync()
    {
        var integration = await _world.App.IntegrationAsync(_google.IntegrationId);
        var channel = _world.Google.ActiveChannels().FirstOrDefault(c => c.Id == integration.ChannelId);
        if (channel is null) return;
        await _world.App.Get<GoogleWebhookService>().HandleAsync(
            new GooglePushNotification(channel.Id, "exists", channel.ResourceId, channel.Token, "1"), default);
    }

    private void Inject(SyncCommand.Fault f)
    {
        FaultsInjected += f.Count;
        if (f.Target == FaultTarget.Google)
        {
            // Only the calendar API: a broken token endpoint makes the user reconnect, a state of its own, not a sync fault.
            var kind = f.Kind switch
            {
                FaultKindChoice.RateLimited => FaultKind.RateLimit429,
                FaultKindChoice.Error500 => FaultKind.Error500,
                FaultKindChoice.Error503 => FaultKind.Error503,
                FaultKindChoice.Timeout => FaultKind.Delay,
                FaultKindChoice.CommitThen500 => FaultKind.CommitThen500,
                _ => FaultKind.DropNotifications,
            };
            _world.Google.AddFault(new FaultRule(kind, f.Count, PathContains: kind == FaultKind.DropNotifications ? null : "/calendars/",
                RetryAfterSeconds: 1, DelayMs: 2500));
        }
        else
        {
            var kind = f.Kind switch
            {
                FaultKindChoice.RateLimited => NotionFaultKind.RateLimited429,
                FaultKindChoice.Error500 => NotionFaultKind.Error500,
                FaultKindChoice.Timeout => NotionFaultKind.Delay,
                FaultKindChoice.CommitThen500 => NotionFaultKind.CommitThen500,
                _ => NotionFaultKind.Error503,
            };
            _world.Notion.InjectFault(new NotionFault(kind, f.Count, RetryAfterSeconds: 1, DelayMs: 2500));
        }
    }

    private async Task DrainOnceAsync()
    {
        var dispatcher = _world.App.Get<Core.Sync.Outbox.OutboxDispatcher>();
        await dispatcher.DispatchDueAsync(_google.IntegrationId);
        await dispatcher.DispatchDueAsync(_notion.IntegrationId);
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        // Another side's deletion may have reached the app first: the event is gone, which is not a failure.
        if (response.StatusCode == HttpStatusCode.NotFound) return;
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static DateTimeOffset Utc(DateTime d) => new(DateTime.SpecifyKind(d, DateTimeKind.Utc));

    private static EventDateTime GoogleTime(DateTime utc, bool allDay) => allDay
        ? new EventDateTime(Date: utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        : new EventDateTime(DateTime: utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), TimeZone: "UTC");

    private static JsonObject GoogleTimeJson(DateTime utc, bool allDay) => allDay
        ? new JsonObject { ["date"] = utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["dateTime"] = null }
        : new JsonObject { ["dateTime"] = utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), ["timeZone"] = "UTC", ["date"] = null };

    /// <summary>Notion's date property: an all-day end is the last day, inclusive (none for a single day).</summary>
    private static JsonObject NotionDate(DateTime start, DateTime end, bool allDay) => allDay
        ? NotionValues.Date(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            end.AddDays(-1) > start ? end.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null)
        : NotionValues.Date(NotionTestKit.Iso(Utc(start)), NotionTestKit.Iso(Utc(end)));
}
