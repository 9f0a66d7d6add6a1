using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using SyncDashboard.Core.Notifications;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Web.Realtime;

namespace SyncDashboard.Tests.Integration.Accounts;

/// <summary>Hub connections authenticate once, when they open; withdrawing the credential must still end them.</summary>
[Collection(AppCollection.Name)]
public sealed class SessionRevocationTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;
    private static readonly DateTimeOffset Start = new(2026, 12, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RevokingATokenEndsTheHubConnectionsOpenedWithItAndNoOthers()
    {
        var user = await _app.CreateUserAsync("revoked");
        var created = await (await user.Api.PostJsonAsync("/api/tokens", new { name = "widget" })).ReadJsonAsync();
        var secret = created.GetProperty("token").GetString()!;
        var id = created.GetProperty("info").GetProperty("id").GetGuid();
        await using var revoked = await ConnectAsync(o => o.AccessTokenProvider = () => Task.FromResult<string?>(secret));
        await using var kept = await ConnectAsync(o => o.AccessTokenProvider = () => Task.FromResult<string?>(user.Token));

        Assert.Equal(HttpStatusCode.NoContent, (await user.Api.DeleteAsync($"/api/tokens/{id}")).StatusCode);
        await revoked.Closed.WaitAsync(TimeSpan.FromSeconds(10));

        // The sentinel: the connection on the other token still hears the user's next change.
        var eventId = await CreateEventAsync(user);
        Assert.Equal([eventId], (await kept.NextAsync()).EventIds);
        Assert.False(revoked.Messages.TryRead(out var late), $"the revoked connection still received {late}");
        Assert.Equal(HubConnectionState.Disconnected, revoked.Connection.State);
    }

    [Fact]
    public async Task SignOutEndsTheUsersCookieHubConnectionsButNotItsTokenOnes()
    {
        var user = await _app.CreateUserAsync("signout");
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = _app.BaseAddress };
        var signIn = await BrowserlessSignIn.PostFormAsync(browser, "/account/login", "/account/login", new()
        {
            ["Email"] = user.Email, ["Password"] = TestUser.Password,
        });
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
        await using var cookieHub = await ConnectAsync(o => o.Cookies = cookies);
        await using var tokenHub = await ConnectAsync(o => o.AccessTokenProvider = () => Task.FromResult<string?>(user.Token));

        await BrowserlessSignIn.PostFormAsync(browser, "/", "/account/logout", new());
        await cookieHub.Closed.WaitAsync(TimeSpan.FromSeconds(10));

        var eventId = await CreateEventAsync(user);
        Assert.Equal([eventId], (await tokenHub.NextAsync()).EventIds);
        Assert.False(cookieHub.Messages.TryRead(out var late), $"the signed-out connection still received {late}");
    }

    private async Task<Guid> CreateEventAsync(TestUser user)
    {
        var response = await user.Api.PostJsonAsync("/api/events", new { title = "sentinel", start = Start, end = Start.AddHours(1) });
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private async Task<HubClient> ConnectAsync(Action<HttpConnectionOptions> configure)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_app.BaseAddress, "/hubs/calendar"), HttpTransportType.WebSockets, configure)
            .Build();
        var messages = Channel.CreateUnbounded<CalendarChanged>();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<CalendarChanged>(nameof(ICalendarHubClient.CalendarChanged), change => messages.Writer.TryWrite(change));
        connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await connection.StartAsync();
        return new HubClient(connection, messages.Reader, closed.Task);
    }

    private sealed record HubClient(HubConnection Connection, ChannelReader<CalendarChanged> Messages, Task Closed) : IAsyncDisposable
    {
        public async Task<CalendarChanged> NextAsync() => await Messages.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }
}
