using System.Net;
using System.Text;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Web.Infrastructure;

namespace SyncDashboard.Tests.Integration.Security;

/// <summary>Requests the fuzz suite found answered with a 500: each is the client's mistake and gets a 4xx, changing nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class MalformedRequestTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ABodyOverTheLimitIsRefusedWith413AndStoresNothing(bool chunked)
    {
        var user = await _app.CreateUserAsync();
        var padding = new string('a', (int)ApiInfrastructureExtensions.MaxRequestBodyBytes);
        var body = Encoding.UTF8.GetBytes($"{{\"title\":\"Big\",\"start\":\"{Start:O}\",\"end\":\"{Start.AddHours(1):O}\",\"notes\":\"{padding}\"}}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = chunked;
        request.Headers.ConnectionClose = true; // the server may stop reading and close it

        using var response = await user.Api.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, (await (await user.Api.GetAsync("/api/events?from=2026-12-01&to=2026-12-03")).ReadJsonAsync()).GetArrayLength());
    }

    [Theory]
    [InlineData("application/json; charset=ebcdic")]
    public async Task ABodyInACharsetNobodyKnowsIsUnsupportedMediaType(string contentType)
    {
        var user = await _app.CreateUserAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes($"{{\"title\":\"Charset\",\"start\":\"{Start:O}\",\"end\":\"{Start.AddHours(1):O}\"}}")),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await user.Api.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);

        // Charsets .NET knows still work, whatever their spelling.
        using var latin = new HttpRequestMessage(HttpMethod.Post, "/api/events")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes($"{{\"title\":\"Charset\",\"start\":\"{Start:O}\",\"end\":\"{Start.AddHours(1):O}\"}}")),
        };
        latin.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=UTF-8");
        Assert.Equal(HttpStatusCode.Created, (await user.Api.SendAsync(latin)).StatusCode);
    }

    [Theory]
    [InlineData("/settings/google?credential=not-a-guid", "That Google account is not connected.")]
    [InlineData("/settings/notion?credential=1", "That Notion workspace is not connected.")]
    [InlineData("/calendar?event=0000000000000000000000000000000g", "Calendar")]
    public async Task APageGivenAnIdThatIsNotAGuidAnswersWithItsOwnMessage(string path, string expected)
    {
        using var browser = await _app.SignInAsync(await _app.CreateUserAsync());
        using var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignOutWithABodyThatIsNotAReadableFormIsABadRequestAndSignsNobodyOut()
    {
        using var browser = await _app.SignInAsync(await _app.CreateUserAsync());
        var token = await BrowserlessSignIn.AntiforgeryTokenAsync(browser, "/account/login");
        // A key past the form reader's 2,048-character limit.
        using var logout = await browser.PostAsync("/account/logout", new StringContent(new string('[', 3000) + "&__RequestVerificationToken=" + token,
            Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/settings")).StatusCode);
    }
}
