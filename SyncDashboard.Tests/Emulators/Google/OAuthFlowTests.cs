using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace SyncDashboard.Tests.Emulators.Google;

public sealed class OAuthFlowTests(GoogleEmulatorHost host) : IClassFixture<GoogleEmulatorHost>
{
    private const string Redirect = "http://127.0.0.1:5000/oauth/google/callback";
    private const string Scope = "https://www.googleapis.com/auth/calendar.events https://www.googleapis.com/auth/calendar.readonly";

    private static Dictionary<string, string> AuthParams(string clientId = "emulator-google-client") => new()
    {
        ["client_id"] = clientId, ["redirect_uri"] = Redirect, ["response_type"] = "code", ["scope"] = Scope,
        ["state"] = "xyz123", ["access_type"] = "offline",
    };

    [Fact]
    public async Task ConsentPageShowsAppScopesAndAccount()
    {
        using var client = host.Client();
        var html = await client.GetStringAsync(QueryHelpers.AddQueryString("o/oauth2/v2/auth", AuthParams()!));

        Assert.Contains("SyncDashboard Tests", html);
        Assert.Contains("demo@example.com", html);
        Assert.Contains("https://www.googleapis.com/auth/calendar.events", html);
        Assert.Contains("value=\"allow\"", html);
        Assert.Contains("value=\"deny\"", html);
    }

    [Fact]
    public async Task ConsentPageRejectsUnknownClientAndBadRedirect()
    {
        using var client = host.Client();
        using var badClient = await client.GetAsync(QueryHelpers.AddQueryString("o/oauth2/v2/auth", AuthParams("other")!));
        var badRedirectParams = AuthParams();
        badRedirectParams["redirect_uri"] = "not a uri";
        using var badRedirect = await client.GetAsync(QueryHelpers.AddQueryString("o/oauth2/v2/auth", badRedirectParams!));

        Assert.Equal(HttpStatusCode.Unauthorized, badClient.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRedirect.StatusCode);
        Assert.Contains("redirect_uri_mismatch", await badRedirect.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DenyRedirectsWithAccessDenied()
    {
        var location = await DecideAsync("deny");

        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.StartsWith(Redirect, location.GetLeftPart(UriPartial.Path));
        Assert.Equal("access_denied", query["error"]);
        Assert.Equal("xyz123", query["state"]);
    }

    [Fact]
    public async Task CodeExchangeRefreshAndRevokeFollowGoogle()
    {
        var location = await DecideAsync("allow");
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("xyz123", query["state"]);
        Assert.Equal(Scope, query["scope"]);
        var code = query["code"].ToString();

        using var client = host.Client();
        var tokens = await PostTokenAsync(client, new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = Redirect,
            ["client_id"] = "emulator-google-client", ["client_secret"] = "emulator-google-secret",
        });
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.Equal("Bearer", tokens.Body.GetProperty("token_type").GetString());
        Assert.Equal(3600, tokens.Body.GetProperty("expires_in").GetInt32());
        Assert.Equal(Scope, tokens.Body.GetProperty("scope").GetString());
        var refresh = tokens.Body.GetProperty("refresh_token").GetString()!;
        var access = tokens.Body.GetProperty("access_token").GetString()!;

        var reused = await PostTokenAsync(client, new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = Redirect,
            ["client_id"] = "emulator-google-client", ["client_secret"] = "emulator-google-secret",
        });
        Assert.Equal(HttpStatusCode.BadRequest, reused.Status);
        Assert.Equal("invalid_grant", reused.Body.GetProperty("error").GetString());

        // Refresh with client credentials in a Basic header: a new access token, no new refresh token.
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("emulator-google-client:emulator-google-secret")));
        var refreshed = await PostTokenAsync(client, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh });
        client.DefaultRequestHeaders.Authorization = null;
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.False(refreshed.Body.TryGetProperty("refresh_token", out _));
        var newAccess = refreshed.Body.GetProperty("access_token").GetString()!;
        Assert.NotEqual(access, newAccess);
        using (var api = host.Client(newAccess))
        using (var list = await api.GetAsync("calendar/v3/calendars/primary/events"))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }

        using var revoke = await client.PostAsync($"revoke?token={Uri.EscapeDataString(refresh)}", null);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        var dead = await PostTokenAsync(client, new()
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refresh,
            ["client_id"] = "emulator-google-client", ["client_secret"] = "emulator-google-secret",
        });
        Assert.Equal(HttpStatusCode.BadRequest, dead.Status);
        Assert.Equal("""{"error":"invalid_grant","error_description":"Token has been expired or revoked."}""", dead.Raw);
        using var afterRevoke = host.Client(newAccess);
        using var unauthorized = await afterRevoke.GetAsync("calendar/v3/calendars/primary/events");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    [Fact]
    public async Task WrongClientSecretIsInvalidClient()
    {
        using var client = host.Client();
        var result = await PostTokenAsync(client, new()
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = "x",
            ["client_id"] = "emulator-google-client", ["client_secret"] = "wrong",
        });

        Assert.Equal(HttpStatusCode.Unauthorized, result.Status);
        Assert.Equal("invalid_client", result.Body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task CodeExchangeWithOtherRedirectUriFails()
    {
        var location = await DecideAsync("allow");
        var code = QueryHelpers.ParseQuery(location.Query)["code"].ToString();
        using var client = host.Client();

        var result = await PostTokenAsync(client, new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = Redirect + "/",
            ["client_id"] = "emulator-google-client", ["client_secret"] = "emulator-google-secret",
        });

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("invalid_grant", result.Body.GetProperty("error").GetString());
    }

    private async Task<Uri> DecideAsync(string decision)
    {
        using var client = host.Client();
        var form = AuthParams();
        form["decision"] = decision;
        form["email"] = "demo@example.com";
        using var response = await client.PostAsync("o/oauth2/v2/auth", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, string Raw)> PostTokenAsync(
        HttpClient client, Dictionary<string, string> form)
    {
        using var response = await client.PostAsync("token", new FormUrlEncodedContent(form));
        var raw = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(raw).RootElement.Clone(), raw);
    }
}
