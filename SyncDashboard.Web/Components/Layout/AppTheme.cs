using MudBlazor;

namespace SyncDashboard.Web.Components.Layout;

/// <summary>The one look of the app: palette for light and dark, and a system font stack (no web font to fetch).</summary>
public static class AppTheme
{
    private static readonly string[] SystemFonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3f51b5",
            Secondary = "#00897b",
            Background = "#f5f6fa",
            Surface = "#ffffff",
            AppbarBackground = "#ffffff",
            AppbarText = "#1f2430",
            DrawerBackground = "#ffffff",
            TextPrimary = "#1f2430",
            TextSecondary = "#5f6675",
            LinesDefault = "#e3e5ec",
            Success = "#2e7d32",
            Warning = "#b26a00",
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8c9eff",
            // White on this light indigo is 2.5:1; near-black is over 8:1.
            PrimaryContrastText = "#10131a",
            Secondary = "#4db6ac",
            Background = "#15171c",
            Surface = "#1f2229",
            AppbarBackground = "#1f2229",
            AppbarText = "#e6e8ee",
            DrawerBackground = "#1b1e24",
            TextPrimary = "#e6e8ee",
            TextSecondary = "#a3a9b7",
            LinesDefault = "#343843",
            Success = "#81c784",
            Warning = "#ffb74d",
            Error = "#ef9a9a",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "220px" },
    };
}
