using System.ComponentModel.DataAnnotations;
using SyncDashboard.Core.Sync.Http;

namespace SyncDashboard.Core.Notion;

/// <summary>
/// Notion API settings (section <c>Notion</c>). Relative URLs are resolved against the app's own address, which is how
/// demo mode and tests point the client at the built-in emulator. OAuth is optional: internal (<c>ntn_</c>) tokens need none.
/// </summary>
public sealed class NotionOptions : IProviderHttpOptions
{
    public const string Section = "Notion";

    [Required(ErrorMessage = "Notion:ApiBaseUrl is required (https://api.notion.com/v1/ or the emulator's /emulator/notion/v1/).")]
    public string ApiBaseUrl { get; set; } = "https://api.notion.com/v1/";

    /// <summary>Pinned Notion-Version; 2025-09-03 is the first with data sources, which this client addresses.</summary>
    [Required(ErrorMessage = "Notion:NotionVersion is required (e.g. 2025-09-03).")]
    [RegularExpression(@"^\d{4}-\d{2}-\d{2}$", ErrorMessage = "Notion:NotionVersion must look like 2025-09-03.")]
    public string NotionVersion { get; set; } = "2025-09-03";

    /// <summary>Public-integration OAuth client id; empty when only internal tokens are used.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string AuthorizationUrl { get; set; } = "https://api.notion.com/v1/oauth/authorize";
    public string TokenUrl { get; set; } = "https://api.notion.com/v1/oauth/token";
    public string RevokeUrl { get; set; } = "https://api.notion.com/v1/oauth/revoke";

    /// <summary>Average requests per second per Notion connection (Notion allows about 3); the burst is the same number.</summary>
    [Range(0.1, 100)] public double RequestsPerSecond { get; set; } = 3;

    /// <summary>How often each Notion integration is polled (Notion's webhooks are optional and late).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a full listing looks for pages that vanished without a trash event (unshared, moved, purged).</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Per-attempt timeout. Notion's own limit is 60 s; a write that times out goes back to the outbox.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long after the owner presses "Set up webhook" a verification request is accepted (ADR 0011). Outside it an
    /// unsigned request stores nothing, so whoever learns the URL still cannot plant a signing key.
    /// </summary>
    public TimeSpan WebhookSetupWindow { get; set; } = TimeSpan.FromMinutes(15);

    public bool HasOAuthClient => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
