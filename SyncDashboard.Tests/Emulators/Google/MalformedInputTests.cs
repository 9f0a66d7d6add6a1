using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace SyncDashboard.Tests.Emulators.Google;

/// <summary>Bodies the emulated Google cannot read get a 400, as Google answers them, never a 500 (the fuzz suite found each).</summary>
public sealed class MalformedInputTests(GoogleEmulatorHost host) : IClassFixture<GoogleEmulatorHost>
{
    private const string Redirect = "http://127.0.0.1:5000/oauth/google/callback";

    [Fact]
    public async Task OAuthFormsThatAreNotReadableFormsAreBadRequests()
    {
        using var client = host.Client();
        // A NUL in a form value, a JSON body, a multipart label on a body that is not one.
        using var token = await client.PostAsync("token", Raw("grant_type=a%00b"u8.ToArray(), "application/x-www-form-urlencoded"));
        using var decide = await client.PostAsync("o/oauth2/v2/auth", new StringContent("{}", Encoding.UTF8, "application/json"));
        using var revoke = await client.PostAsync("revoke?token=not-a-token", Raw("garbage"u8.ToArray(), "multipart/form-data; boundary=x"));
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], [token.StatusCode, decide.StatusCode, revoke.StatusCode]);
        Assert.Equal("invalid_request", (await token.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task ConsentRedirectsToAnAddressWithCharactersAHeaderCannotCarryInEscapedForm()
    {
        using var client = host.Client();
        using var decided = await client.PostAsync("o/oauth2/v2/auth", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = "emulator-google-client", ["redirect_uri"] = Redirect + "/ü\u0001", ["response_type"] = "code",
            ["scope"] = GoogleEmulatorHost.CalendarScope, ["state"] = "s\ud800", ["decision"] = "deny",
        }));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var location = decided.Headers.Location!.OriginalString;
        Assert.StartsWith(Redirect + "/%C3%BC%01?", location);
        Assert.All(location, c => Assert.InRange(c, ' ', '~'));
    }

    [Fact]
    public async Task GoogleSideFormPostsThatAreNotFormsAreBadRequests()
    {
        using var client = host.Client();
        using var json = await client.PostAsync("_emulator/ui/events", new StringContent("{\"summary\":\"x\"}", Encoding.UTF8, "application/json"));
        using var tooMany = await client.PostAsync("_emulator/ui/events/delete",
            Raw(Encoding.ASCII.GetBytes(string.Join("&", Enumerable.Range(0, 3000).Select(i => $"f{i}=1"))), "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Theory]
    [InlineData("{\"location\":\"\\ud800\"}")] // a broken surrogate
    [InlineData("{\"location\":\"A\",\"location\":\"B\"}")] // a property named twice (seed 20261201 of the fuzz suite)
    public async Task APatchBodyTheNodeApiCannotReadIsABadRequestAndChangesNothing(string body)
    {
        var user = host.NewUser();
        var id = (await user.InsertOkAsync(new { summary = "Standup", start = new { dateTime = "2026-03-02T09:00:00Z" }, end = new { dateTime = "2026-03-02T09:15:00Z" } }))
            .GetProperty("id").GetString()!;
        using var patched = await user.Api.PatchAsync($"{user.Events}/{id}", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, patched.StatusCode);
        Assert.False((await user.GetJsonAsync($"{user.Events}/{id}")).TryGetProperty("location", out _));
    }

    private static ByteArrayContent Raw(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
