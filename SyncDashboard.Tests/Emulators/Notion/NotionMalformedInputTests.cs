using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SyncDashboard.Tests.Emulators.Notion;

/// <summary>Bodies the emulated Notion cannot read get a 400, as Notion answers them, never a 500 (the fuzz suite found each).</summary>
public sealed class NotionMalformedInputTests
{
    [Theory]
    [InlineData("{\"grant_type\":5}", "validation_error")]
    [InlineData("{\"grant_type\":[]}", "validation_error")]
    [InlineData("{\"grant_type\":\"authorization_code\",\"code\":\"\\ud800\"}", "invalid_json")]
    [InlineData("{\"grant_type\":\"a\",\"grant_type\":\"b\"}", "invalid_json")]
    public async Task OAuthBodiesOfTheWrongShapeAreBadRequests(string body, string code)
    {
        await using var host = await NotionTestHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/oauth/token") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("emulator-notion-client:emulator-notion-secret"u8.ToArray()));
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task ApiBodiesOfTheWrongShapeAreBadRequests()
    {
        await using var host = await NotionTestHost.StartAsync();
        var search = await host.ApiAsync(HttpMethod.Post, "search", new JsonObject { ["query"] = 5 });
        Assert.Equal(400, search.Status);
        Assert.Equal("validation_error", search.Obj["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/cb")]
    [InlineData("javascript:alert(1)")]
    public async Task ConsentRedirectsOnlyToAnAbsoluteWebAddress(string redirect)
    {
        await using var host = await NotionTestHost.StartAsync();
        using var response = await host.Http.PostAsync("_emulator/ui/oauth/decide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["redirect_uri"] = redirect, ["state"] = "xyz", ["action"] = "cancel",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task ConsentRedirectsToAnAddressWithCharactersAHeaderCannotCarryInEscapedForm()
    {
        await using var host = await NotionTestHost.StartAsync();
        using var response = await host.Http.PostAsync("_emulator/ui/oauth/decide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["redirect_uri"] = "http://127.0.0.1/cb/ü\u0001", ["state"] = "xyz", ["action"] = "cancel",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://127.0.0.1/cb/%C3%BC%01?error=access_denied&state=xyz", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task NotionSideFormPostsThatAreNotFormsAreBadRequests()
    {
        await using var host = await NotionTestHost.StartAsync();
        using var json = await host.Http.PostAsync("_emulator/ui/pages", new StringContent("{}", Encoding.UTF8, "application/json"));
        using var multipart = new ByteArrayContent("garbage"u8.ToArray());
        multipart.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");
        using var hook = await host.Http.PostAsync("_emulator/ui/webhooks", multipart);
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, hook.StatusCode);
    }

    [Fact]
    public async Task ASubscriptionMessageQuotingAHugeAddressIsClippedToFitALocationHeader()
    {
        await using var host = await NotionTestHost.StartAsync();
        using var response = await host.Http.PostAsync("_emulator/ui/webhooks", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["bot_id"] = host.Demo.InternalIntegration.BotId, ["url"] = "http://elsewhere.example/" + new string('a', 100_000),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.InRange(response.Headers.Location!.OriginalString.Length, 1, 2_000);
        Assert.Contains("message=", response.Headers.Location.OriginalString);
    }
}
