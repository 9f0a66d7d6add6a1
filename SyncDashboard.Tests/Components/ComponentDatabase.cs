using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using System.Security.Cryptography;
using SyncDashboard.Core;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Notion;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync;

namespace SyncDashboard.Tests.Components;

/// <summary>
/// Core's own services (events, upcoming, conflicts, Notion webhook set-up) over a real, migrated SQLite file for components that inject
/// them. One file per test class; each test makes its own user, so tests never see each other's rows.
/// </summary>
public sealed class ComponentDatabase : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "syncdashboard-component-tests", Guid.NewGuid().ToString("N"));
    private readonly string _sealingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The clock of <see cref="Services"/>; only timestamps depend on it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero));

    public ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        Services = BuildServices(Clock);
        await Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
    }

    /// <summary>The same services over the same file, reading time from <paramref name="clock"/>.</summary>
    public ServiceProvider BuildServices(TimeProvider clock)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(_dir, "app.db")}",
            ["TokenProtection:ActiveKeyId"] = "components",
            ["TokenProtection:Keys:components"] = _sealingKey,
        }).Build();
        return new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(clock)
            .AddPersistence(configuration, _dir)
            .AddEvents(configuration)
            .AddSyncEngine(configuration)
            .AddTokenProtection(configuration)
            .AddSingleton<IAppBaseAddress>(new FixedBaseAddress(new Uri("http://127.0.0.1:5080/")))
            .AddNotion(configuration)
            .BuildServiceProvider();
    }

    /// <summary>A Notion database of the user's (no connection behind it: enough for its webhook set-up).</summary>
    public async Task<Core.Domain.Integration> NewNotionIntegrationAsync(Guid userId, string displayName)
    {
        var integration = new Core.Domain.Integration
        {
            UserId = userId, Provider = Provider.Notion, DisplayName = displayName, ExternalId = Guid.NewGuid().ToString(),
        };
        await AddAsync(integration);
        return integration;
    }

    public async Task<Guid> NewUserAsync(string timeZone = "UTC")
    {
        var user = new User { Email = $"{Guid.NewGuid():N}@example.com", DisplayName = "Component tester", TimeZone = timeZone };
        await AddAsync(user);
        return user.Id;
    }

    /// <summary>A Google calendar the user's new events are exported to.</summary>
    public async Task<Core.Domain.Integration> NewIntegrationAsync(Guid userId, string displayName)
    {
        var integration = new Core.Domain.Integration
        {
            UserId = userId, Provider = Provider.Google, DisplayName = displayName, ExternalId = Guid.NewGuid().ToString("N"), IsHome = true,
        };
        await AddAsync(integration);
        return integration;
    }

    public async Task AddAsync(params object[] entities)
    {
        await using var db = await CreateDbContextAsync();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    public Task<AppDbContext> CreateDbContextAsync() =>
        Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    public async Task<List<CalendarEvent>> EventsOfAsync(Guid userId)
    {
        await using var db = await CreateDbContextAsync();
        return await db.Events.AsNoTracking().Where(e => e.UserId == userId).ToListAsync();
    }

    public async Task<Core.Domain.Integration> IntegrationAsync(Guid id)
    {
        await using var db = await CreateDbContextAsync();
        return await db.Integrations.AsNoTracking().FirstAsync(i => i.Id == id);
    }

    private sealed class FixedBaseAddress(Uri origin) : IAppBaseAddress
    {
        public Uri Resolve(string urlOrPath) => new(origin, urlOrPath);
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { /* SQLite may still hold the file briefly */ }
    }
}
