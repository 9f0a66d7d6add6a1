namespace SyncDashboard.Emulators;

/// <summary>
/// Where an emulator may send webhooks and push notifications. The emulators run inside the app's server, so a
/// target taken from a request would let anyone make that server POST to any address (server-side request
/// forgery); the host names the one origin the emulated service may call back: its own.
/// </summary>
internal static class WebhookTargets
{
    /// <summary>True when <paramref name="target"/> is on <paramref name="allowedOrigin"/> (scheme, host and port), or no origin is set.</summary>
    public static bool Allows(Func<Uri>? allowedOrigin, Uri target, out string origin)
    {
        origin = "";
        if (allowedOrigin is null) return true;
        var allowed = allowedOrigin();
        origin = allowed.GetLeftPart(UriPartial.Authority);
        return Uri.Compare(allowed, target, UriComponents.SchemeAndServer,
            UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0;
    }
}
