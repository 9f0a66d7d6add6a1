using SyncDashboard.Core.Notifications;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Integration;

[Collection(AppCollection.Name)]
public sealed class ChangeFeedTests(AppFixture fixture)
{
    private readonly AppHost _app = fixture.App;
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SeqRisesByOnePerUserAndCatchUpReturnsWhatWasMissed()
    {
        var user = await _app.CreateUserAsync();
        var received = new List<CalendarChanged>();
        using var subscription = _app.Get<IChangeNotifier>().Subscribe(user.Id, c => { lock (received) received.Add(c); return Task.CompletedTask; });

        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
            ids.Add((await (await user.Api.PostJsonAsync("/api/events", new { title = $"e{i}", start = Start, end = Start.AddHours(1) })).ReadJsonAsync()).GetProperty("id").GetGuid());

        Assert.Equal([1L, 2L, 3L], received.Select(c => c.Seq));
        Assert.Equal(ids, received.Select(c => c.EventIds.Single()));

        var since1 = await (await user.Api.GetAsync("/api/calendar/changes?since=1")).ReadJsonAsync();
        Assert.False(since1.GetProperty("resetRequired").GetBoolean());
        Assert.Equal(3, since1.GetProperty("currentSeq").GetInt64());
        Assert.Equal([2L, 3L], since1.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("seq").GetInt64()));
        Assert.Equal(ids[2], since1.GetProperty("changes")[1].GetProperty("eventIds")[0].GetGuid());
    }

    [Fact]
    public async Task AClientAheadOfTheServerIsToldToRefetch()
    {
        var user = await _app.CreateUserAsync();
        await user.Api.PostJsonAsync("/api/events", new { title = "x", start = Start, end = Start.AddHours(1) });
        var body = await (await user.Api.GetAsync("/api/calendar/changes?since=99")).ReadJsonAsync();
        Assert.True(body.GetProperty("resetRequired").GetBoolean());
    }
}
