using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Notion;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Security;
using SyncDashboard.Emulators.Notion;

namespace SyncDashboard.Tests.Notion;

/// <summary>
/// The Notion emulator alone in a Kestrel host on 127.0.0.1, plus Core's Notion services over a real SQLite file —
/// no web app. Each test makes its own database and integration (own credential, so own rate-limit bucket).
/// </summary>
public sealed class NotionEmulatorFixture : IAsyncLifetime
{
    public const string Prefix = "/emulator/notion";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "syncdashboard-notion-tests", Guid.NewGuid().ToString("N"));
    private WebApplication? _host;

    public NotionEmulator Emulator { get; private set; } = null!;
    public NotionDemoWorkspace Demo { get; private set; } = null!;
    public string Origin { get; private set; } = "";
    public ServiceProvider Services { get; private set; } = null!;
    public NotionCalendarProvider Provider => Services.GetRequiredService<NotionCalendarProvider>();
    public NotionClient Client => Services.GetRequiredService<NotionClient>();

    public static readonly IReadOnlyList<NotionPropertyDefinition> SchemaWithId =
        [.. NotionEmulator.CalendarSchema, new(NotionPropertyMapping.DefaultAppEventIdProperty, "rich_text")];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Emulators:Notion:RequestsPerSecond"] = "0", // tests that need the limit switch it on
            ["Emulators:Notion:SeedDemo"] = "false",
        });
        builder.Services.AddNotionEmulator(builder.Configuration);
        _host = builder.Build();
        _host.MapNotionEmulator(Prefix);
        await _host.StartAsync();
        Origin = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        Emulator = _host.Services.GetRequiredService<NotionEmulator>();
        Demo = Emulator.SeedDemo();
        Services = BuildServices(new() { ["Notion:RequestsPerSecond"] = "50" });
        await Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
    }

    /// <summary>Core's Notion services against this emulator and database; <paramref name="settings"/> override config.</summary>
    public ServiceProvider BuildServices(Dictionary<string, string?> settings)
    {
        var config = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(_dir, "app.db")}",
            ["TokenProtection:ActiveKeyId"] = "test",
            ["TokenProtection:Keys:test"] = Key,
            ["Notion:ApiBaseUrl"] = Prefix + "/v1/",
        };
        foreach (var (k, v) in settings) config[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(config).Build();
        return new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IAppBaseAddress>(new FixedBaseAddress(new Uri(Origin + "/")))
            .AddPersistence(configuration, _dir)
            .AddTokenProtection(configuration)
            .AddNotion(configuration)
            .BuildServiceProvider();
    }

    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A fresh "Calendar" database shared with the demo connection (with or without the app-id property).</summary>
    public NotionDatabaseInfo NewDatabase(bool withIdProperty = true, IEnumerable<NotionPropertyDefinition>? schema = null)
    {
        var db = Emulator.CreateDatabase(Demo.Workspace.Id, "Calendar " + Guid.NewGuid().ToString("N")[..6],
            schema ?? (withIdProperty ? SchemaWithId : NotionEmulator.CalendarSchema));
        Emulator.ShareDatabase(db.Id, Demo.InternalIntegration.BotId);
        return db;
    }

    /// <summary>A user, a credential holding the sealed token JSON and an integration row for <paramref name="databaseId"/>.</summary>
    public async Task<Core.Domain.Integration> NewIntegrationAsync(string databaseId, NotionPropertyMapping? mapping, string? token = null)
    {
        var protector = Services.GetRequiredService<ITokenProtector>();
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var user = new User { Email = $"{Guid.NewGuid():N}@example.com", DisplayName = "Notion tester" };
        var credential = new ProviderCredential
        {
            UserId = user.Id, Provider = Core.Domain.Provider.Notion, AccountName = NotionEmulator.DemoWorkspaceName,
            ProtectedTokens = NotionTokenSource.Seal(protector,
                new NotionTokenSet(token ?? Demo.InternalIntegration.Token, null, NotionEmulator.DemoWorkspaceName)),
        };
        var integration = new Core.Domain.Integration
        {
            UserId = user.Id, Provider = Core.Domain.Provider.Notion, CredentialId = credential.Id, DisplayName = "Calendar",
            ExternalId = databaseId, PropertyMapping = mapping?.ToJson(), IsHome = true,
        };
        db.AddRange(user, credential, integration);
        await db.SaveChangesAsync();
        return integration;
    }

    public string CreatePageAsUser(NotionDatabaseInfo db, string title, string date, string? notes = null)
    {
        var props = new Dictionary<string, JsonNode?> { ["Title"] = NotionValues.Title(title), ["Date"] = NotionValues.Date(date) };
        if (notes is not null) props["Notes"] = NotionValues.RichText(notes);
        return Emulator.CreatePageAsUser(db.DataSourceId, props);
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { /* SQLite may still hold the file briefly */ }
    }

    private sealed class FixedBaseAddress(Uri origin) : IAppBaseAddress
    {
        // On Unix "/path" parses as an absolute file URI, so test for a scheme instead.
        public Uri Resolve(string urlOrPath) => urlOrPath.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? new Uri(urlOrPath) : new Uri(origin, urlOrPath);
    }
}

/// <summary>A clock the test moves by hand (for the emulator's last_edited_time).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
}
