using SyncDashboard.Core.Notion;

namespace SyncDashboard.Tests.Notion;

public sealed class NotionMappingTests
{
    private static Dictionary<string, NotionPropertySchema> Schema(params (string Name, string Type)[] props) =>
        props.ToDictionary(p => p.Name, p => new NotionPropertySchema(p.Name == "Title" ? "title" : p.Name.ToLowerInvariant(), p.Name, p.Type));

    private static readonly NotionMappingValidator Validator = new();

    [Fact]
    public void PreselectsTheSeedNamesAndNotesTheMissingIdProperty()
    {
        var result = Validator.Preselect(Schema(("Title", "title"), ("Date", "date"), ("Description", "rich_text"),
            ("Location", "rich_text"), ("Notes", "rich_text"), ("Done", "checkbox")));

        Assert.True(result.IsValid, string.Join(" ", result.Errors));
        Assert.Equal(new NotionPropertyMapping("Title", "Date", "Description", "Location", "Notes", null), result.Mapping);
        Assert.Contains(result.Warnings, w => w.StartsWith("Property 'SyncDashboard ID' does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void PreselectionKeepsTheIdPropertyWhenTheDatabaseHasIt()
    {
        var result = Validator.Preselect(Schema(("Name", "title"), ("When", "date"), ("SyncDashboard ID", "rich_text")));

        Assert.True(result.IsValid);
        Assert.Equal(new NotionPropertyMapping("Name", "When", null, null, null, "SyncDashboard ID"), result.Mapping);
        Assert.Contains("Event notes: not synced to Notion (no property chosen).", result.Warnings);
    }

    [Fact]
    public void RefusesAPropertyOfTheWrongTypeSayingWhichAndWhy()
    {
        var schema = Schema(("Title", "title"), ("Date", "rich_text"), ("Location", "select"), ("Other", "date"));

        var preselected = Validator.Preselect(schema);
        var chosen = Validator.Validate(new NotionPropertyMapping("Title", "Date", Location: "Location", AppEventIdProperty: null), schema);

        Assert.False(preselected.IsValid);
        Assert.Contains("Property 'Date' is rich_text, but the event date needs a date property.", preselected.Errors);
        Assert.Contains("Property 'Location' is select, but the event location needs a rich_text (text) property.", chosen.Errors);
        Assert.Null(chosen.Mapping);
    }

    [Fact]
    public void RefusesAMissingPropertyATitleThatIsNotTheTitleAndReuse()
    {
        var schema = Schema(("Title", "title"), ("Date", "date"), ("Summary", "rich_text"));

        var result = Validator.Validate(new NotionPropertyMapping("Summary", "Start", "Summary", null, null, null), schema);

        Assert.Contains("Property 'Summary' is rich_text, but the event title needs the database's title property.", result.Errors);
        Assert.Contains("Property 'Start' does not exist in this database, but the event date needs a date property.", result.Errors);
        Assert.Contains(result.Errors, e => e.Contains("chosen for both the event title and the event description", StringComparison.Ordinal));
    }

    [Fact]
    public void MappingRoundTripsThroughItsStoredJson()
    {
        var mapping = new NotionPropertyMapping("Title", "Date", "Description", null, "Notes");
        var json = mapping.ToJson();
        Assert.Contains("\"app_event_id_property\":\"SyncDashboard ID\"", json);
        Assert.Equal(mapping, NotionPropertyMapping.FromJson(json));
    }
}
