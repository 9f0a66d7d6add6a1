namespace SyncDashboard.Core.Notion;

/// <summary>
/// Checks a property mapping against a data source's schema: the title field must be the title property, the date a
/// date property, text fields rich_text, no property used twice. Errors say which property and why, for the settings page.
/// </summary>
public sealed class NotionMappingValidator
{
    private sealed record Slot(string Field, string Need, string NeedText);

    private static readonly Slot TitleSlot = new("title", "title", "the database's title property");
    private static readonly Slot DateSlot = new("date", "date", "a date property");
    private static Slot Text(string field) => new(field, "rich_text", "a rich_text (text) property");

    /// <summary>
    /// The mapping to offer first: the seed names where they exist with the right type, otherwise the title property
    /// and the only date property. Validated like a user's choice, so a wrong-typed "Date" is reported, not skipped.
    /// </summary>
    public NotionMappingResult Preselect(IReadOnlyDictionary<string, NotionPropertySchema> schema)
    {
        var seed = NotionPropertyMapping.Seed;
        string? Named(string name, string type) => schema.TryGetValue(name, out var p) && p.Type == type ? name : null;
        var dates = schema.Values.Where(p => p.Type == "date").ToList();
        var proposal = new NotionPropertyMapping(
            Named(seed.Title, "title") ?? schema.Values.FirstOrDefault(p => p.Type == "title")?.Name ?? seed.Title,
            schema.ContainsKey(seed.Date) || dates.Count != 1 ? seed.Date : dates[0].Name,
            Named(seed.Description!, "rich_text"), Named(seed.Location!, "rich_text"), Named(seed.Notes!, "rich_text"));
        return Validate(proposal, schema);
    }

    public NotionMappingResult Validate(NotionPropertyMapping mapping, IReadOnlyDictionary<string, NotionPropertySchema> schema)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        var used = new Dictionary<string, string>(StringComparer.Ordinal);

        void Check(string? name, Slot slot, bool required)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                if (required) errors.Add($"Choose the property that holds the event {slot.Field}.");
                return;
            }
            if (!schema.TryGetValue(name, out var property))
            {
                errors.Add($"Property '{name}' does not exist in this database, but the event {slot.Field} needs {slot.NeedText}.");
                return;
            }
            if (property.Type != slot.Need)
                errors.Add($"Property '{name}' is {property.Type}, but the event {slot.Field} needs {slot.NeedText}.");
            if (used.TryGetValue(name, out var other))
                errors.Add($"Property '{name}' is chosen for both the event {other} and the event {slot.Field}; each needs its own property.");
            used[name] = slot.Field;
        }

        Check(mapping.Title, TitleSlot, required: true);
        Check(mapping.Date, DateSlot, required: true);
        Check(mapping.Description, Text("description"), required: false);
        Check(mapping.Location, Text("location"), required: false);
        Check(mapping.Notes, Text("notes"), required: false);

        var result = mapping;
        if (mapping.AppEventIdProperty is { Length: > 0 } idName)
        {
            if (!schema.ContainsKey(idName))
            {
                // The API cannot be assumed to add schema properties (the emulator cannot), so this is a fallback, not an error.
                warnings.Add($"Property '{idName}' does not exist, so a retried create is matched by exact Title and Date among pages " +
                    $"this connection created. Add a text property named '{idName}' to match by the app's event id instead.");
                result = mapping with { AppEventIdProperty = null };
            }
            else Check(idName, Text("id (SyncDashboard's own)"), required: false);
        }
        foreach (var (field, name) in new[] { ("description", mapping.Description), ("location", mapping.Location), ("notes", mapping.Notes) })
            if (name is null) warnings.Add($"Event {field}: not synced to Notion (no property chosen).");

        return new NotionMappingResult(errors.Count == 0 ? result : null, errors, warnings, result);
    }
}
