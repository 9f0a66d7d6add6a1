using System.ComponentModel.DataAnnotations;
using SyncDashboard.Core.Sync.Http;

namespace SyncDashboard.Core.Google;

/// <summary>
/// Google OAuth client and endpoints (section <c>Google</c>). Relative URLs are resolved against the app's own
/// address, which is how demo mode points the same client at the built-in emulator.
/// </summary>
public sealed class GoogleOptions : IProviderHttpOptions
{
    public const string Section = "Google";

    [Required(ErrorMessage = "Google:ClientId is required (the OAuth client id from the Google Cloud console).")]
    public string ClientId { get; set; } = "";

    [Required(ErrorMessage = "Google:ClientSecret is required (the OAuth client secret).")]
    public string ClientSecret { get; set; } = "";

    public string AuthorizationUrl { get; set; } = "https://accounts.google.com/o/oauth2/v2/auth";
    public string TokenUrl { get; set; } = "https://oauth2.googleapis.com/token";
    public string RevokeUrl { get; set; } = "https://oauth2.googleapis.com/revoke";
    public string ApiBaseUrl { get; set; } = "https://www.googleapis.com/calendar/v3/";

    public string[] Scopes { get; set; } = ["https://www.googleapis.com/auth/calendar"];

    /// <summary>Requests per second per user, kept under Google's quota before Google enforces it.</summary>
    [Range(0.1, 1000)] public double RequestsPerSecond { get; set; } = 10;

    /// <summary>Page size for events.list (Google's maximum is 2500).</summary>
    [Range(1, 2500)] public int PageSize { get; set; } = 2500;

    /// <summary>Per-attempt timeout; Polly retries a couple of times within about two seconds, the outbox after that.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Push channel lifetime asked for (Google may grant less).</summary>
    public TimeSpan ChannelTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Whether to register push channels (Google needs a public HTTPS address; the emulator does not).</summary>
    public bool UsePushNotifications { get; set; } = true;
}
