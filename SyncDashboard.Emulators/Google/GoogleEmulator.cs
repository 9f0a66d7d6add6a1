using Microsoft.Extensions.Options;
using SyncDashboard.Emulators.Google.Push;
using SyncDashboard.Emulators.Google.State;

namespace SyncDashboard.Emulators.Google;

/// <summary>
/// The emulated Google side: accounts, calendars, events, OAuth tokens, push channels and faults.
/// One lock guards all state; the HTTP endpoints and C# callers (seeding, tests) share these methods,
/// so a change made "as the Google user" looks exactly like an API write to a syncing client.
/// </summary>
public sealed partial class GoogleEmulator
{
    private readonly object _gate = new();
    private readonly EmulatorState _state;
    private readonly GoogleStateStore? _store;
    private readonly GooglePushQueue _push;

    public GoogleEmulator(IOptions<GoogleEmulatorOptions> options, TimeProvider? timeProvider = null,
        GooglePushQueue? pushQueue = null)
    {
        Options = options.Value;
        Time = timeProvider ?? TimeProvider.System;
        _push = pushQueue ?? new GooglePushQueue();
        _store = Options.StatePath is { Length: > 0 } path ? new GoogleStateStore(path) : null;
        _state = _store?.Load() ?? new EmulatorState();
        if (!_state.Accounts.ContainsKey(Normalize(Options.DefaultAccountEmail)))
        {
            CreateAccount(Options.DefaultAccountEmail, Options.DefaultTimeZone);
        }
    }

    public GoogleEmulatorOptions Options { get; }
    public TimeProvider Time { get; }
    public string DefaultAccountEmail => Options.DefaultAccountEmail;

    private DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Creates an account with a primary calendar whose id is the email (as on Google). Idempotent.</summary>
    /// <param name="owner">The host's person the account belongs to (see <see cref="ClaimAccount"/>).</param>
    public CalendarInfo CreateAccount(string email, string? timeZone = null, string? owner = null)
    {
        if (owner is not null) return ClaimAccount(email, owner, timeZone);
        lock (_gate)
        {
            var key = Normalize(email);
            if (!_state.Accounts.ContainsKey(key))
            {
                _state.Accounts[key] = new AccountState { Email = key };
            }
            var existing = PrimaryCalendarOf(key);
            if (existing is not null)
            {
                return ToInfo(existing);
            }
            return CreateCalendar(key, key, key, timeZone ?? Options.DefaultTimeZone, primary: true);
        }
    }

    public CalendarInfo CreateCalendar(string email, string calendarId, string summary, string timeZone,
        bool primary = false)
    {
        EventTimes.Zone(timeZone, "calendar");
        lock (_gate)
        {
            var key = Normalize(email);
            if (!_state.Accounts.TryGetValue(key, out var account))
            {
                account = _state.Accounts[key] = new AccountState { Email = key };
            }
            if (_state.Calendars.ContainsKey(calendarId))
            {
                throw GoogleApiException.Duplicate();
            }
            if (primary && PrimaryCalendarOf(key) is not null)
            {
                throw new InvalidOperationException($"{key} already has a primary calendar.");
            }
            var calendar = new CalendarState
            {
                Id = calendarId, OwnerEmail = key, Summary = summary, TimeZone = timeZone,
                Primary = primary, Updated = Now, ChangeSeq = 1,
            };
            _state.Calendars[calendarId] = calendar;
            account.CalendarIds.Add(calendarId);
            Persist();
            return ToInfo(calendar);
        }
    }

    /// <summary>Makes every sync token issued so far for the calendar answer 410 fullSyncRequired.</summary>
    public void InvalidateSyncTokens(string calendarId)
    {
        lock (_gate)
        {
            Calendar(DefaultAccountEmail, calendarId, ownerCheck: false).SyncEpoch++;
            Persist();
        }
    }

    public IReadOnlyList<string> Accounts()
    {
        lock (_gate) { return [.. _state.Accounts.Keys]; }
    }

    public IReadOnlyList<CalendarInfo> Calendars(string email)
    {
        lock (_gate)
        {
            return _state.Accounts.TryGetValue(Normalize(email), out var account)
                ? [.. account.CalendarIds.Select(id => ToInfo(_state.Calendars[id]))]
                : [];
        }
    }

    public string PrimaryCalendarId(string email)
    {
        lock (_gate)
        {
            return PrimaryCalendarOf(Normalize(email))?.Id ?? throw GoogleApiException.NotFound();
        }
    }

    /// <summary>Resolves <paramref name="calendarId"/> (or <c>primary</c>) for a caller; 404 when not theirs.</summary>
    private CalendarState Calendar(string email, string calendarId, bool ownerCheck = true)
    {
        if (calendarId == "primary")
        {
            return PrimaryCalendarOf(Normalize(email)) ?? throw GoogleApiException.NotFound();
        }
        if (!_state.Calendars.TryGetValue(calendarId, out var calendar)
            || (ownerCheck && !string.Equals(calendar.OwnerEmail, email, StringComparison.OrdinalIgnoreCase)))
        {
            throw GoogleApiException.NotFound();
        }
        return calendar;
    }

    private CalendarState? PrimaryCalendarOf(string email) =>
        _state.Accounts.TryGetValue(email, out var account)
            ? account.CalendarIds.Select(id => _state.Calendars[id]).FirstOrDefault(c => c.Primary)
            : null;

    private string NextEtag() => $"\"{3_400_000_000_000_000 + ++_state.VersionCounter}\"";

    private void Persist() => _store?.Save(_state);

    private static string Normalize(string email) => email.Trim().ToLowerInvariant();

    private static CalendarInfo ToInfo(CalendarState c) => new(c.Id, c.OwnerEmail, c.Summary, c.TimeZone, c.Primary);
}

public sealed record CalendarInfo(string Id, string OwnerEmail, string Summary, string TimeZone, bool Primary);
