using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace SyncDashboard.Core.Persistence;

/// <summary>
/// Brings the database to the newest EF Core migration at start. A database made by the SQL-script migrator of
/// earlier versions (table <c>__schema_versions</c>, script <c>001_initial</c>) has exactly the initial migration's
/// schema, so it is adopted in place: the initial migration is recorded as applied and the old table dropped.
/// </summary>
public sealed class DatabaseMigrator(IDbContextFactory<AppDbContext> dbFactory, ILogger<DatabaseMigrator> logger)
{
    private const string LegacyVersionsTable = "__schema_versions";
    private const string LegacyInitialScript = "001_initial";

    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (connection.DataSource is { Length: > 0 } path && Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir)
            Directory.CreateDirectory(dir);
        await db.Database.OpenConnectionAsync(ct);
        // WAL lets the dashboard read while the sync engine writes.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await AdoptLegacySchemaAsync(db, connection, ct);

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0) return;
        await db.Database.MigrateAsync(ct);
        logger.LogInformation("Applied database migrations {Migrations} to {DataSource}", pending, connection.DataSource);
    }

    private async Task AdoptLegacySchemaAsync(AppDbContext db, SqliteConnection connection, CancellationToken ct)
    {
        if (!await TableExistsAsync(connection, LegacyVersionsTable, ct)) return;
        var legacyVersions = await db.Database.SqlQueryRaw<string>($"SELECT version AS Value FROM {LegacyVersionsTable}").ToListAsync(ct);
        if (legacyVersions is not [LegacyInitialScript])
            throw new InvalidOperationException(
                $"The database {connection.DataSource} was made by an unknown version of SyncDashboard (scripts: {string.Join(", ", legacyVersions)}); move it aside to start afresh.");

        var initial = db.Database.GetMigrations().First();
        var history = db.GetService<IHistoryRepository>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), ct);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(initial, ProductInfo.GetVersion())), ct);
        await db.Database.ExecuteSqlRawAsync($"DROP TABLE {LegacyVersionsTable};", ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Adopted database {DataSource} made by the SQL-script migrator: {Script} recorded as EF migration {Migration}",
            connection.DataSource, LegacyInitialScript, initial);
    }

    private static async Task<bool> TableExistsAsync(SqliteConnection connection, string table, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        cmd.Parameters.AddWithValue("$name", table);
        return (long)(await cmd.ExecuteScalarAsync(ct))! > 0;
    }
}
