namespace SyncDashboard.Web.Calendar.Sources;

/// <summary>
/// The colours events are drawn in, one per source. Each is a mid tone with at least 3:1 contrast against the theme's
/// light and dark surfaces and backgrounds (WCAG's minimum for a graphic), so the same colour works in both modes: it
/// edges the event and tints its background, while the title stays in the theme's text colour.
/// </summary>
public static class SourcePalette
{
    /// <summary>The app's own events: the indigo of the brand, lightened enough to show on a dark surface.</summary>
    public const string App = "#5c6bc0";

    /// <summary>Integrations take these in turn (teal, orange, blue, pink, green, brown, purple, cyan).</summary>
    public static IReadOnlyList<string> Integrations { get; } =
        ["#00897b", "#e65100", "#1e88e5", "#d81b60", "#43a047", "#8d6e63", "#ab47bc", "#0097a7"];

    /// <summary>What a colour is called where it is picked (the names of <see cref="Integrations"/>, in order).</summary>
    public static string NameOf(string color)
    {
        for (var n = 0; n < Integrations.Count; n++)
            if (string.Equals(Integrations[n], color, StringComparison.OrdinalIgnoreCase)) return Names[n];
        return color;
    }

    private static readonly string[] Names = ["Teal", "Orange", "Blue", "Pink", "Green", "Brown", "Purple", "Cyan"];

    /// <summary>How much of the colour tints an event's background; the rest is the theme's surface.</summary>
    public const int TintPercent = 18;
}
