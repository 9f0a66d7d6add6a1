using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using SyncDashboard.Core.Idempotency;

namespace SyncDashboard.Web.Infrastructure.Idempotency;

/// <summary>
/// The HTTP side of <c>Idempotency-Key</c> (draft-ietf-httpapi-idempotency-key-header, Stripe's behaviour) on an
/// endpoint that creates a <typeparamref name="T"/>: the key is the signed-in user's; the first request runs and its
/// answer is kept; a retry of the same request gets that answer again (<c>Idempotent-Replayed: true</c>); the key with a
/// different request is 422, while its first request still runs 409, and a key that is empty or too long 400.
/// A request without the header is left alone.
/// </summary>
/// <param name="answer">How the endpoint answers with what it created; the same function its handler uses.</param>
internal sealed class IdempotencyKeyFilter<T>(Func<T, IResult> answer) : IEndpointFilter where T : notnull
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(IdempotencyKeys.Header, out var header)) return await next(context);
        var logger = http.RequestServices.GetRequiredService<ILogger<IdempotencyKeyFilter<T>>>();
        if (KeyFrom(header) is not { } key)
            return Refuse(logger, http, StatusCodes.Status400BadRequest,
                $"The {IdempotencyKeys.Header} header must hold one key of 1 to {IdempotencyKeys.MaxKeyLength} characters.");

        var keys = http.RequestServices.GetRequiredService<IdempotencyService>();
        var decision = await keys.BeginAsync(http.User.GetUserId(), key, Fingerprint(context),
            (created, _) => IdempotentAnswers.RenderAsync(http, answer((T)created)), http.RequestAborted);
        switch (decision)
        {
            case IdempotencyDecision.Replay replay:
                logger.LogInformation("Request {Method} {Path} replayed the answer ({Status}) kept for its Idempotency-Key",
                    http.Request.Method, http.Request.Path, replay.Answer.StatusCode);
                return new IdempotentAnswerResult(replay.Answer, replayed: true);
            case IdempotencyDecision.Mismatch:
                return Refuse(logger, http, StatusCodes.Status422UnprocessableEntity,
                    $"This {IdempotencyKeys.Header} was already used for a different request; use a new key for a new request.");
            case IdempotencyDecision.InProgress:
                http.Response.Headers.RetryAfter = "1";
                return Refuse(logger, http, StatusCodes.Status409Conflict,
                    $"A request with this {IdempotencyKeys.Header} is still being processed; retry once it has finished.");
        }

        var claim = ((IdempotencyDecision.Proceed)decision).Claim;
        http.Items[typeof(IdempotencyClaim)] = claim;
        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception ex) when (ApiExceptionHandler.ClientProblem(ex) is { } problem)
        {
            ApiExceptionHandler.LogClientError(logger, http, problem);
            result = TypedResults.Problem(problem);
        }
        catch
        {
            // A server fault is not kept: the retry runs again (unless the resource and its answer were committed).
            await keys.ReleaseAsync(claim, CancellationToken.None);
            throw;
        }

        // The creating service kept the answer in its own transaction: give exactly that.
        if (claim.Recorded is { } recorded) return new IdempotentAnswerResult(recorded, replayed: false);
        if (result is not IResult r)
        {
            await keys.ReleaseAsync(claim, CancellationToken.None);
            return result;
        }
        var given = await IdempotentAnswers.RenderAsync(http, r);
        if (given.StatusCode >= 500) await keys.ReleaseAsync(claim, CancellationToken.None);
        else await keys.CompleteAsync(claim, given, CancellationToken.None);
        return new IdempotentAnswerResult(given, replayed: false);
    }

    /// <summary>One key of 1–255 characters; the draft's quoted form (a structured-field string) counts as the bare key.</summary>
    private static string? KeyFrom(StringValues header)
    {
        if (header.Count != 1 || header[0] is not { } value) return null;
        value = value.Trim();
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"') value = value[1..^1];
        return value.Length is > 0 and <= IdempotencyKeys.MaxKeyLength ? value : null;
    }

    /// <summary>
    /// SHA-256 of method, path, query and the body as bound (serialised again), so a retry that differs only in JSON
    /// spacing or property order is the same request, and the key used on another endpoint is not.
    /// </summary>
    internal static string Fingerprint(EndpointFilterInvocationContext context)
    {
        var http = context.HttpContext;
        var bodyType = http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var body = bodyType is null ? null : context.Arguments.FirstOrDefault(a => a is not null && bodyType.IsInstanceOfType(a));
        var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var text = $"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}\n{(body is null ? "" : JsonSerializer.Serialize(body, bodyType!, json))}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static IResult Refuse(ILogger logger, HttpContext http, int status, string title)
    {
        var problem = new ProblemDetails { Status = status, Title = title };
        ApiExceptionHandler.LogClientError(logger, http, problem);
        return TypedResults.Problem(problem);
    }
}
