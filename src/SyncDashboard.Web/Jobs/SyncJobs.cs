using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Google;
using SyncDashboard.Core.Persistence;
using SyncDashboard.Core.Sync;

namespace SyncDashboard.Web.Jobs;

// Jobs stay thin: each calls one Core service.

/// <summary>Sends due outbox rows (retries whose backoff has passed), behind the immediate wake-up after each commit.</summary>
[DisallowConcurrentExecution]
internal sealed class OutboxDispatchJob(OutboxDispatcher dispatcher) : IJob
{
    public Task Execute(IJobExecutionContext context) => dispatcher.DispatchDueAsync(ct: context.CancellationToken);
}

/// <summary>The safety net for lost push notifications: an incremental pull of every importing integration.</summary>
[DisallowConcurrentExecution]
internal sealed class SafetyNetSyncJob(IDbContextFactory<AppDbContext> dbFactory, PullQueue pulls) : IJob
{
    public async Task Execute(IJobExecutionContext context)
    {
        await using var db = await dbFactory.CreateDbContextAsync(context.CancellationToken);
        var ids = await db.Integrations.Where(i => i.IsActive && i.Direction != SyncDirection.ExportOnly && i.Provider == Provider.Google)
            .Select(i => i.Id).ToListAsync(context.CancellationToken);
        foreach (var id in ids) pulls.Request(id, SyncTrigger.Schedule);
    }
}

/// <summary>Opens a new push channel well before the old one expires, then stops the old one.</summary>
[DisallowConcurrentExecution]
internal sealed class ChannelRenewalJob(GoogleChannelService channels, IOptions<SyncOptions> options) : IJob
{
    public Task Execute(IJobExecutionContext context) => channels.RenewExpiringAsync(options.Value.ChannelRenewBefore, context.CancellationToken);
}
