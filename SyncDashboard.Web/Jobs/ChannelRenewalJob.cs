using Microsoft.Extensions.Options;
using Quartz;
using SyncDashboard.Core.Google;
using SyncDashboard.Core.Sync;

namespace SyncDashboard.Web.Jobs;

/// <summary>Opens a new Google push channel well before the old one expires, then stops the old one.</summary>
[DisallowConcurrentExecution]
internal sealed class ChannelRenewalJob(GoogleChannelService channels, IOptions<SyncOptions> options) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken ct) =>
        new(channels.RenewExpiringAsync(options.Value.ChannelRenewBefore, ct));
}
