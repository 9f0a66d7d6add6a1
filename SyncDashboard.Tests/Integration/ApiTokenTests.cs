using System.Net;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration;

[Collection(AppCollection.Name)]
public sealed class ApiTokenTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;

    [Fact]
    public async Task TokenIsShownOnceListedByPrefixAndStopsWorkingWhenRevoked()
    {
        var user = await _app.CreateUserAsync();
        var created = await user.Api.PostJsonAsync("/api/tokens", new { name = "ci script" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadJsonAsync();
        var secret = body.GetProperty("token").GetString()!;
        var id = body.GetProperty("info").GetProperty("id").GetGuid();

        using var script = _app.CreateClient(secret);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/calendar/upcoming")).StatusCode);

        var list = await (await user.Api.GetAsync("/api/tokens")).ReadJsonAsync();
        var listed = list.EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == id);
        Assert.Equal(secret[..12], listed.GetProperty("prefix").GetString());
        Assert.DoesNotContain(secret, list.GetRawText());

        Assert.Equal(HttpStatusCode.NoContent, (await user.Api.DeleteAsync($"/api/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/calendar/upcoming")).StatusCode);
    }

    [Fact]
    public async Task ForgedOrMalformedTokensAreRejected()
    {
        foreach (var token in new[] { "sdt_" + new string('0', 48), "garbage", "" })
        {
            using var client = _app.CreateClient(token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/events")).StatusCode);
        }
    }

    [Fact]
    public async Task AUserCannotRevokeAnotherUsersToken()
    {
        var alice = await _app.CreateUserAsync("alice");
        var bob = await _app.CreateUserAsync("bob");
        var aliceTokens = await (await alice.Api.GetAsync("/api/tokens")).ReadJsonAsync();
        var id = aliceTokens[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Api.DeleteAsync($"/api/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.Api.GetAsync("/api/events")).StatusCode);
    }

    [Fact]
    public async Task TokenNeedsAName()
    {
        var user = await _app.CreateUserAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await user.Api.PostJsonAsync("/api/tokens", new { name = "" })).StatusCode);
    }
}
