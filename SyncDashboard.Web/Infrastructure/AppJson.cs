using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;

namespace SyncDashboard.Web.Infrastructure;

/// <summary>
/// The one JSON setting the API, its OpenAPI document and the hub share: enums are written as UPPER_SNAKE names
/// ("GOOGLE", "DEAD_LETTERED", "TWO_WAY"), as the setup guide spells them, and read in any case; numbers are still read
/// from clients written before (ADR 0018).
/// </summary>
public static class AppJson
{
    public static void Configure(JsonSerializerOptions options) =>
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: true));

    public static IServiceCollection AddAppJson(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        return services;
    }

    public static ISignalRServerBuilder AddAppJson(this ISignalRServerBuilder signalR) =>
        signalR.AddJsonProtocol(o => Configure(o.PayloadSerializerOptions));
}
