using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Web.Infrastructure;

/// <summary>Healthy when the database answers a query (the EF health-check package is not in this registry).</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<AppDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Users.AnyAsync(ct);
            return HealthCheckResult.Healthy("The database is reachable.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The database is not reachable.", ex);
        }
    }
}
