using System.Globalization;

namespace SyncDashboard.Core.Formatting;

/// <summary>
/// What a user chose on Settings about how dates read; each null means "as my browser's culture does". The one place
/// that turns those choices, the browser's culture and the user's zone into <see cref="DisplayPreferences"/>.
/// </summary>
public sealed record DisplayChoices(string? Culture, HourCycle? HourCycle, DayOfWeek? WeekStart)
{
    public static DisplayChoices BrowserDefault { get; } = new(null, null, null);

    /// <summary>The cultures Settings offers: common ones whose date habits differ (order, clock, week start).</summary>
    public static IReadOnlyList<string> Cultures { get; } =
        ["en-US", "en-GB", "en-AU", "en-CA", "de-DE", "fr-FR", "es-ES", "it-IT", "nl-NL", "pt-BR", "sv-SE", "pl-PL", "ja-JP", "zh-CN"];

    public static bool IsOffered(string? culture) => culture is null || Cultures.Contains(culture, StringComparer.Ordinal);

    /// <summary>
    /// The user's culture wins over the browser's; one that no longer resolves (stored before the list changed, or
    /// unknown to this machine's ICU) falls back to the browser's rather than to the invariant culture.
    /// </summary>
    public DisplayPreferences Resolve(string? browserCulture, TimeZoneInfo zone)
    {
        var chosen = Culture is not null && CultureResolver.Resolve(Culture) != CultureInfo.InvariantCulture ? Culture : browserCulture;
        return DisplayPreferences.FromCulture(chosen, zone, HourCycle, WeekStart);
    }
}
