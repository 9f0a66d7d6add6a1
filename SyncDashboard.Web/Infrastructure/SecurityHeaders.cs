namespace SyncDashboard.Web.Infrastructure;

/// <summary>
/// Security headers on every response — pages, the API, static files, the emulators, errors — set in one place
/// just before the response starts, when its content type is known. HTML gets a policy that lets the Blazor
/// circuit and MudBlazor run and nothing else; every other response gets one that allows nothing, because a JSON
/// body or a script file is never meant to be rendered as a document.
/// </summary>
public static class SecurityHeaders
{
    // script-src 'self': blazor.web.js, MudBlazor.min.js and the widget are files served from here; no inline script.
    // style-src 'unsafe-inline': Blazor's reconnect dialog, MudBlazor components, the calendar's positions and
    // source colours, and the emulator pages set inline styles.
    // connect-src ws:/wss:: the circuit and the widget's hub connection are WebSockets to this host.
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var response = ((HttpContext)state).Response;
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers["Referrer-Policy"] = "same-origin";
            // Replaces Blazor's own frame-ancestors-only header so a page carries one complete policy.
            var html = response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
            response.Headers.ContentSecurityPolicy = html ? PagePolicy : ApiPolicy;
            return Task.CompletedTask;
        }, context);
        return next(context);
    });
}
