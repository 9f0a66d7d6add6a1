using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Accounts;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Google;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Emulators.Google.Wire;

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
        if (!demo.Enabled || services.GetService<GoogleEmulator>() is not { } emulator) return;
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);
        try
        {
            await ConnectGoogleAsync(emulator, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Connecting the demo account to the emulated Google calendar failed");
        }
    }

    private async Task ConnectGoogleAsync(GoogleEmulator emulator, CancellationToken ct)
    {
        var user = await services.GetRequiredService<AccountService>().FindDemoAsync(ct);
        if (user is null) return;
        var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Integrations.AnyAsync(i => i.UserId == user.Id && i.Provider == Provider.Google, ct)) return;
        }

        const string email = "demo@example.com";
        var calendarId = emulator.PrimaryCalendarId(email);
        if (emulator.Events(calendarId).Count == 0) SeedGoogleSide(emulator, calendarId, Core.Events.UpcomingWindow.FindZone(user.TimeZone));

        var issued = emulator.IssueTokens(email, services.GetRequiredService<IOptions<GoogleOptions>>().Value.Scopes);
        var connect = services.GetRequiredService<GoogleConnectService>();
        var account = await connect.ConnectGrantAsync(user.Id, issued.ToTokenResponse(), ct);
        var primary = account.Calendars.First(c => c.Id == calendarId);
        await connect.AddCalendarsAsync(user.Id, account.CredentialId, [new CalendarChoice(primary.Id, primary.DisplayName, SyncDirection.TwoWay, true)], ct);
        logger.LogInformation("Connected demo user {UserId} to emulated Google calendar {CalendarId}", user.Id, calendarId);
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
