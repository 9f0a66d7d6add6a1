using SyncDashboard.Core.Formatting;

namespace SyncDashboard.Tests.Unit.Formatting;

/// <summary>The pattern editing the formatter derives its short forms with.</summary>
public sealed class DatePatternTests
{
    [Theory]
    [InlineData("dddd, MMMM d, yyyy")]
    [InlineData("d 'de' MMMM 'de' yyyy")]
    [InlineData("yyyy\u5E74M\u6708d\u65E5dddd")]
    [InlineData("h:mm\\ tt")]
    public void ParsingAndPrintingGivesThePatternBack(string pattern) =>
        Assert.Equal(pattern, DatePattern.Parse(pattern).ToString());

    [Theory]
    [InlineData("h:mm tt", 'm', "h tt")]
    [InlineData("h:mm\u202Ftt", 't', "h:mm")]
    [InlineData("tt h:mm", 't', "h:mm")]
    [InlineData("MMMM d, yyyy", 'y', "MMMM d")]
    [InlineData("d MMMM yyyy\u202F'г'.", 'y', "d MMMM")]
    [InlineData("yyyy\u5E74M\u6708", 'y', "M\u6708")]
    public void AFieldGoesWithTheTextThatOnlyServedIt(string pattern, char field, string expected) =>
        Assert.Equal(expected, DatePattern.Parse(pattern).Without(field).ToString());

    [Fact]
    public void QuotedTextIsNotTakenForFields()
    {
        var p = DatePattern.Parse("d 'de' MMMM");
        Assert.Equal("d 'de' MMM", p.AbbreviateMonth().ToString());
        Assert.Equal(2, p.Tokens.Count(t => t.IsField));
    }

    [Fact]
    public void AOneLetterResultIsMarkedAsACustomPattern()
    {
        var hour = DatePattern.Parse("H:mm").Without('m').ToString();
        Assert.Equal("%H", hour);
        Assert.Equal("9", new DateTime(2026, 1, 1, 9, 0, 0).ToString(hour, System.Globalization.CultureInfo.InvariantCulture));
    }
}
