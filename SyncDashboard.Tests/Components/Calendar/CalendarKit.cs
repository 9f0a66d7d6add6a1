using Bunit;
using MudBlazor.Services;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Formatting;
using SyncDashboard.Web.Calendar.Layout;
using SyncDashboard.Web.Calendar.Sources;
using SyncDashboard.Web.Components.Calendar;

namespace SyncDashboard.Tests.Components.Calendar;

/// <summary>Events as the list endpoint returns them, and the calendar's data around them, for the view tests.</summary>
internal static class CalendarKit
{
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Sun 29 Nov – Sat 5 Dec 2026: the en-US week the tests show.</summary>
    public static readonly DateOnly Sun29Nov = new(2026, 11, 29);

    /// <summary>"Now" far from the tests' dates unless a test names one.</summary>
    public static readonly DateTimeOffset FarAway = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }

    public static DateTimeOffset Local(int month, int day, int hour, int minute = 0, TimeZoneInfo? zone = null) =>
        ZonedTime.ToUtcOffset(new DateTime(2026, month, day, hour, minute, 0), zone ?? Berlin);

    public static EventDto Timed(string title, DateTimeOffset start, int minutes, Guid? origin = null, string? recurrence = null,
        params ExternalSyncStatus[] sync) =>
        new(Guid.NewGuid(), title, start, start.AddMinutes(minutes), false, null, null, null, "Europe/Berlin", recurrence, 1,
            start, sync, null, origin);

    public static EventDto AllDay(string title, DateOnly first, DateOnly endExclusive) =>
        new(Guid.NewGuid(), title, new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            new DateTimeOffset(endExclusive.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), true, null, null, null, null, null, 1,
            FarAway, [], null, null);

    public static ExternalSyncStatus Sync(LinkState state, string integration = "Work") =>
        new(Guid.NewGuid(), Provider.Google, integration, state, null, state == LinkState.Failed ? "Google said no." : null);

    public static CalendarData Data(IEnumerable<EventDto> events, DateTimeOffset? now = null, string culture = "en-US",
        CalendarSources? sources = null, LayoutOptions? options = null, TimeZoneInfo? zone = null)
    {
        var format = new DateTimeFormatter(DisplayPreferences.FromCulture(culture, zone ?? Berlin));
        return new CalendarData(events.ToList(), sources ?? CalendarSources.AppOnly, format,
            new LayoutContext(zone ?? Berlin, format.Preferences.WeekStart, now ?? FarAway, options));
    }

    public static CalendarSources Sources(params (Guid Id, string Name, Provider Provider, bool Connected)[] integrations) =>
        SourceColors.Assign(integrations.Select(i => new SourceColors.IntegrationInfo(i.Id, i.Provider, i.Name, i.Connected)).ToList());
}
