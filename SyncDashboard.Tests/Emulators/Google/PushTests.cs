using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SyncDashboard.Emulators.Google;

namespace SyncDashboard.Tests.Emulators.Google;

public sealed class PushTests(GoogleEmulatorHost host) : IClassFixture<GoogleEmulatorHost>
{
    [Fact]
    public async Task WatchSendsSyncThenExistsWithGoogleHeaders()
    {
        var user = host.NewUser();
        var hook = Guid.NewGuid().ToString("N");
        var channel = await WatchAsync(user, hook, "chan-" + hook, token: "target=cal1");

        var sync = Assert.Single(await host.WaitForPushesAsync(hook, 1));
        Assert.Equal("sync", sync["X-Goog-Resource-State"]);
        Assert.Equal("1", sync["X-Goog-Message-Number"]);
        Assert.Equal("chan-" + hook, sync["X-Goog-Channel-ID"]);
        Assert.Equal(channel.GetProperty("resourceId").GetString(), sync["X-Goog-Resource-ID"]);
        Assert.Equal(channel.GetProperty("resourceUri").GetString(), sync["X-Goog-Resource-URI"]);
        Assert.Equal("target=cal1", sync["X-Goog-Channel-Token"]);
        Assert.StartsWith("APIs-Google", sync["User-Agent"]);
        Assert.Equal(0, sync.BodyLength);
        var expiration = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(channel.GetProperty("expiration").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(expiration.UtcDateTime.ToString("r", CultureInfo.InvariantCulture), sync["X-Goog-Channel-Expiration"]);
        Assert.InRange(expiration - DateTimeOffset.UtcNow, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7));

        await user.InsertOkAsync(GoogleBodies.Timed("via API", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"));
        host.Emulator.InsertEvent(user.CalendarId, new() { Summary = "as Google user", Start = new(Date: "2026-03-03"), End = new(Date: "2026-03-04") });

        var all = await host.WaitForPushesAsync(hook, 3);
        Assert.Equal(3, all.Count);
        var numbers = all.Select(p => long.Parse(p["X-Goog-Message-Number"], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers.Order(), numbers);
        Assert.Equal(3, numbers.Distinct().Count());
        Assert.All(all.Skip(1), p => Assert.Equal("exists", p["X-Goog-Resource-State"]));
    }

    [Fact]
    public async Task StoppedChannelStopsFiringAndUnknownStopIs404()
    {
        var user = host.NewUser();
        var hook = Guid.NewGuid().ToString("N");
        var channel = await WatchAsync(user, hook, "c-" + hook);
        await host.WaitForPushesAsync(hook, 1);

        using var stop = await user.Api.PostAsJsonAsync("calendar/v3/channels/stop",
            new { id = "c-" + hook, resourceId = channel.GetProperty("resourceId").GetString() });
        Assert.Equal(HttpStatusCode.NoContent, stop.StatusCode);
        await user.InsertOkAsync(GoogleBodies.Timed("after stop", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"));
        await WatchSentinelAsync(user, hook);
        Assert.Single(host.Pushes, p => p.Hook == hook);

        using var again = await user.Api.PostAsJsonAsync("calendar/v3/channels/stop",
            new { id = "c-" + hook, resourceId = channel.GetProperty("resourceId").GetString() });
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task ReceiverServerErrorsAreRetriedButClientErrorsAreNot()
    {
        var refused = Guid.NewGuid().ToString("N");
        host.HookAnswers(refused, 404);
        await WatchAsync(host.NewUser(), refused, "f-" + refused);
        await host.WaitForPushesAsync(refused, 1);

        // Also the sentinel for the refused one. Its first attempt goes out after the refused one was answered (one sender, in
        // queue order) and its last retry is due 50 + 100 + 200 ms later (the base delay, doubling), where a retry of the refused
        // one would have been due 50 ms after its answer, on the same clock.
        var retried = Guid.NewGuid().ToString("N");
        host.HookAnswers(retried, 503, 500, 502);
        await WatchAsync(host.NewUser(), retried, "r-" + retried);
        var attempts = await host.WaitForPushesAsync(retried, 4);
        Assert.Equal(4, attempts.Count);
        Assert.All(attempts, p => Assert.Equal("1", p["X-Goog-Message-Number"]));
        Assert.Single(host.Pushes, p => p.Hook == refused);
    }

    [Fact]
    public async Task DropFaultSilentlySkipsNotifications()
    {
        var user = host.NewUser();
        var hook = Guid.NewGuid().ToString("N");
        await WatchAsync(user, hook, "d-" + hook);
        await host.WaitForPushesAsync(hook, 1);
        host.Emulator.AddFault(new FaultRule(FaultKind.DropNotifications, Count: 1, PathContains: hook));

        await user.InsertOkAsync(GoogleBodies.Timed("dropped", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"));
        await user.InsertOkAsync(GoogleBodies.Timed("delivered", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"));

        await host.WaitForPushesAsync(hook, 2);
        await WatchSentinelAsync(user, hook);
        Assert.Equal(2, host.Pushes.Count(p => p.Hook == hook));
        Assert.True(host.Emulator.Stats().PushNotificationsDropped >= 1);
    }

    [Fact]
    public async Task WatchValidatesTheChannel()
    {
        var user = host.NewUser();
        using var longId = await user.Api.PostAsJsonAsync($"{user.Events}/watch",
            new { id = new string('a', 65), type = "web_hook", address = host.HookUrl("x") });
        using var badType = await user.Api.PostAsJsonAsync($"{user.Events}/watch",
            new { id = "ok", type = "email", address = host.HookUrl("x") });

        Assert.Equal(HttpStatusCode.BadRequest, longId.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
    }

    /// <summary>
    /// Watches the same calendar on a second channel and waits for its "sync" notification. The sender makes first attempts
    /// one at a time in queue order, and the notifications of earlier changes were queued when those changes were made, so
    /// anything still owed to <paramref name="hook"/> would have reached it before this one.
    /// </summary>
    private async Task WatchSentinelAsync(TestUser user, string hook)
    {
        var sentinel = Guid.NewGuid().ToString("N");
        await WatchAsync(user, sentinel, "s-" + sentinel);
        Assert.NotEmpty(await host.WaitForPushesAsync(sentinel, 1));
    }

    private async Task<JsonElement> WatchAsync(TestUser user, string hook, string channelId, string? token = null)
    {
        using var response = await user.Api.PostAsJsonAsync($"{user.Events}/watch",
            new { id = channelId, type = "web_hook", address = host.HookUrl(hook), token });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("api#channel", body.GetProperty("kind").GetString());
        Assert.Equal(channelId, body.GetProperty("id").GetString());
        return body;
    }
}
