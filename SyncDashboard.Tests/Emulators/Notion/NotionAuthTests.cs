using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;
using SyncDashboard.Emulators.Notion;

namespace SyncDashboard.Tests.Emulators.Notion;

public sealed class NotionAuthTests
{
    [Fact]
    public async Task MissingNotionVersionGives400MissingVersion()
    {
        await using var host = await NotionTestHost.StartAsync();
        var r = await host.ApiAsync(HttpMethod.Post, "search", new JsonObject(), version: null);
        Assert.Equal(400, r.Status);
        Assert.Equal("error", r.Obj["object"]!.GetValue<string>());
        Assert.Equal("missing_version", r.Obj["code"]!.GetValue<string>());
        Assert.Equal(r.Obj["request_id"]!.GetValue<string>(), r.Raw.Headers.GetValues("x-notion-request-id").Single());
    }

    [Fact]
    public async Task BadTokenGives401Unauthorized()
    {
        await using var host = await NotionTestHost.StartAsync();
        var r = await host.ApiAsync(HttpMethod.Post, "search", new JsonObject(), token: "ntn_nope");
        Assert.Equal(401, r.Status);
        Assert.Equal("unauthorized", r.Obj["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task OAuthCodeExchangeRefreshRotationAndReuseOfOldRefreshToken()
    {
        await using var host = await NotionTestHost.StartAsync();
        var consent = await host.Http.GetStringAsync("v1/oauth/authorize?client_id=emulator-notion-client&response_type=code&owner=user&redirect_uri=" +
            Uri.EscapeDataString("http://127.0.0.1/cb") + "&state=xyz");
        Assert.Contains("Calendar", consent);
        Assert.Contains("checked", consent);

        var redirect = await Decide(host, "allow");
        var query = HttpUtility.ParseQueryString(redirect.Query);
        Assert.Equal("xyz", query["state"]);
        var code = query["code"]!;

        var bad = await Token(host, new JsonObject { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = "http://127.0.0.1/cb" }, "wrong");
        Assert.Equal(401, bad.Status);

        var first = await Token(host, new JsonObject { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = "http://127.0.0.1/cb" });
        Assert.Equal(200, first.Status);
        Assert.Equal("bearer", first.Obj["token_type"]!.GetValue<string>());
        Assert.Equal(host.Demo.Workspace.Id, first.Obj["workspace_id"]!.GetValue<string>());
        Assert.Equal("Demo Workspace", first.Obj["workspace_name"]!.GetValue<string>());
        Assert.True(first.Obj.ContainsKey("workspace_icon") && first.Obj["workspace_icon"] is null);
        Assert.Equal("user", first.Obj["owner"]!["type"]!.GetValue<string>());
        Assert.NotNull(first.Obj["bot_id"]);
        Assert.NotNull(first.Obj["request_id"]);

        var reused = await Token(host, new JsonObject { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = "http://127.0.0.1/cb" });
        Assert.Equal("invalid_grant", reused.Obj["code"]!.GetValue<string>());

        var oldRefresh = first.Obj["refresh_token"]!.GetValue<string>();
        var second = await Token(host, new JsonObject { ["grant_type"] = "refresh_token", ["refresh_token"] = oldRefresh });
        Assert.Equal(200, second.Status);
        Assert.NotEqual(oldRefresh, second.Obj["refresh_token"]!.GetValue<string>());
        Assert.Equal(first.Obj["bot_id"]!.GetValue<string>(), second.Obj["bot_id"]!.GetValue<string>());

        var again = await Token(host, new JsonObject { ["grant_type"] = "refresh_token", ["refresh_token"] = oldRefresh });
        Assert.Equal(400, again.Status);
        Assert.Equal("invalid_grant", again.Obj["code"]!.GetValue<string>());

        // The new access token sees the database the user ticked.
        var search = await host.ApiAsync(HttpMethod.Post, "search", new JsonObject(), token: second.Obj["access_token"]!.GetValue<string>());
        Assert.Equal(200, search.Status);
        Assert.Contains(search.Obj["results"]!.AsArray(), r => r!["id"]!.GetValue<string>() == host.Demo.Calendar.DataSourceId);
    }

    [Fact]
    public async Task OAuthCancelRedirectsWithAccessDenied()
    {
        await using var host = await NotionTestHost.StartAsync();
        var redirect = await Decide(host, "cancel");
        var query = HttpUtility.ParseQueryString(redirect.Query);
        Assert.Equal("access_denied", query["error"]);
        Assert.Equal("xyz", query["state"]);
        Assert.Null(query["code"]);
    }

    [Fact]
    public async Task ARevokedOAuthTokenNoLongerWorksWhileAnInternalSecretCannotBeRevokedThroughOAuth()
    {
        await using var host = await NotionTestHost.StartAsync();
        var code = HttpUtility.ParseQueryString((await Decide(host, "allow")).Query)["code"]!;
        var grant = await Token(host, new JsonObject { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = "http://127.0.0.1/cb" });
        var access = grant.Obj["access_token"]!.GetValue<string>();
        Assert.Equal(200, (await host.ApiAsync(HttpMethod.Get, "users/me", token: access)).Status);

        var revoked = await OAuth(host, "v1/oauth/revoke", new JsonObject { ["token"] = access });
        Assert.Equal(200, revoked.Status);
        var after = await host.ApiAsync(HttpMethod.Get, "users/me", token: access);
        Assert.Equal(401, after.Status);
        Assert.Equal("unauthorized", after.Obj["code"]!.GetValue<string>());

        // An internal integration's secret is refreshed by its owner in Notion, never revoked by an OAuth client.
        await OAuth(host, "v1/oauth/revoke", new JsonObject { ["token"] = host.Demo.InternalIntegration.Token });
        Assert.Equal(200, (await host.ApiAsync(HttpMethod.Get, "users/me")).Status);
    }

    private static async Task<Uri> Decide(NotionTestHost host, string action)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["workspace_id"] = host.Demo.Workspace.Id, ["database"] = host.Demo.Calendar.Id,
            ["redirect_uri"] = "http://127.0.0.1/cb", ["state"] = "xyz", ["action"] = action,
        });
        var response = await host.Http.PostAsync("_emulator/ui/oauth/decide", form);
        Assert.Equal(302, (int)response.StatusCode);
        return response.Headers.Location!;
    }

    private static Task<ApiResponse> Token(NotionTestHost host, JsonObject body, string secret = "emulator-notion-secret") =>
        OAuth(host, "v1/oauth/token", body, secret);

    private static async Task<ApiResponse> OAuth(NotionTestHost host, string path, JsonObject body, string secret = "emulator-notion-secret")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("emulator-notion-client:" + secret)));
        var response = await host.Http.SendAsync(request);
        return new ApiResponse((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()), response);
    }
}
