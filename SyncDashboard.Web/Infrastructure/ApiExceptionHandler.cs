using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using SyncDashboard.Core.Common;

namespace SyncDashboard.Web.Infrastructure;

/// <summary>The one place exceptions become problem details, so every endpoint answers errors the same way.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title, errors) = exception switch
        {
            InputValidationException v => (StatusCodes.Status400BadRequest, "The request is not valid.", v.Errors),
            BadHttpRequestException { InnerException: JsonException j } => (StatusCodes.Status400BadRequest, "The request body is not valid JSON: " + j.Message, null),
            BadHttpRequestException b => (b.StatusCode, b.Message, null),
            NotFoundException n => (StatusCodes.Status404NotFound, n.Message, null),
            ConcurrencyConflictException c => (StatusCodes.Status409Conflict, c.Message, null),
            _ => (0, "", (IReadOnlyDictionary<string, string[]>?)null),
        };
        if (status == 0) return false;
        logger.LogInformation("Request {Method} {Path} answered {Status}: {Title}", context.Request.Method, context.Request.Path, status, title);

        context.Response.StatusCode = status;
        var problem = errors is null
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title }
            : new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value)) { Status = status, Title = title };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
