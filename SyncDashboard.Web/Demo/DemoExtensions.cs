using System.Security.Cryptography;
using System.Text.Json;
using SyncDashboard.Core.Demo;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Web.Emulators;

namespace SyncDashboard.Web.Demo;

public static class DemoExtensions
{
    /// <summary>
    /// Demo mode is on unless <c>Demo:Enabled</c> says otherwise or real Google/Notion credentials are configured.
    /// In demo mode a missing token-protection key is created once under App_Data, so `dotnet run` needs no setup;
    /// outside demo mode a missing key stops the start with a message naming it.
    /// </summary>
    public static DemoMode AddDemoDefaults(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var hasRealCredentials = !string.IsNullOrEmpty(config["Google:ClientId"]) || !string.IsNullOrEmpty(config["Notion:ClientId"]);
        var enabled = config.GetValue<bool?>("Demo:Enabled") ?? !hasRealCredentials;
        var zone = config["Demo:TimeZone"] is { Length: > 0 } tz ? tz : TimeZoneInfo.Local.Id;

        if (enabled && string.IsNullOrEmpty(config["TokenProtection:ActiveKeyId"]))
        {
            var keyFile = Path.Combine(builder.Environment.ContentRootPath, config["Demo:KeyFile"] ?? "App_Data/token-protection-key.json");
            var key = LoadOrCreateKey(keyFile);
            config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["TokenProtection:ActiveKeyId"] = "demo-1",
                ["TokenProtection:Keys:demo-1"] = key,
            });
        }
        var demo = new DemoMode(enabled, zone);
        if (config.EmulatorsEnabled(demo))
            config.AddInMemoryCollection(EmulatorExtensions.ClientDefaults(config, builder.Environment.ContentRootPath));
        builder.Services.AddSingleton(demo);
        builder.Services.AddHostedService<DemoIntegrationsConnector>();
        return demo;
    }

    /// <summary>Migrates the database and, in demo mode, makes sure the demo account exists.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var demo = app.Services.GetRequiredService<DemoMode>();
        if (demo.Enabled) await app.Services.GetRequiredService<DemoSeeder>().EnsureDemoUserAsync(demo.TimeZone);
    }

    private static string LoadOrCreateKey(string path)
    {
        if (File.Exists(path)) return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!["key"];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(path, JsonSerializer.Serialize(new Dictionary<string, string> { ["key"] = key }));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
