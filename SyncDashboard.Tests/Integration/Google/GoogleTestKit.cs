using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Google;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Emulators.Google.Wire;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Web.Demo;

namespace SyncDashboard.Tests.Integration.Google;

public sealed record GoogleUser(TestUser User, string Email, string CalendarId, Guid IntegrationId, IssuedTokens Tokens);

/// <summary>A test user connected to their own emulated Google account through the same service the demo uses.</summary>
public static class GoogleTestKit
{
    public static readonly string[] Scopes = ["https://www.googleapis.com/auth/calendar"];

    public static async Task<GoogleUser> ConnectGoogleAsync(this AppHost app, SyncDirection direction = SyncDirection.TwoWay, TestUser? user = null)
    {
        user ??= await app.CreateUserAsync("google");
        var emulator = app.Get<GoogleEmulator>();
        var email = $"g{Guid.NewGuid():N}@example.com";
        emulator.CreateAccount(email, "Europe/Berlin", owner: user.EmulatorOwner);
        var calendarId = emulator.PrimaryCalendarId(email);
        var issued = emulator.IssueTokens(email, Scopes);
        var connect = app.Get<GoogleConnectService>();
        var account = await connect.ConnectGrantAsync(user.Id, issued.ToTokenResponse(), default);
        var ids = await connect.AddCalendarsAsync(user.Id, account.CredentialId, [new CalendarChoice(calendarId, "Primary", direction, true)], default);
        return new GoogleUser(user, email, calendarId, ids.Single(), issued);
    }

    /// <summary>Stops the calendar's push channel, so a change made in Google waits for the next pull instead of arriving by itself.</summary>
    public static async Task StopPushAsync(this GoogleUser g)
    {
        using var response = await g.User.Api.DeleteAsync($"/api/calendar/webhooks/google/?integrationId={g.IntegrationId}");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }

    public static GoogleEvent TimedEvent(string title, DateTimeOffset start, int minutes = 60, string? location = null) => new()
    {
        Summary = title, Location = location,
        Start = new EventDateTime(DateTime: start.ToString("yyyy-MM-dd'T'HH:mm:sszzz"), TimeZone: "Europe/Berlin"),
        End = new EventDateTime(DateTime: start.AddMinutes(minutes).ToString("yyyy-MM-dd'T'HH:mm:sszzz"), TimeZone: "Europe/Berlin"),
    };

    public static async Task<SyncDashboard.Core.Domain.Integration> IntegrationAsync(this AppHost app, Guid id)
    {
        await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Integrations.Include(i => i.Credential).AsNoTracking().FirstAsync(i => i.Id == id);
    }

    public static async Task<List<CalendarEvent>> AppEventsAsync(this AppHost app, Guid userId)
    {
        await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Events.AsNoTracking().Where(e => e.UserId == userId && !e.IsDeleted).ToListAsync();
    }

    public static async Task<List<ProviderCredential>> CredentialsAsync(this AppHost app, Guid userId)
    {
        await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Credentials.AsNoTracking().Where(c => c.UserId == userId).ToListAsync();
    }

    public static async Task<List<OutboxItem>> OutboxAsync(this AppHost app, Guid userId)
    {
        await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().Where(o => o.UserId == userId).ToListAsync();
    }

    /// <summary>The integration's recorded pull runs (or those of <paramref name="kind"/>; null: all), oldest first.</summary>
    public static async Task<List<SyncRun>> SyncRunsAsync(this AppHost app, Guid integrationId, SyncRunKind? kind = SyncRunKind.Pull)
    {
        await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.SyncRuns.AsNoTracking().Where(r => r.IntegrationId == integrationId && (kind == null || r.Kind == kind))
            .OrderBy(r => r.Id).ToListAsync();
    }
}
