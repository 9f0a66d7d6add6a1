using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace SyncDashboard.Core.Persistence;

/// <summary>
/// Applies the versioned SQL scripts embedded under Persistence/Migrations, in name order, each once.
/// EF's own migrations need the Design package, which this registry lacks (see docs/decisions).
/// </summary>
public sealed class SchemaMigrator(IDbContextFactory<AppDbContext> dbFactory, ILogger<SchemaMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (connection.DataSource is { Length: > 0 } path && Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir)
            Directory.CreateDirectory(dir);
        await db.Database.OpenConnectionAsync(ct);
        // WAL lets the dashboard read while the sync engine writes.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await db.Database.ExecuteSqlRawAsync(
            "CREATE TABLE IF NOT EXISTS __schema_versions (version TEXT NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL);", ct);
        var applied = await db.Database.SqlQueryRaw<string>("SELECT version AS Value FROM __schema_versions").ToListAsync(ct);

        foreach (var (version, sql) in Scripts())
        {
            if (applied.Contains(version)) continue;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync(sql, ct);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO __schema_versions (version, applied_at) VALUES ({0}, {1});", [version, DateTime.UtcNow.ToString("O")], ct);
            await tx.CommitAsync(ct);
            logger.LogInformation("Applied database migration {Version} to {DataSource}", version, connection.DataSource);
        }
    }

    internal static IEnumerable<(string Version, string Sql)> Scripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        const string prefix = "SyncDashboard.Core.Persistence.Migrations.";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (name[prefix.Length..^".sql".Length], reader.ReadToEnd());
        }
    }
}
