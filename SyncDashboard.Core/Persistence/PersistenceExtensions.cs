using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SyncDashboard.Core.Persistence;

public static class PersistenceExtensions
{
    public const string DefaultConnectionString = "Data Source=App_Data/syncdashboard.db";

    /// <summary>Each provider has its own migrations (column types differ); this assembly holds SQLite's.</summary>
    public const string SqliteMigrationsAssembly = "SyncDashboard.Migrations.Sqlite";

    /// <param name="baseDirectory">Relative SQLite paths are resolved against it (the content root), not the process's current directory.</param>
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration, string baseDirectory)
    {
        var connectionString = ResolveSqliteConnectionString(configuration.GetConnectionString("Default") ?? DefaultConnectionString, baseDirectory);
        services.AddSingleton<TimestampInterceptor>();
        // A context per operation: interactive circuits live for hours and must never hold one.
        services.AddDbContextFactory<AppDbContext>((sp, options) => options
            .UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(30).MigrationsAssembly(SqliteMigrationsAssembly))
            .AddInterceptors(sp.GetRequiredService<TimestampInterceptor>()));
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }

    public static string ResolveSqliteConnectionString(string connectionString, string baseDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && !Path.IsPathRooted(path))
            builder.DataSource = Path.Combine(baseDirectory, path);
        return builder.ToString();
    }
}
