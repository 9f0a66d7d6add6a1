using Microsoft.OpenApi;
using SyncDashboard.Core.Idempotency;

namespace SyncDashboard.Web.Infrastructure.Idempotency;

public static class IdempotencyExtensions
{
    public static IServiceCollection AddIdempotencyKeys(this IServiceCollection services)
    {
        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section)
            .Validate(o => o.KeyLifetime > TimeSpan.Zero, "Idempotency:KeyLifetime must be positive (e.g. 1.00:00:00).")
            .Validate(o => o.PurgeInterval > TimeSpan.Zero, "Idempotency:PurgeInterval must be positive (e.g. 01:00:00).")
            .ValidateOnStart();
        services.AddSingleton<IdempotencyService>();
        services.AddHostedService<IdempotencyHousekeeping>();
        return services;
    }

    /// <summary>
    /// Lets callers retry this creating endpoint safely with an <c>Idempotency-Key</c> header (see
    /// <see cref="IdempotencyKeyFilter{T}"/>); the handler passes <see cref="IdempotencyClaim(HttpContext)"/> to its service.
    /// </summary>
    /// <param name="answer">How the endpoint answers with what it created — the same function its handler returns.</param>
    public static RouteHandlerBuilder WithIdempotencyKey<T>(this RouteHandlerBuilder endpoint, Func<T, IResult> answer) where T : notnull =>
        endpoint.AddEndpointFilter(new IdempotencyKeyFilter<T>(answer))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotencyKeys.Header,
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = $"Makes a retry safe: the first answer to a key (1–{IdempotencyKeys.MaxKeyLength} characters, the user's own, kept "
                        + $"for a day by default) is given again, marked {IdempotencyKeys.ReplayedHeader}: true, and nothing new is created. The key "
                        + "with a different request is 422; while its first request still runs, 409. Server errors (5xx) are not kept.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKeys.MaxKeyLength },
                });
                return Task.CompletedTask;
            });

    /// <summary>The Idempotency-Key this request holds, for the creating service to record its answer with; null without the header.</summary>
    public static IdempotencyClaim? IdempotencyClaim(this HttpContext http) =>
        http.Items.TryGetValue(typeof(IdempotencyClaim), out var claim) ? claim as IdempotencyClaim : null;
}
