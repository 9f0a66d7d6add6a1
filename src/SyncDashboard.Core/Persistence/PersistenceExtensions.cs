using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SyncDashboard.Core.Persistence;

public static class PersistenceExtensions
{
    public const string DefaultConnectionString = "Data Source=App_Data/syncdashboard.db";

    /// <param name="baseDirectory">Relative SQLite paths are resolved against it (the content root), not the process's current directory.</param>
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration, string baseDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(configuration.GetConnectionString("Default") ?? DefaultConnectionString);
        if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && !Path.IsPathRooted(path))
            builder.DataSource = Path.Combine(baseDirectory, path);
        var connectionString = builder.ToString();
        services.AddSingleton<TimestampInterceptor>();
        // A context per operation: interactive circuits live for hours and must never hold one.
        services.AddDbContextFactory<AppDbContext>((sp, options) => options
            .UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(30))
            .AddInterceptors(sp.GetRequiredService<TimestampInterceptor>()));
        services.AddSingleton<SchemaMigrator>();
        return services;
    }
}
