namespace SyncDashboard.Emulators.Google;

/// <summary>Settings for the Google Calendar v3 + OAuth emulator, bound from <c>Emulators:Google</c>.</summary>
public sealed class GoogleEmulatorOptions
{
    public const string SectionName = "Emulators:Google";

    public string ClientId { get; set; } = "emulator-google-client";
    public string ClientSecret { get; set; } = "emulator-google-secret";

    /// <summary>Shown on the consent page as the requesting application.</summary>
    public string AppName { get; set; } = "SyncDashboard";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Exact redirect URIs accepted at the consent step; empty accepts any absolute http(s) URI.</summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>Real Google demands HTTPS webhooks; off here because only loopback HTTP is reachable.</summary>
    public bool RequireHttpsWebhooks { get; set; }

    /// <summary>
    /// The only origin watch channels may deliver to (the hosting app's own address); null accepts any http(s)
    /// address. A function because a host listening on port 0 learns its address only once it has started.
    /// </summary>
    public Func<Uri>? AllowedWebhookOrigin { get; set; }

    /// <summary>
    /// This emulator's own "Google side" page (absolute, ending in /). When set, an event's <c>htmlLink</c> opens it
    /// there instead of on google.com, which knows nothing of emulated events. A function for the same reason as
    /// <see cref="AllowedWebhookOrigin"/>.
    /// </summary>
    public Func<Uri?>? SidePage { get; set; }

    /// <summary>Optional JSON file that keeps the emulator's state across restarts; null keeps it in memory.</summary>
    public string? StatePath { get; set; }

    public string DefaultAccountEmail { get; set; } = "demo@example.com";
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>Channel lifetime when the watch request names none (Google: 7 days).</summary>
    public TimeSpan DefaultChannelTtl { get; set; } = TimeSpan.FromSeconds(604800);

    /// <summary>Delivery attempts for a notification answered with 500/502/503/504 (the first try included).</summary>
    public int PushMaxAttempts { get; set; } = 4;

    /// <summary>First retry delay; doubles each attempt.</summary>
    public TimeSpan PushRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan PushTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Upper bound on instances produced for one open-ended series.</summary>
    public int MaxExpandedInstances { get; set; } = 1000;
}
