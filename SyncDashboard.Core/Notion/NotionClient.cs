using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Sync;
using SyncDashboard.Core.Sync.Http;

namespace SyncDashboard.Core.Notion;

/// <summary>
/// Who a call is for. Notion's budget (about 3 requests/s) belongs to the connection — the token — so every integration
/// (database) reached through one credential shares one rate-limit bucket.
/// </summary>
public sealed record NotionCallContext(Guid CredentialId)
{
    public string RateLimitKey => "notion:" + CredentialId;
}

/// <summary>
/// Typed client for the Notion REST API at a pinned Notion-Version (2025-09-03: databases hold data sources, which are
/// queried and written). Maps Notion's errors onto the sync engine's exceptions in one place; 404 comes back as null.
/// </summary>
public sealed class NotionClient(HttpClient http, IOptions<NotionOptions> options, IAppBaseAddress baseAddress, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Marks a POST that only reads (query, search), so a 500/503 may be retried like a GET.</summary>
    internal static readonly HttpRequestOptionsKey<bool> ReadOnlyRequest = new("sd.notion.readonly");

    /// <summary>
    /// The Notion SDK's policy: 500/503 are retried only for requests that cannot have changed anything. A create or
    /// update that failed that way may have landed, so it goes back to the outbox, whose create looks up first.
    /// </summary>
    public static bool MayRetryServerErrors(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Delete
        || (request.Options.TryGetValue(ReadOnlyRequest, out var readOnly) && readOnly);

    /// <summary>Data sources shared with the connection (search with filter value "data_source"), every page of them.</summary>
    public async Task<IReadOnlyList<NotionDataSource>> SearchDataSourcesAsync(NotionCallContext call, string? query, CancellationToken ct)
    {
        var all = new List<NotionDataSource>();
        string? cursor = null;
        do
        {
            var body = new NotionSearchRequest(query, new JsonObject { ["property"] = "object", ["value"] = "data_source" }, 100, cursor);
            var page = await SendAsync<NotionList<NotionDataSource>>(call, HttpMethod.Post, "search", body, ct, readOnly: true);
            all.AddRange(page?.Results ?? []);
            cursor = page is { HasMore: true } ? page.NextCursor : null;
        } while (cursor is not null);
        return all;
    }

    public Task<NotionDatabase?> RetrieveDatabaseAsync(NotionCallContext call, string databaseId, CancellationToken ct) =>
        SendAsync<NotionDatabase>(call, HttpMethod.Get, "databases/" + Escape(databaseId), null, ct);

    /// <summary>The data source with its property schema.</summary>
    public Task<NotionDataSource?> RetrieveDataSourceAsync(NotionCallContext call, string dataSourceId, CancellationToken ct) =>
        SendAsync<NotionDataSource>(call, HttpMethod.Get, "data_sources/" + Escape(dataSourceId), null, ct);

    /// <summary>One page of a data source query; null when the data source is gone or no longer shared.</summary>
    public Task<NotionList<NotionPage>?> QueryDataSourceAsync(NotionCallContext call, string dataSourceId, NotionQueryRequest query,
        CancellationToken ct, IReadOnlyCollection<string>? filterProperties = null)
    {
        var path = $"data_sources/{Escape(dataSourceId)}/query";
        if (filterProperties is { Count: > 0 }) path += "?" + string.Join('&', filterProperties.Select(p => "filter_properties=" + Uri.EscapeDataString(p)));
        return SendAsync<NotionList<NotionPage>>(call, HttpMethod.Post, path, query with { PageSize = Math.Clamp(query.PageSize, 1, 100) }, ct, readOnly: true);
    }

    public async Task<NotionPage> CreatePageAsync(NotionCallContext call, NotionCreatePageRequest page, CancellationToken ct) =>
        await SendAsync<NotionPage>(call, HttpMethod.Post, "pages", page, ct)
        ?? throw new PermanentProviderException("The Notion database is gone or no longer shared with the integration.");

    public Task<NotionPage?> RetrievePageAsync(NotionCallContext call, string pageId, CancellationToken ct) =>
        SendAsync<NotionPage>(call, HttpMethod.Get, "pages/" + Escape(pageId), null, ct);

    /// <summary>Only the properties sent change; <c>in_trash: true</c> trashes. Null when the page is gone.</summary>
    public Task<NotionPage?> UpdatePageAsync(NotionCallContext call, string pageId, NotionUpdatePageRequest update, CancellationToken ct) =>
        SendAsync<NotionPage>(call, HttpMethod.Patch, "pages/" + Escape(pageId), update, ct);

    /// <summary>The connection's bot user: the author of the pages this app creates.</summary>
    public async Task<NotionUser> GetBotUserAsync(NotionCallContext call, CancellationToken ct) =>
        await SendAsync<NotionUser>(call, HttpMethod.Get, "users/me", null, ct)
        ?? throw new ReconnectRequiredException("Notion does not know this connection any more — reconnect Notion on the Settings page.");

    private static string Escape(string id) => Uri.EscapeDataString(id);

    private async Task<T?> SendAsync<T>(NotionCallContext call, HttpMethod method, string path, object? body, CancellationToken ct, bool readOnly = false)
        where T : class
    {
        var o = options.Value;
        var baseUri = baseAddress.Resolve(o.ApiBaseUrl.EndsWith('/') ? o.ApiBaseUrl : o.ApiBaseUrl + "/");
        using var request = new HttpRequestMessage(method, new Uri(baseUri, path)).For(call.CredentialId, call.RateLimitKey);
        request.Headers.Add("Notion-Version", o.NotionVersion);
        if (readOnly) request.Options.Set(ReadOnlyRequest, true);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        using var response = await http.SendAsync(request, ct);

        if (response.IsSuccessStatusCode) return await response.Content.ReadFromJsonAsync<T>(Json, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        throw await NotionErrors.ToExceptionAsync(response, clock, ct);
    }
}
