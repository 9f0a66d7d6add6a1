using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SyncDashboard.Core.Sync.Queue;

public static class QueueExtensions
{
    public static IServiceCollection AddOutboxQueue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QueueRetentionOptions>().Bind(configuration.GetSection(QueueRetentionOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxQueueService>();
        return services;
    }
}
