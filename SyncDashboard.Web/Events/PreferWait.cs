using System.Globalization;

namespace SyncDashboard.Web.Events;

/// <summary>
/// RFC 7240's <c>Prefer: wait=N</c>: the client wants an answer within N seconds. A create waits for delivery no longer
/// than the client prefers (ADR 0018); <c>wait=0</c> answers at once, as a bulk importer wants.
/// </summary>
internal static class PreferWait
{
    /// <summary>How long to wait: the configured time, or the client's preference when shorter (then acknowledged).</summary>
    public static TimeSpan Apply(HttpContext http, TimeSpan configured)
    {
        if (Preferred(http.Request) is not { } seconds) return configured;
        http.Response.Headers["Preference-Applied"] = $"wait={seconds}";
        return TimeSpan.FromSeconds(seconds) < configured ? TimeSpan.FromSeconds(seconds) : configured;
    }

    private static int? Preferred(HttpRequest request)
    {
        // Preferences are separated by commas, a preference's parameters by semicolons; only the token itself counts.
        foreach (var header in request.Headers["Prefer"])
            foreach (var preference in (header ?? "").Split(','))
            {
                var token = preference.Split(';')[0].Trim();
                if (token.StartsWith("wait=", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(token.AsSpan(5).Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                    return seconds;
            }
        return null;
    }
}
