using System.Text;
using Microsoft.Net.Http.Headers;

namespace SyncDashboard.Web.Infrastructure;

/// <summary>
/// A body labelled with a charset .NET does not know (<c>application/json; charset=ebcdic</c>) cannot be read, and the
/// framework's JSON and form readers throw a plain <see cref="InvalidOperationException"/> for it, which became a 500.
/// Such a request is the client's media-type mistake, so it is answered 415 before anything reads it.
/// </summary>
public static class RequestCharsets
{
    public static IApplicationBuilder UseKnownRequestCharsets(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (IsReadable(context.Request.ContentType)) return next(context);
        context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        return Task.CompletedTask;
    });

    public static bool IsReadable(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || mediaType.Charset is not { Length: > 0 } charset) return true;
        try
        {
            Encoding.GetEncoding(charset.ToString());
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}
