using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Tests.Integration.Persistence;

/// <summary>The EF Core migrations against the model and against databases made by earlier versions, on real SQLite files.</summary>
public sealed class MigrationTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "syncdashboard-migration-tests", Guid.NewGuid().ToString("N"));

    public MigrationTests() => Directory.CreateDirectory(_dir);

    [Fact]
    public async Task ModelHasNoChangesMissingFromTheMigrations()
    {
        await using var services = Services("model.db");
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The EF model differs from the SQLite migrations: run `dotnet ef migrations add <Name> --project SyncDashboard.Migrations.Sqlite`.");
    }

    [Fact]
    public async Task MigratingTwiceAppliesEachMigrationOnce()
    {
        await using var services = Services("twice.db");
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task DatabaseMadeByTheSqlScriptMigratorIsAdoptedInPlaceWithItsData()
    {
        var legacy = Path.Combine(_dir, "legacy.db");
        await ExecuteAsync(legacy, LegacyInitialScript);
        await ExecuteAsync(legacy, """
            CREATE TABLE __schema_versions (version TEXT NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL);
            INSERT INTO __schema_versions VALUES ('001_initial', '2026-11-20T10:00:00.0000000Z');
            INSERT INTO Users (Id, Email, DisplayName, PasswordHash, TimeZone, IsDemo, CreatedAt)
            VALUES ('5B4C1F36-3A5E-4D43-9D0E-6F9F3CBB0A11', 'kept@example.com', 'Kept', 'x', 'UTC', 0, '2026-11-20 10:00:00');
            """);

        await using (var services = Services("legacy.db"))
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal("kept@example.com", (await db.Users.SingleAsync()).Email);
        }
        Assert.DoesNotContain("__schema_versions", await TablesAsync(legacy));

        await using (var fresh = Services("fresh.db")) await fresh.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var freshSchema = await SchemaAsync(Path.Combine(_dir, "fresh.db"));
        Assert.Contains(freshSchema, line => line.StartsWith("Events index", StringComparison.Ordinal));
        Assert.Equal(freshSchema, await SchemaAsync(legacy));
    }

    [Fact]
    public async Task NotionWebhookTokensStoredThroughTheRetiredUrlAreForgotten()
    {
        var path = Path.Combine(_dir, "webhooks.db");
        await using var services = Services("webhooks.db");
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var all = db.Database.GetMigrations().ToList();
            var before = all[all.FindIndex(m => m.EndsWith("_NotionWebhookSetupWindow", StringComparison.Ordinal)) - 1];
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(before);
        }
        // A token the old ?integration=<id> URL stored for whoever posted first (ADR 0011).
        await ExecuteAsync(path, """
            INSERT INTO Users (Id, Email, DisplayName, PasswordHash, TimeZone, IsDemo, CreatedAt, SecurityStamp)
            VALUES ('5B4C1F36-3A5E-4D43-9D0E-6F9F3CBB0A12', 'notion@example.com', 'Notion', 'x', 'UTC', 0, '2026-11-20 10:00:00', 'stamp');
            INSERT INTO Integrations (Id, UserId, Provider, DisplayName, ExternalId, Direction, IsHome, Status, IsActive, CreatedAt, UpdatedAt, WebhookSecretProtected)
            VALUES ('0D9B7C1E-5F0A-4F8E-9E55-3C2B1A0F9E01', '5B4C1F36-3A5E-4D43-9D0E-6F9F3CBB0A12', 2, 'Calendar', 'db-1', 0, 1, 0, 1,
                    '2026-11-20 10:00:00', '2026-11-20 10:00:00', 'sealed-first-come-token');
            """);

        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();

        Assert.Equal(["Calendar|"], await QueryAsync(path, "SELECT DisplayName || '|' || ifnull(WebhookSecretProtected, '') FROM Integrations"));
    }

    [Fact]
    public async Task DatabaseFromAnUnknownScriptVersionIsRefusedWithAClearMessage()
    {
        var path = Path.Combine(_dir, "unknown.db");
        await ExecuteAsync(path, LegacyInitialScript);
        await ExecuteAsync(path, """
            CREATE TABLE __schema_versions (version TEXT NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL);
            INSERT INTO __schema_versions VALUES ('001_initial', 'x'), ('002_future', 'x');
            """);
        await using var services = Services("unknown.db");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => services.GetRequiredService<DatabaseMigrator>().MigrateAsync());
        Assert.Contains("002_future", error.Message);
        Assert.Contains("__schema_versions", await TablesAsync(path));
    }

    private static string LegacyInitialScript =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Integration", "Persistence", "legacy-001_initial.sql"));

    private ServiceProvider Services(string file)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={file}" }).Build();
        return new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddSingleton(TimeProvider.System)
            .AddPersistence(configuration, _dir).BuildServiceProvider();
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> TablesAsync(string path) =>
        await QueryAsync(path, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");

    /// <summary>Every application table's columns (name, type, nullability, key) and every index with its columns and uniqueness.</summary>
    private static async Task<List<string>> SchemaAsync(string path)
    {
        var schema = new List<string>();
        foreach (var table in (await TablesAsync(path)).Where(t => !t.StartsWith("__", StringComparison.Ordinal) && !t.StartsWith("sqlite_", StringComparison.Ordinal)))
        {
            schema.AddRange(await QueryAsync(path, $"SELECT '{table}.' || name || ' ' || type || ' notnull=' || \"notnull\" || ' pk=' || pk FROM pragma_table_info('{table}') ORDER BY name"));
            schema.AddRange(await QueryAsync(path,
                $"SELECT '{table} index ' || il.name || ' unique=' || il.\"unique\" || ' (' || (SELECT group_concat(name, ',') FROM pragma_index_info(il.name)) || ')' FROM pragma_index_list('{table}') il WHERE il.origin = 'c' ORDER BY il.name"));
        }
        return schema;
    }

    private static async Task<List<string>> QueryAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
