using System.Globalization;
using MudBlazor;
using SyncDashboard.Core.Domain;
using SyncDashboard.Web.Calendar.Sources;
using SyncDashboard.Web.Components.Layout;

namespace SyncDashboard.Tests.Unit.Calendar;

public sealed class SourceColorsTests
{
    private static SourceColors.IntegrationInfo Google(string name, bool connected = true) => new(Guid.NewGuid(), Provider.Google, name, connected);

    [Fact]
    public void IntegrationsTakeThePaletteInTheOrderTheyWereConnectedAndWrapAfterTheLast()
    {
        var integrations = Enumerable.Range(1, SourcePalette.Integrations.Count + 1).Select(i => Google($"Calendar {i}")).ToList();

        var sources = SourceColors.Assign(integrations);

        Assert.Equal([.. SourcePalette.Integrations, SourcePalette.Integrations[0]], sources.Integrations.Select(s => s.Color));
        Assert.Equal(integrations.Select(i => i.DisplayName), sources.Integrations.Select(s => s.Name));
    }

    [Fact]
    public void TheSameIntegrationsGetTheSameColoursEveryTime()
    {
        var integrations = new[] { Google("Work"), Google("Family"), Google("Club") };

        Assert.Equal(SourceColors.Assign(integrations).Integrations, SourceColors.Assign(integrations).Integrations);
    }

    [Fact]
    public void AnEventFromTheAppOrFromAnUnknownIntegrationHasTheAppsColour()
    {
        var sources = SourceColors.Assign([Google("Work")]);

        Assert.Equal(CalendarSource.App, sources.For(null));
        Assert.Equal(CalendarSource.App, sources.For(Guid.NewGuid()));
        Assert.Equal("Work", sources.For(sources.Integrations[0].IntegrationId).Name);
    }

    [Fact]
    public void AColourTheUserPickedWinsAndTheOthersKeepTheirTurn()
    {
        var picked = SourcePalette.Integrations[4];
        var integrations = new[] { Google("Work"), Google("Family") with { Color = picked }, Google("Club") };

        var sources = SourceColors.Assign(integrations);

        Assert.Equal([SourcePalette.Integrations[0], picked, SourcePalette.Integrations[2]], sources.Integrations.Select(s => s.Color));
    }

    [Fact]
    public void EveryPaletteColourHasAName()
    {
        Assert.All(SourcePalette.Integrations, c => Assert.DoesNotContain("#", SourcePalette.NameOf(c)));
        Assert.Equal("Orange", SourcePalette.NameOf("#E65100"));
    }

    [Fact]
    public void TheAppsColourIsNotAnIntegrations()
    {
        Assert.DoesNotContain(SourcePalette.App, SourcePalette.Integrations);
        Assert.Equal(SourcePalette.Integrations.Count, SourcePalette.Integrations.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    public static TheoryData<string, string> ThemeGrounds()
    {
        var data = new TheoryData<string, string>();
        var light = AppTheme.Theme.PaletteLight;
        var dark = AppTheme.Theme.PaletteDark;
        foreach (var (name, ground) in new[] { ("light surface", light.Surface), ("light background", light.Background), ("dark surface", dark.Surface), ("dark background", dark.Background) })
        foreach (var colour in SourcePalette.Integrations.Append(SourcePalette.App))
            data.Add(colour, $"{name} {ground.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex)}");
        return data;
    }

    /// <summary>WCAG asks 3:1 of a graphic against what it sits on: each colour edges events in light and dark mode.</summary>
    [Theory]
    [MemberData(nameof(ThemeGrounds))]
    public void EveryColourStandsOutFromTheThemesGroundsInLightAndDark(string colour, string ground)
    {
        var groundHex = ground.Split(' ')[^1];
        Assert.True(Contrast(colour, groundHex) >= 3, $"{colour} on the {ground}: {Contrast(colour, groundHex):0.00}:1");
    }

    /// <summary>The title is in the theme's text colour on the colour's tint of the surface, and must read at 4.5:1.</summary>
    [Theory]
    [MemberData(nameof(ThemeGrounds))]
    public void TitlesOnEachColoursTintReadInLightAndDark(string colour, string ground)
    {
        if (!ground.Contains("surface")) return;
        var palette = ground.StartsWith("light") ? (Palette)AppTheme.Theme.PaletteLight : AppTheme.Theme.PaletteDark;
        var text = palette.TextPrimary.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex);
        foreach (var percent in new[] { SourcePalette.TintPercent, 30 }) // at rest and under the pointer
        {
            var tint = Mix(colour, ground.Split(' ')[^1], percent);
            Assert.True(Contrast(text, tint) >= 4.5, $"{text} on {colour} at {percent}% over the {ground}: {Contrast(text, tint):0.00}:1");
        }
    }

    private static double[] Rgb(string hex) =>
        [.. Enumerable.Range(0, 3).Select(i => int.Parse(hex.TrimStart('#').Substring(i * 2, 2), NumberStyles.HexNumber) / 255.0)];

    /// <summary>color-mix(in srgb, colour p%, ground).</summary>
    private static string Mix(string colour, string ground, int percent)
    {
        var (c, g) = (Rgb(colour), Rgb(ground));
        return "#" + string.Concat(Enumerable.Range(0, 3).Select(i => ((int)Math.Round((c[i] * percent + g[i] * (100 - percent)) / 100 * 255)).ToString("x2")));
    }

    private static double Luminance(string hex) => Rgb(hex)
        .Select(v => v <= 0.03928 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4))
        .Zip([0.2126, 0.7152, 0.0722], (v, w) => v * w).Sum();

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }
}
