using System.Text.Json;
using System.Text.Json.Nodes;

namespace SyncDashboard.Emulators.Notion;

/// <summary>Validates property writes against the schema and turns them into stored (response-shaped) values.</summary>
internal static class NotionPropertyCodec
{
    public static readonly string[] SupportedTypes =
        ["title", "rich_text", "date", "checkbox", "select", "multi_select", "url", "email", "phone_number", "number"];

    public static JsonNode? DefaultValue(string type) => type switch
    {
        "title" or "rich_text" or "multi_select" => new JsonArray(),
        "checkbox" => false,
        _ => null,
    };

    /// <summary>Parses <c>{"&lt;type&gt;": value}</c> for one property. Throws validation_error naming the property.</summary>
    public static JsonNode? Parse(PropertySchemaState schema, JsonNode? input)
    {
        var name = schema.Name;
        var path = $"body.properties.{name}";
        if (input is not JsonObject obj)
            throw NotionApiException.Validation($"{path} should be an object, instead was `{input?.ToJsonString() ?? "undefined"}`.");
        var declared = obj["type"] is JsonValue tv && tv.TryGetValue<string>(out var t) ? t : null;
        if (declared is not null && declared != schema.Type || !obj.ContainsKey(schema.Type))
            throw NotionApiException.Validation($"{name} is expected to be {schema.Type}.");
        var value = obj[schema.Type];
        path += "." + schema.Type;
        return schema.Type switch
        {
            "title" or "rich_text" => NotionRichText.Parse(value, path),
            "date" => NotionDates.ParseDate(value, path),
            "checkbox" => value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                ? b.GetValue<bool>() : throw NotionApiException.Validation($"{path} should be a boolean."),
            "select" => ParseSelect(schema, value, path),
            "multi_select" => ParseMultiSelect(schema, value, path),
            "url" or "email" or "phone_number" => ParseString(value, path, schema.Type == "url" ? 2000 : 200),
            "number" => value is null ? null : value is JsonValue n && n.GetValueKind() == JsonValueKind.Number
                ? n.GetValue<double>() : throw NotionApiException.Validation($"{path} should be a number or `null`."),
            _ => throw NotionApiException.Validation($"{name} has type {schema.Type}, which the emulator cannot write."),
        };
    }

    private static JsonNode? ParseString(JsonNode? value, string path, int max)
    {
        if (value is null) return null;
        if (value is not JsonValue v || !v.TryGetValue<string>(out var s))
            throw NotionApiException.Validation($"{path} should be a string or `null`.");
        if (s.Length > max)
            throw NotionApiException.Validation($"{path}.length should be ≤ `{max}`, instead was `{s.Length}`.");
        return s.Length == 0 ? null : s; // Empty values are explicit null.
    }

    private static JsonNode? ParseSelect(PropertySchemaState schema, JsonNode? value, string path)
    {
        if (value is null) return null;
        if (value is not JsonObject o) throw NotionApiException.Validation($"{path} should be an object or `null`.");
        return OptionNode(ResolveOption(schema, o, path));
    }

    private static JsonArray ParseMultiSelect(PropertySchemaState schema, JsonNode? value, string path)
    {
        if (value is not JsonArray arr) throw NotionApiException.Validation($"{path} should be an array.");
        if (arr.Count > 100) throw NotionApiException.Validation($"{path}.length should be ≤ `100`, instead was `{arr.Count}`.");
        var result = new JsonArray();
        foreach (var item in arr)
            result.Add(OptionNode(ResolveOption(schema, item as JsonObject ?? throw NotionApiException.Validation($"{path} items should be objects."), path)));
        return result;
    }

    /// <summary>Finds an option by id or name; an unknown name creates the option (contract §10, [U]).</summary>
    private static SelectOptionState ResolveOption(PropertySchemaState schema, JsonObject o, string path)
    {
        var id = o["id"]?.GetValue<string>();
        var name = o["name"]?.GetValue<string>();
        if (id is not null)
            return schema.Options.FirstOrDefault(x => x.Id == id)
                ?? throw NotionApiException.Validation($"{path}.id {id} is not an option of {schema.Name}.");
        if (string.IsNullOrEmpty(name)) throw NotionApiException.Validation($"{path}.name should be defined.");
        if (name.Contains(',')) throw NotionApiException.Validation($"{path}.name cannot contain commas.");
        var option = schema.Options.FirstOrDefault(x => x.Name == name);
        if (option is null)
        {
            option = new SelectOptionState { Id = NotionIds.NewId(), Name = name, Color = o["color"]?.GetValue<string>() ?? "default" };
            schema.Options.Add(option);
        }
        return option;
    }

    private static JsonObject OptionNode(SelectOptionState o) => new() { ["id"] = o.Id, ["name"] = o.Name, ["color"] = o.Color };

    /// <summary>The schema entry as it appears in database/data source <c>properties</c>.</summary>
    public static JsonObject RenderSchema(PropertySchemaState p)
    {
        JsonNode config = p.Type switch
        {
            "select" or "multi_select" => new JsonObject { ["options"] = new JsonArray(p.Options.Select(o => (JsonNode)OptionNode(o)).ToArray()) },
            "number" => new JsonObject { ["format"] = "number" },
            _ => new JsonObject(),
        };
        return new JsonObject { ["id"] = p.Id, ["name"] = p.Name, ["type"] = p.Type, [p.Type] = config };
    }
}
