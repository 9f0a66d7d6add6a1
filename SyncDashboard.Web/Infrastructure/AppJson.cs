using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.AspNetCore.SignalR;

namespace SyncDashboard.Web.Infrastructure;

/// <summary>
/// The one JSON setting the API, its OpenAPI document and the hub share: enums are written as UPPER_SNAKE names
/// ("GOOGLE", "DEAD_LETTERED", "TWO_WAY"), as the setup guide spells them, and read in any case; defined numbers are still
/// read from clients written before (ADR 0018).
/// </summary>
public static class AppJson
{
    public static void Configure(JsonSerializerOptions options) => options.Converters.Add(new UpperSnakeEnumConverter());

    public static IServiceCollection AddAppJson(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        // The document's schema generator knows only the framework's enum converter; it is told the names here.
        services.AddOpenApi(o => o.AddSchemaTransformer((schema, context, _) =>
        {
            if ((Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type) is { IsEnum: true } type)
            {
                schema.Type = JsonSchemaType.String | (type == context.JsonTypeInfo.Type ? 0 : JsonSchemaType.Null);
                schema.Enum = [.. Enum.GetValues(type).Cast<Enum>().Select(v => (JsonNode)JsonValue.Create(UpperSnakeEnumConverter.NameOf(v)))];
            }
            return Task.CompletedTask;
        }));
        return services;
    }

    public static ISignalRServerBuilder AddAppJson(this ISignalRServerBuilder signalR) =>
        signalR.AddJsonProtocol(o => Configure(o.PayloadSerializerOptions));
}
