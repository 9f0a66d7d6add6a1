using System.Text;
using SyncDashboard.Core.Idempotency;

namespace SyncDashboard.Web.Infrastructure.Idempotency;

internal static class IdempotentAnswers
{
    /// <summary>
    /// What <paramref name="result"/> would send, captured by running it against a scratch response of the same request
    /// (same services, trace id and Accept header), so the kept answer is exactly what the endpoint writes.
    /// </summary>
    public static async Task<IdempotentAnswer> RenderAsync(HttpContext http, IResult result)
    {
        var scratch = new DefaultHttpContext { RequestServices = http.RequestServices, TraceIdentifier = http.TraceIdentifier };
        scratch.Request.Method = http.Request.Method;
        scratch.Request.Scheme = http.Request.Scheme;
        scratch.Request.Host = http.Request.Host;
        scratch.Request.PathBase = http.Request.PathBase;
        scratch.Request.Path = http.Request.Path;
        scratch.Request.Headers.Accept = http.Request.Headers.Accept;
        using var body = new MemoryStream();
        scratch.Response.Body = body;
        await result.ExecuteAsync(scratch);
        var location = scratch.Response.Headers.Location.ToString();
        return new IdempotentAnswer(scratch.Response.StatusCode, scratch.Response.ContentType,
            location.Length > 0 ? location : null, Encoding.UTF8.GetString(body.ToArray()));
    }
}

/// <summary>Writes a kept answer: the first time it is given, and to every retry (then marked as replayed).</summary>
internal sealed class IdempotentAnswerResult(IdempotentAnswer answer, bool replayed) : IResult
{
    public Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = answer.StatusCode;
        if (answer.ContentType is not null) http.Response.ContentType = answer.ContentType;
        if (answer.Location is not null) http.Response.Headers.Location = answer.Location;
        if (replayed) http.Response.Headers[IdempotencyKeys.ReplayedHeader] = "true";
        return http.Response.WriteAsync(answer.Body, http.RequestAborted);
    }
}
