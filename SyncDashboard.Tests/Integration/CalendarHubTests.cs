using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using SyncDashboard.Core.Notifications;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Web.Realtime;

namespace SyncDashboard.Tests.Integration;

/// <summary>The SignalR hub as an outside .NET client sees it, over WebSockets to the Kestrel host.</summary>
[Collection(AppCollection.Name)]
public sealed class CalendarHubTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;
    private static readonly DateTimeOffset Start = new(2026, 12, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task HubClientReceivesCalendarChangedForTheUsersOwnChangesInSequence()
    {
        var user = await _app.CreateUserAsync("hub");
        await using var hub = await ConnectAsync(user.Token);
        var before = await hub.Connection.InvokeAsync<long>("CurrentSeq");

        var first = await CreateEventAsync(user, "first");
        var second = await CreateEventAsync(user, "second");

        var a = await hub.NextAsync();
        var b = await hub.NextAsync();
        Assert.Equal([before + 1, before + 2], [a.Seq, b.Seq]);
        Assert.Equal([first], a.EventIds);
        Assert.Equal([second], b.EventIds);
        Assert.Equal(before + 2, await hub.Connection.InvokeAsync<long>("CurrentSeq"));
    }

    [Fact]
    public async Task HubClientNeverReceivesAnotherUsersChanges()
    {
        var alice = await _app.CreateUserAsync("alice");
        var bob = await _app.CreateUserAsync("bob");
        await using var bobHub = await ConnectAsync(bob.Token);

        await CreateEventAsync(alice, "alice's secret");
        // The sentinel: Bob's own change goes through the same notifier after Alice's, so once it has arrived, any
        // message about Alice's change would have arrived before it.
        var bobsEvent = await CreateEventAsync(bob, "bob's");
        var received = await bobHub.NextAsync();

        Assert.Equal([bobsEvent], received.EventIds);
        Assert.False(bobHub.TryTakeMore(out var extra), $"Bob also received {extra}");
    }

    [Fact]
    public async Task HubRefusesAConnectionWithoutAValidToken()
    {
        foreach (var token in new[] { null, "sdt_not-a-real-token" })
        {
            var connection = Build(token);
            var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
            Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
            await connection.DisposeAsync();
        }
    }

    private async Task<Guid> CreateEventAsync(TestUser user, string title)
    {
        var response = await user.Api.PostJsonAsync("/api/events", new { title, start = Start, end = Start.AddHours(1) });
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private HubConnection Build(string? token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(_app.BaseAddress, "/hubs/calendar"), HttpTransportType.WebSockets, o =>
            {
                if (token is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();

    private async Task<HubClient> ConnectAsync(string token)
    {
        var connection = Build(token);
        var messages = Channel.CreateUnbounded<CalendarChanged>();
        connection.On<CalendarChanged>(nameof(ICalendarHubClient.CalendarChanged), change => messages.Writer.TryWrite(change));
        await connection.StartAsync();
        return new HubClient(connection, messages.Reader);
    }

    private sealed record HubClient(HubConnection Connection, ChannelReader<CalendarChanged> Messages) : IAsyncDisposable
    {
        public async Task<CalendarChanged> NextAsync() => await Messages.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        public bool TryTakeMore(out CalendarChanged? extra) => Messages.TryRead(out extra);

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }
}
