using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SyncDashboard.Core.Common;

namespace SyncDashboard.Web.Infrastructure;

/// <summary>The one place exceptions become problem details, so every endpoint answers errors the same way.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (ClientProblem(exception) is not { } problem) return false;
        LogClientError(logger, context, problem);
        context.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The problem a client mistake (4xx) is answered with; null for anything else, which is a server fault.</summary>
    public static ProblemDetails? ClientProblem(Exception exception)
    {
        var (status, title, errors) = exception switch
        {
            InputValidationException v => (StatusCodes.Status400BadRequest, "The request is not valid.", v.Errors),
            BadHttpRequestException { InnerException: JsonException j } => (StatusCodes.Status400BadRequest, "The request body is not valid JSON: " + j.Message, null),
            BadHttpRequestException b => (b.StatusCode, b.Message, null),
            NotFoundException n => (StatusCodes.Status404NotFound, n.Message, null),
            ConcurrencyConflictException c => (StatusCodes.Status409Conflict, c.Message, null),
            StateConflictException c => (StatusCodes.Status409Conflict, c.Message, null),
            _ => (0, "", (IReadOnlyDictionary<string, string[]>?)null),
        };
        if (status == 0) return null;
        return errors is null
            ? new ProblemDetails { Status = status, Title = title }
            : new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value)) { Status = status, Title = title };
    }

    /// <summary>Briefly and below Error: a client's mistake is not the server's.</summary>
    public static void LogClientError(ILogger logger, HttpContext context, ProblemDetails problem) =>
        logger.LogInformation("Request {Method} {Path} answered {Status}: {Title}", context.Request.Method, context.Request.Path, problem.Status, problem.Title);
}
