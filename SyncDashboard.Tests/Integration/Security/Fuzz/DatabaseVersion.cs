using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration.Security.Fuzz;

/// <summary>
/// SQLite's <c>PRAGMA data_version</c> on a connection of its own: it moves whenever any other connection commits,
/// so while it stands still the user's data cannot have changed and the last digest still holds. Most fuzz requests
/// are rejected and commit nothing, so this saves most digests.
/// </summary>
public sealed class DatabaseVersion : IDisposable
{
    private readonly SqliteConnection _connection;

    public DatabaseVersion(AppHost app)
    {
        _connection = new SqliteConnection(app.Get<IConfiguration>().GetConnectionString("Default"));
        _connection.Open();
    }

    public long Read()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose() => _connection.Dispose();
}
