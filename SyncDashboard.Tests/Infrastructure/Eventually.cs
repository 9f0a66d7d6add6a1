namespace SyncDashboard.Tests.Infrastructure;

public static class Eventually
{
    /// <summary>Polls until the condition holds; fails with <paramref name="what"/> after the timeout.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        Assert.Fail($"Timed out waiting until {what}.");
    }

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, timeout);
}
