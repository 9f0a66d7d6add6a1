using System.Globalization;
using SyncDashboard.Core.Formatting;

namespace SyncDashboard.Tests.Unit.Formatting;

public sealed class DisplayChoicesTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void TheUsersCultureBeatsTheBrowsers()
    {
        var p = new DisplayChoices("en-GB", null, null).Resolve("en-US", Berlin);

        Assert.Equal(("en-GB", HourCycle.H23, DayOfWeek.Monday), (p.Culture.Name, p.HourCycle, p.WeekStart));
        Assert.Same(Berlin, p.Zone);
    }

    [Fact]
    public void NothingChosenReadsAsTheBrowserDoes()
    {
        var p = DisplayChoices.BrowserDefault.Resolve("en-US", Berlin);

        Assert.Equal(("en-US", HourCycle.H12, DayOfWeek.Sunday), (p.Culture.Name, p.HourCycle, p.WeekStart));
    }

    [Fact]
    public void AChosenClockAndWeekStartBeatTheChosenCulturesHabit()
    {
        var p = new DisplayChoices("en-US", HourCycle.H23, DayOfWeek.Monday).Resolve("de-DE", Berlin);

        Assert.Equal(("en-US", HourCycle.H23, DayOfWeek.Monday), (p.Culture.Name, p.HourCycle, p.WeekStart));
        Assert.Equal("14:05", new DateTimeFormatter(p with { Zone = TimeZoneInfo.Utc }).Time(FormatKit.Tue1405));
    }

    [Fact]
    public void AClockChoiceAloneKeepsTheBrowsersCulture()
    {
        var p = new DisplayChoices(null, HourCycle.H12, null).Resolve("de-DE", Berlin);

        Assert.Equal(("de-DE", HourCycle.H12, DayOfWeek.Monday), (p.Culture.Name, p.HourCycle, p.WeekStart));
    }

    [Theory]
    [InlineData("xx-YY")]
    [InlineData("not a culture")]
    public void AStoredCultureThatDoesNotResolveFallsBackToTheBrowsers(string stored)
    {
        var p = new DisplayChoices(stored, null, null).Resolve("fr-FR", Berlin);

        Assert.Equal("fr-FR", p.Culture.Name);
    }

    [Fact]
    public void NeitherChosenNorToldIsTheInvariantCulture()
    {
        var p = DisplayChoices.BrowserDefault.Resolve(null, Berlin);

        Assert.Same(CultureInfo.InvariantCulture, p.Culture);
    }

    [Fact]
    public void EveryOfferedCultureHasItsOwnData()
    {
        Assert.All(DisplayChoices.Cultures, name => Assert.Equal(name, CultureResolver.Resolve(name).Name));
        Assert.True(DisplayChoices.IsOffered(null));
        Assert.False(DisplayChoices.IsOffered("xx-YY"));
    }
}
