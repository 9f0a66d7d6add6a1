using SyncDashboard.Core.Sync.Webhooks;

namespace SyncDashboard.Web.Infrastructure;

/// <summary>The HTTP side of provider webhooks, the same for Google and Notion.</summary>
internal static class WebhookHttp
{
    public const int MaxBodyBytes = 256 * 1024;

    public static IResult ToHttpResult(this WebhookResult result) => result.Verdict switch
    {
        WebhookVerdict.Handled => Results.Ok(),
        WebhookVerdict.Queued => Results.Accepted(),
        WebhookVerdict.Malformed => Results.Problem(result.Problem, statusCode: StatusCodes.Status400BadRequest),
        WebhookVerdict.Unauthenticated => Results.Problem(result.Problem, statusCode: StatusCodes.Status401Unauthorized),
        WebhookVerdict.UnknownSubscription => Results.Problem(result.Problem, statusCode: StatusCodes.Status404NotFound),
        WebhookVerdict.Conflict => Results.Problem(result.Problem, statusCode: StatusCodes.Status409Conflict),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result.Verdict, null),
    };

    public static IResult PayloadTooLarge() => Results.Problem("The payload is too large.", statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>The raw bytes (signatures cover them exactly); null past <see cref="MaxBodyBytes"/>.</summary>
    public static async Task<byte[]?> ReadLimitedBodyAsync(this HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
