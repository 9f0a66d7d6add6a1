using MudBlazor;
using MudBlazor.Utilities;

namespace SyncDashboard.Web.Components.Layout;

/// <summary>
/// The sign-in pages are static (no circuit, no script asks the system), so MudBlazor's theme provider can only paint
/// them in the remembered mode. This CSS gives them the dark palette when the user chose dark, or chose nothing and the
/// system is dark (<c>prefers-color-scheme</c>). Its values come from <see cref="AppTheme"/>, so there is one palette.
/// </summary>
public static class StaticDarkStyle
{
    private static readonly string DarkVariables = Variables(AppTheme.Theme.PaletteDark);

    /// <summary>The CSS for <paramref name="mode"/>: none for light, the dark palette always for dark, by the system's setting otherwise.</summary>
    public static string? For(ThemeMode mode) => mode switch
    {
        ThemeMode.Light => null,
        ThemeMode.Dark => $"html:root{{{DarkVariables}}}",
        _ => $"@media (prefers-color-scheme: dark){{html:root{{{DarkVariables}}}}}",
    };

    // html:root outranks the provider's :root, whichever comes first in the page.
    private static string Variables(Palette p) => string.Concat(
        "color-scheme:dark;",
        Color("background", p.Background), Color("surface", p.Surface), Color("text-primary", p.TextPrimary),
        Color("text-secondary", p.TextSecondary), Color("lines-default", p.LinesDefault), Color("primary", p.Primary),
        Color("primary-text", p.PrimaryContrastText), Color("success", p.Success), Color("warning", p.Warning), Color("error", p.Error));

    private static string Color(string name, MudColor color) =>
        $"--mud-palette-{name}:{color.ToString(MudColorOutputFormats.Hex)};--mud-palette-{name}-rgb:{color.R},{color.G},{color.B};";
}
