namespace SyncDashboard.Emulators.Notion;

/// <summary>Settings of the Notion API emulator, bound from <c>Emulators:Notion</c>.</summary>
public sealed class NotionEmulatorOptions
{
    public const string SectionName = "Emulators:Notion";

    /// <summary>OAuth client id of the one public integration the emulator knows.</summary>
    public string ClientId { get; set; } = "emulator-notion-client";

    public string ClientSecret { get; set; } = "emulator-notion-secret";

    /// <summary>Name shown for the public integration on the consent page.</summary>
    public string IntegrationName { get; set; } = "SyncDashboard";

    /// <summary>Average request budget per connection (token bucket refill rate). 0 or less turns rate limiting off.</summary>
    public double RequestsPerSecond { get; set; } = 3;

    /// <summary>Bucket size: how many requests may arrive back to back ("some bursting allowed").</summary>
    public int Burst { get; set; } = 6;

    /// <summary>Optional JSON file the state is saved to after each change (null keeps state in memory).</summary>
    public string? StatePath { get; set; }

    /// <summary>Granularity of created_time/last_edited_time; Notion rounds down to the minute.</summary>
    public TimeSpan TimestampGranularity { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Window in which rapid page.properties_updated events for one page are merged into one delivery.</summary>
    public TimeSpan WebhookAggregationWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Delay before retry n is base * 2^(n-1). Real Notion's schedule is unknown [U].</summary>
    public TimeSpan WebhookRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public int WebhookMaxAttempts { get; set; } = 8;

    /// <summary>
    /// The only origin webhook subscriptions may point at (the hosting app's own address); null accepts any http(s)
    /// url. A function because a host listening on port 0 learns its address only once it has started.
    /// </summary>
    public Func<Uri>? AllowedWebhookOrigin { get; set; }

    /// <summary>Seed the demo workspace and "Calendar" database on first start when the state is empty.</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>Base of page and database urls in responses, unless <see cref="SidePage"/> is set.</summary>
    public string PublicBaseUrl { get; set; } = "https://www.notion.so";

    /// <summary>
    /// This emulator's own "Notion side" page (absolute, ending in /). When set, page urls open the page there
    /// (notion.so knows nothing of emulated pages). A function because the host learns its address once started.
    /// </summary>
    public Func<Uri?>? SidePage { get; set; }

    /// <summary>Where page and database urls start.</summary>
    internal string LinkBase => SidePage?.Invoke() is { } side ? new Uri(side, NotionDemoPage.PageLinkSegment).AbsoluteUri : PublicBaseUrl;
}
