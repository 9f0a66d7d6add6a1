namespace SyncDashboard.Web.Components.Shared;

/// <summary>
/// The culture the browser asks for (its most preferred Accept-Language), read once when the page is requested and
/// cascaded to the circuit, so dates and times read the way the user's own system writes them.
/// </summary>
public static class BrowserCulture
{
    public const string CascadingName = "BrowserCulture";

    public static string? Of(HttpContext? http) => http?.Request.GetTypedHeaders().AcceptLanguage
        .Where(l => l.Value.HasValue && l.Value.Value != "*")
        .OrderByDescending(l => l.Quality ?? 1)
        .Select(l => l.Value.Value)
        .FirstOrDefault();
}
