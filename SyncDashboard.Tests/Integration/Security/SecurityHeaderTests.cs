using System.Net;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Web.Infrastructure;

namespace SyncDashboard.Tests.Integration.Security;

[Collection(AppCollection.Name)]
public sealed class SecurityHeaderTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        var what = $"{response.RequestMessage!.RequestUri!.PathAndQuery} ({(int)response.StatusCode})";
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff), what + ": no X-Content-Type-Options");
        Assert.Equal("nosniff", Assert.Single(nosniff));
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer), what + ": no Referrer-Policy");
        Assert.Equal("same-origin", Assert.Single(referrer));
    }

    private static string Policy(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var values),
            $"{response.RequestMessage!.RequestUri!.PathAndQuery}: no Content-Security-Policy");
        return Assert.Single(values); // one complete policy, not Blazor's frame-ancestors beside ours
    }

    [Theory]
    [InlineData("/account/login", false)]
    [InlineData("/emulator/notion/", true)]
    [InlineData("/emulator/google/", true)]
    [InlineData("/widget/next-event.html", false)]
    public async Task HtmlPagesCarryThePagePolicy(string path, bool signedIn)
    {
        using var client = signedIn ? await _app.SignInAsync(await _app.CreateUserAsync("headers")) : _app.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        AssertCommonHeaders(response);
        var policy = Policy(response);
        Assert.Equal(SecurityHeaders.PagePolicy, policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
    }

    [Fact]
    public async Task ApiResponsesAllowNothingToRender()
    {
        var user = await _app.CreateUserAsync("headers");
        using var response = await user.Api.GetAsync("/api/integrations");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCommonHeaders(response);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", Policy(response));
    }

    [Theory]
    [InlineData("/api/no-such-endpoint")]
    [InlineData("/no/such/page/at/all")]
    public async Task NotFoundAnswersCarryTheHeaders(string path)
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertCommonHeaders(response);
        Assert.Contains("frame-ancestors 'none'", Policy(response));
    }

    [Theory]
    [InlineData("/widget/next-event.js")]
    [InlineData("/css/app.css")]
    public async Task StaticFilesCarryTheHeaders(string path)
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCommonHeaders(response);
        Assert.Equal(SecurityHeaders.ApiPolicy, Policy(response));
    }
}
