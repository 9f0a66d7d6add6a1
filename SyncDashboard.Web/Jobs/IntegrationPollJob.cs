using Quartz;
using SyncDashboard.Core.Sync.Polling;

namespace SyncDashboard.Web.Jobs;

/// <summary>One integration's poll (any provider); removes itself once the integration is gone.</summary>
[DisallowConcurrentExecution]
internal sealed class IntegrationPollJob(IntegrationPoller poller) : IJob
{
    public const string IntegrationIdKey = "integrationId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var integrationId = Guid.Parse(context.MergedJobDataMap.GetString(IntegrationIdKey)!);
        if (!await poller.PollAsync(integrationId, ct)) await context.Scheduler.DeleteJob(context.JobDetail.Key, ct);
    }
}
