using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SyncDashboard.Core.Sync.MassDelete;

public static class MassDeleteExtensions
{
    public static IServiceCollection AddMassDeleteGuard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MassDeleteOptions>().Bind(configuration.GetSection(MassDeleteOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InboundDeletionGuard>();
        services.AddSingleton<OutboundDeletionGuard>();
        services.AddSingleton<HeldDeletionService>();
        return services;
    }
}
