using Microsoft.Extensions.Options;
using Quartz;
using SyncDashboard.Core.Sync.Queue;

namespace SyncDashboard.Web.Jobs;

/// <summary>Deletes delivered outbox rows older than <see cref="QueueRetentionOptions.CompletedRetention"/>, everyone's.</summary>
[DisallowConcurrentExecution]
internal sealed class OutboxRetentionJob(OutboxQueueService queue, IOptions<QueueRetentionOptions> options) : IJob
{
    public static readonly JobKey Key = new(nameof(OutboxRetentionJob));

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) =>
        await queue.PurgeCompletedAsync(null, options.Value.CompletedRetention, ct);
}
