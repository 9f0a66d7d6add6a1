using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Migrations.Sqlite;

/// <summary>
/// Lets `dotnet ef` build the model without starting the web host (whose demo start-up would seed data and open
/// emulators). The connection string only matters for `dotnet ef database update`.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(args.FirstOrDefault() ?? "Data Source=design-time.db", sqlite => sqlite.MigrationsAssembly(PersistenceExtensions.SqliteMigrationsAssembly))
            .Options);
}
