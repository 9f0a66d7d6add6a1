using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SyncDashboard.Emulators.Notion;

/// <summary>The emulated REST API under {prefix}/v1 (contract §8–§11).</summary>
internal static class NotionApiEndpoints
{
    public static void Map(IEndpointRouteBuilder v1, string prefix)
    {
        var api = v1.MapGroup("").AddEndpointFilter(new NotionRequestFilter(prefix, api: true));

        api.MapGet("/users/me", (HttpContext http, NotionEmulator e) => NotionRequestFilter.Json(e.BotUser(NotionRequestFilter.Caller(http))));

        api.MapPost("/search", async (HttpContext http, NotionEmulator e) =>
            NotionRequestFilter.Json(e.Search(NotionRequestFilter.Caller(http), await NotionRequestFilter.ReadBodyAsync(http.Request), NotionRequestFilter.Version(http))));

        api.MapGet("/databases/{id}", (string id, HttpContext http, NotionEmulator e) =>
            NotionRequestFilter.Json(e.GetDatabase(NotionRequestFilter.Caller(http), id, NotionRequestFilter.Version(http))));

        api.MapPost("/databases/{id}/query", async (string id, HttpContext http, NotionEmulator e) =>
        {
            var version = NotionRequestFilter.Version(http);
            if (NotionVersion.HasDataSources(version)) throw InvalidUrl($"databases/{{id}}/query is replaced by data_sources/{{id}}/query from {NotionVersion.DataSources}.");
            var body = await NotionRequestFilter.ReadBodyAsync(http.Request);
            return NotionRequestFilter.Json(e.Query(NotionRequestFilter.Caller(http), id, byDatabase: true, body, version, FilterProperties(http)));
        });

        api.MapGet("/data_sources/{id}", (string id, HttpContext http, NotionEmulator e) =>
        {
            var version = RequireDataSourceVersion(http);
            return NotionRequestFilter.Json(e.GetDataSource(NotionRequestFilter.Caller(http), id, version));
        });

        api.MapPost("/data_sources/{id}/query", async (string id, HttpContext http, NotionEmulator e) =>
        {
            var version = RequireDataSourceVersion(http);
            var body = await NotionRequestFilter.ReadBodyAsync(http.Request);
            return NotionRequestFilter.Json(e.Query(NotionRequestFilter.Caller(http), id, byDatabase: false, body, version, FilterProperties(http)));
        });

        api.MapPost("/pages", async (HttpContext http, NotionEmulator e) =>
            NotionRequestFilter.Json(e.CreatePage(NotionRequestFilter.Caller(http), await NotionRequestFilter.ReadBodyAsync(http.Request), NotionRequestFilter.Version(http))));

        api.MapGet("/pages/{id}", (string id, HttpContext http, NotionEmulator e) =>
            NotionRequestFilter.Json(e.GetPage(NotionRequestFilter.Caller(http), id, NotionRequestFilter.Version(http), FilterProperties(http))));

        api.MapPatch("/pages/{id}", async (string id, HttpContext http, NotionEmulator e) =>
            NotionRequestFilter.Json(e.UpdatePage(NotionRequestFilter.Caller(http), id, await NotionRequestFilter.ReadBodyAsync(http.Request), NotionRequestFilter.Version(http))));

        // Anything else under /v1 is answered as Notion does for unknown paths.
        v1.MapFallback("{*path}", (HttpContext http) =>
            NotionRequestFilter.Error(http, 400, "invalid_request_url", "Invalid request URL."));
    }

    private static NotionApiException InvalidUrl(string detail) => new(400, "invalid_request_url", "Invalid request URL. " + detail);

    private static string RequireDataSourceVersion(HttpContext http)
    {
        var version = NotionRequestFilter.Version(http);
        return NotionVersion.HasDataSources(version) ? version
            : throw InvalidUrl($"Data source endpoints need Notion-Version {NotionVersion.DataSources} or later.");
    }

    /// <summary>?filter_properties=a&amp;filter_properties=b (also the [] form) trims the returned properties.</summary>
    private static HashSet<string>? FilterProperties(HttpContext http)
    {
        var values = http.Request.Query["filter_properties"].Concat(http.Request.Query["filter_properties[]"])
            .Where(v => !string.IsNullOrEmpty(v)).Select(v => Uri.UnescapeDataString(v!)).ToHashSet();
        return values.Count == 0 ? null : values;
    }
}
