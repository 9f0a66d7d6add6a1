using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SyncDashboard.Web.Infrastructure.Idempotency;

namespace SyncDashboard.Web.Infrastructure;

public static class ApiInfrastructureExtensions
{
    /// <summary>
    /// Kestrel's default lets any request, signed in or not, upload 30 MB that binding reads into memory. The largest
    /// body the app takes is an event with every text field full and written as \u escapes (about 110 KB) or a webhook
    /// delivery (256 KB, <see cref="WebhookHttp.MaxBodyBytes"/>); more is refused with 413 before anything reads it.
    /// </summary>
    public const long MaxRequestBodyBytes = 512 * 1024;

    public static IServiceCollection AddApiInfrastructure(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.AddAppJson(); // with the OpenAPI document, which it tells the enum names
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddProblemDetails();
        // Malformed JSON then reaches ApiExceptionHandler and gets a message instead of an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ApiExceptionHandler>();
        // ApiExceptionHandler takes only client mistakes (4xx) and logs them itself, briefly and below Error; whatever
        // it declines is a server fault, which the middleware logs at Error with the exception. .NET 9 also logged the
        // handled ones at Error with a stack trace (most of the hostile run's error entries); .NET 10's default matches
        // this, said here so that an upgrade or a changed default cannot bring that back silently.
        services.Configure<ExceptionHandlerOptions>(o =>
            o.SuppressDiagnosticsCallback = c => c.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService);
        services.AddIdempotencyKeys();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static WebApplication UseApiInfrastructure(this WebApplication app)
    {
        // First, so that error pages, 404s and static files carry the headers too.
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseKnownRequestCharsets();
        app.UseStaticFiles();
        app.MapOpenApi();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResultStatusCodes = { [HealthStatus.Unhealthy] = 503 } });
        return app;
    }
}
