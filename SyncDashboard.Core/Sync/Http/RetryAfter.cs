using System.Net;

namespace SyncDashboard.Core.Sync.Http;

public static class RetryAfter
{
    /// <summary>The provider's Retry-After (seconds or HTTP date), if it sent one.</summary>
    public static TimeSpan? From(HttpResponseMessage? response, TimeProvider clock)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - clock.GetUtcNow() is { } d && d > TimeSpan.Zero ? d : TimeSpan.Zero;
        return null;
    }

    /// <summary>
    /// How long to actually wait: Retry-After plus a margin, because timers can fire a few milliseconds early and a
    /// request landing just inside the window counts against us (a violation, another 429).
    /// </summary>
    public static TimeSpan? WaitFor(HttpResponseMessage? response, TimeProvider clock) => From(response, clock) is { } d ? d + Margin : null;

    public static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(50);

    /// <summary>429, 5xx, and 403 with a rate-limit reason (Google) are worth another try; the caller checks the 403 body.</summary>
    public static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout || (int)status == 529;
}
