using System.Net.Http.Json;
using System.Text.Json;

namespace SyncDashboard.Tests.Infrastructure;

public static class Json
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The app's own API options (enums as UPPER_SNAKE names), for reading answers into the app's DTO types.</summary>
    public static readonly JsonSerializerOptions App = AppOptions();

    private static JsonSerializerOptions AppOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        SyncDashboard.Web.Infrastructure.AppJson.Configure(options);
        return options;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Web))!;

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Web);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, Web);
}
