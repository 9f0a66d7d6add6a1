using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration;

[Collection(AppCollection.Name)]
public sealed class SchemaMatchesModelTests(AppFixture fixture)
{
    [Fact]
    public async Task EveryMappedTableAndColumnExistsInTheMigratedDatabase()
    {
        await using var db = await fixture.App.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var columns = new HashSet<string>();
            await using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = $"PRAGMA table_info(\"{table}\")";
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync()) columns.Add(reader.GetString(1));
            }
            Assert.True(columns.Count > 0, $"table {table} is missing");
            foreach (var property in entity.GetProperties())
                Assert.Contains(property.GetColumnName(), columns);
        }
    }

    [Fact]
    public async Task MigratingTwiceIsANoOp()
    {
        await fixture.App.Get<SchemaMigrator>().MigrateAsync();
        await using var db = await fixture.App.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var versions = await db.Database.SqlQueryRaw<string>("SELECT version AS Value FROM __schema_versions").ToListAsync();
        Assert.Equal(versions.Distinct().Count(), versions.Count);
        Assert.Contains("001_initial", versions);
    }
}
