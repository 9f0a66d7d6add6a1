namespace SyncDashboard.Core.Events;

/// <summary>
/// Addresses a provider reports for opening an event on its side. They come from outside, so only an absolute
/// http(s) address is kept and shown: a <c>javascript:</c> or <c>data:</c> value must never become a link.
/// </summary>
public static class WebLinks
{
    /// <summary>Google's htmlLink and Notion's page url are far shorter; a longer value is not stored.</summary>
    public const int MaxLength = 2048;

    /// <summary>The address when it is an absolute http(s) URL of reasonable length, else null.</summary>
    public static string? Safe(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        if (trimmed.Length > MaxLength) return null;
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
               && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
               && uri.Host.Length > 0
            ? uri.AbsoluteUri
            : null;
    }
}
