using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync.Conflicts;

namespace SyncDashboard.Tests.Unit;

/// <summary>The API's words for settling a conflict, and which side each colliding field then takes.</summary>
public sealed class ConflictResolutionTests
{
    private static readonly string[] Fields = ["Title", "Location"];

    [Theory]
    [InlineData("local", ConflictChoice.TakeLocal)]
    [InlineData("remote", ConflictChoice.TakeRemote)]
    [InlineData("REMOTE", ConflictChoice.TakeRemote)]
    [InlineData(" keep ", ConflictChoice.KeepAutomatic)]
    public void ChoiceWordsParseWhateverTheirCase(string word, ConflictChoice expected) =>
        Assert.Equal(expected, ConflictResolution.Parse(word, null).Choice);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("both")]
    [InlineData("1")]
    [InlineData("TakeLocal")]
    public void AnyOtherChoiceIsRefusedNamingTheWords(string? word)
    {
        var ex = Assert.Throws<InputValidationException>(() => ConflictResolution.Parse(word, null));
        Assert.Contains("\"local\", \"remote\" or \"merge\"", Assert.Single(ex.Errors["choice"]));
    }

    [Fact]
    public void MergeTakesEachNamedFieldsSideMatchingNamesWithoutCase()
    {
        var resolution = ConflictResolution.Parse("merge", new Dictionary<string, string?> { ["title"] = "remote", ["LOCATION"] = "Local" });
        var sides = resolution.SidesFor(Fields, ConflictOutcome.LocalWon)!;
        Assert.Equal(ConflictSide.Remote, sides["Title"]);
        Assert.Equal(ConflictSide.Local, sides["Location"]);
    }

    [Fact]
    public void MergeWithoutFieldsOrWithABadSideIsRefused()
    {
        Assert.Contains("fields", Assert.Throws<InputValidationException>(() => ConflictResolution.Parse("merge", null)).Errors.Keys);
        Assert.Contains("fields", Assert.Throws<InputValidationException>(() => ConflictResolution.Parse("merge", new Dictionary<string, string?>())).Errors.Keys);
        var bad = Assert.Throws<InputValidationException>(() => ConflictResolution.Parse("merge", new Dictionary<string, string?> { ["Title"] = "theirs" }));
        Assert.Equal(["The side for \"Title\" must be \"local\" or \"remote\"."], bad.Errors["fields"]);
        Assert.Throws<InputValidationException>(() => ConflictResolution.Parse("merge", new Dictionary<string, string?> { ["Title"] = null }));
        Assert.Throws<InputValidationException>(() => ConflictResolution.Parse("merge", new Dictionary<string, string?> { ["Title"] = "local", ["title"] = "remote" }));
    }

    [Fact]
    public void FieldsWithAnotherChoiceAreRefused() =>
        Assert.Equal(["fields go only with choice \"merge\"."],
            Assert.Throws<InputValidationException>(() => ConflictResolution.Parse("local", new Dictionary<string, string?> { ["Title"] = "local" })).Errors["fields"]);

    [Fact]
    public void AMergeMustNameEveryCollidingFieldAndNothingElse()
    {
        var unknown = ConflictResolution.Parse("merge", new Dictionary<string, string?> { ["Title"] = "local", ["Location"] = "local", ["Notes"] = "remote" });
        Assert.Equal(["\"Notes\" is not a field of this conflict; its fields are Title, Location."],
            Assert.Throws<InputValidationException>(() => unknown.SidesFor(Fields, ConflictOutcome.LocalWon)).Errors["fields"]);
        var missing = ConflictResolution.Parse("merge", new Dictionary<string, string?> { ["Title"] = "local" });
        Assert.Equal(["Say which side Location takes: \"local\" or \"remote\"."],
            Assert.Throws<InputValidationException>(() => missing.SidesFor(Fields, ConflictOutcome.LocalWon)).Errors["fields"]);
    }

    [Fact]
    public void AVeryLongFieldNameIsCutShortInTheMessage()
    {
        var name = new string('x', 5000);
        var ex = Assert.Throws<InputValidationException>(() => ConflictResolution.Parse("merge", new Dictionary<string, string?> { [name] = "sideways" }));
        Assert.True(Assert.Single(ex.Errors["fields"]).Length < 100);
    }

    [Theory]
    [InlineData(ConflictChoice.TakeLocal, ConflictOutcome.RemoteWon, ConflictSide.Local)]
    [InlineData(ConflictChoice.TakeRemote, ConflictOutcome.RemoteWon, ConflictSide.Remote)]
    [InlineData(ConflictChoice.UseOtherSide, ConflictOutcome.RemoteWon, ConflictSide.Local)]
    [InlineData(ConflictChoice.UseOtherSide, ConflictOutcome.LocalWon, ConflictSide.Remote)]
    public void WholeSideChoicesTakeOneSideForEveryField(ConflictChoice choice, ConflictOutcome outcome, ConflictSide side) =>
        Assert.All(new ConflictResolution(choice).SidesFor(Fields, outcome)!.Values, s => Assert.Equal(side, s));

    [Fact]
    public void KeepingTheAutomaticOutcomeTakesNothing() =>
        Assert.Null(ConflictResolution.Keep.SidesFor(Fields, ConflictOutcome.RemoteWon));
}
