using System.Globalization;

namespace SyncDashboard.Core.Formatting;

/// <summary>
/// Turns what a browser says (<c>navigator.language</c> or an Accept-Language header) into a culture with real data.
/// Anything unknown falls back to the invariant culture rather than to a made-up one: ICU happily "creates" xx-YY
/// with root data, which would look like a culture but follow nobody's conventions.
/// </summary>
public static class CultureResolver
{
    public static CultureInfo Resolve(string? name)
    {
        var tag = FirstTag(name);
        if (tag is null) return CultureInfo.InvariantCulture;
        try
        {
            var culture = CultureInfo.GetCultureInfo(tag, predefinedOnly: true);
            // "de" has no region, so no week start or clock habit of its own: take the region the language is most used in.
            return culture.IsNeutralCulture ? CultureInfo.CreateSpecificCulture(culture.Name) : culture;
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    /// <summary>"de-CH,de;q=0.9" → "de-CH"; drops Unicode extensions ("-u-…") that the culture table does not list.</summary>
    private static string? FirstTag(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var tag = name.Split(',', 2)[0].Split(';', 2)[0].Trim().Replace('_', '-');
        var extension = tag.IndexOf("-u-", StringComparison.OrdinalIgnoreCase);
        if (extension > 0) tag = tag[..extension];
        return tag.Length == 0 || tag == "*" ? null : tag;
    }
}
