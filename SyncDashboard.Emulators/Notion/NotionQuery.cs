using System.Text.Json;
using System.Text.Json.Nodes;

namespace SyncDashboard.Emulators.Notion;

/// <summary>Database/data source query filters and sorts (contract §9).</summary>
internal static class NotionQuery
{
    public static Func<PageState, bool> BuildFilter(JsonNode? filter, DataSourceState ds, DateTimeOffset now, int depth = 0)
    {
        if (filter is null) return _ => true;
        if (filter is not JsonObject f) throw NotionApiException.Validation("body.filter should be an object.");
        if (depth > 2) throw NotionApiException.Validation("body.filter is nested too deeply (at most two levels).");
        if (f["and"] is JsonArray and)
        {
            var parts = and.Select(x => BuildFilter(x, ds, now, depth + 1)).ToList();
            return p => parts.All(x => x(p));
        }
        if (f["or"] is JsonArray or)
        {
            var parts = or.Select(x => BuildFilter(x, ds, now, depth + 1)).ToList();
            return p => parts.Any(x => x(p));
        }
        if (f["timestamp"]?.GetValue<string>() is { } ts)
        {
            if (ts is not ("last_edited_time" or "created_time") || f[ts] is not JsonObject cond)
                throw NotionApiException.Validation($"body.filter.timestamp {ts} is not supported.");
            var test = DateCondition(cond, now, "body.filter." + ts);
            return p => test(NotionDates.FormatTimestamp(ts == "created_time" ? p.CreatedTime : p.LastEditedTime));
        }
        var name = f["property"]?.GetValue<string>() ?? throw NotionApiException.Validation("body.filter.property should be defined.");
        var schema = ds.Properties.FirstOrDefault(x => x.Name == name || x.Id == name)
            ?? throw NotionApiException.Validation($"Could not find property with name or id: {name}");
        var kind = f.Select(kv => kv.Key).FirstOrDefault(k => k != "property" && k != "type")
            ?? throw NotionApiException.Validation($"body.filter.{schema.Type} should be defined.");
        var textLike = schema.Type is "title" or "rich_text" or "url" or "email" or "phone_number";
        if (kind != schema.Type && !(textLike && kind is "rich_text" or "title" or "url" or "email" or "phone_number"))
            throw NotionApiException.Validation($"The property type in the database does not match the filter provided: database property {schema.Type} does not match filter {kind}");
        if (f[kind] is not JsonObject c) throw NotionApiException.Validation($"body.filter.{kind} should be an object.");
        Func<JsonNode?, bool> valueTest = schema.Type switch
        {
            "title" or "rich_text" => TextCondition(c, v => NotionRichText.PlainText(v)),
            "url" or "email" or "phone_number" => TextCondition(c, v => v?.GetValue<string>() ?? ""),
            "date" => DateValueCondition(c, now),
            "checkbox" => CheckboxCondition(c),
            "select" => TextCondition(c, v => v?["name"]?.GetValue<string>() ?? ""),
            "number" => NumberCondition(c),
            _ => throw NotionApiException.Validation($"Filtering on {schema.Type} is not emulated."),
        };
        return p => valueTest(p.Values.GetValueOrDefault(schema.Name));
    }

    private static (string Op, JsonNode? Arg) Single(JsonObject c) =>
        c.Count == 1 ? (c.First().Key, c.First().Value) : throw NotionApiException.Validation("A filter condition should have exactly one operator.");

    private static Func<JsonNode?, bool> TextCondition(JsonObject c, Func<JsonNode?, string> text)
    {
        var (op, arg) = Single(c);
        var s = op is "is_empty" or "is_not_empty" ? "" : arg?.GetValue<string>() ?? "";
        return op switch
        {
            "equals" => v => text(v) == s,
            "does_not_equal" => v => text(v) != s,
            "contains" => v => text(v).Contains(s, StringComparison.OrdinalIgnoreCase),
            "does_not_contain" => v => !text(v).Contains(s, StringComparison.OrdinalIgnoreCase),
            "starts_with" => v => text(v).StartsWith(s, StringComparison.OrdinalIgnoreCase),
            "ends_with" => v => text(v).EndsWith(s, StringComparison.OrdinalIgnoreCase),
            "is_empty" => v => text(v).Length == 0,
            "is_not_empty" => v => text(v).Length > 0,
            _ => throw NotionApiException.Validation($"Unknown text filter operator {op}."),
        };
    }

    private static Func<JsonNode?, bool> CheckboxCondition(JsonObject c)
    {
        var (op, arg) = Single(c);
        var b = arg is JsonValue v && v.GetValueKind() == JsonValueKind.True;
        return op switch
        {
            "equals" => x => (x?.GetValue<bool>() ?? false) == b,
            "does_not_equal" => x => (x?.GetValue<bool>() ?? false) != b,
            _ => throw NotionApiException.Validation($"Unknown checkbox filter operator {op}."),
        };
    }

    private static Func<JsonNode?, bool> NumberCondition(JsonObject c)
    {
        var (op, arg) = Single(c);
        var n = arg is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : 0;
        return op switch
        {
            "equals" => x => x is not null && x.GetValue<double>() == n,
            "does_not_equal" => x => x is null || x.GetValue<double>() != n,
            "greater_than" => x => x is not null && x.GetValue<double>() > n,
            "less_than" => x => x is not null && x.GetValue<double>() < n,
            "greater_than_or_equal_to" => x => x is not null && x.GetValue<double>() >= n,
            "less_than_or_equal_to" => x => x is not null && x.GetValue<double>() <= n,
            "is_empty" => x => x is null,
            "is_not_empty" => x => x is not null,
            _ => throw NotionApiException.Validation($"Unknown number filter operator {op}."),
        };
    }

    private static Func<JsonNode?, bool> DateValueCondition(JsonObject c, DateTimeOffset now)
    {
        var (op, _) = Single(c);
        if (op == "is_empty") return v => v is null;
        if (op == "is_not_empty") return v => v is not null;
        var test = DateCondition(c, now, "body.filter.date");
        return v => v is not null && test(v["start"]?.GetValue<string>());
    }

    private static Func<string?, bool> DateCondition(JsonObject c, DateTimeOffset now, string path)
    {
        var (op, arg) = Single(c);
        var raw = arg?.GetValue<string>() ?? throw NotionApiException.Validation($"{path}.{op} should be a date string.");
        var dateOnly = NotionDates.IsDateOnly(raw);
        var bound = raw switch
        {
            "today" => new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero),
            "tomorrow" => new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero),
            "yesterday" => new DateTimeOffset(now.UtcDateTime.Date.AddDays(-1), TimeSpan.Zero),
            "one_week_ago" => now.AddDays(-7),
            "one_week_from_now" => now.AddDays(7),
            _ => NotionDates.ToInstant(raw) ?? throw NotionApiException.Validation($"{path}.{op} should be a valid ISO 8601 date string, instead was `\"{raw}\"`."),
        };
        // A date-only bound covers its whole (UTC) day.
        var dayEnd = dateOnly || raw is "today" or "tomorrow" or "yesterday" ? bound.AddDays(1) : bound;
        Func<DateTimeOffset, bool> cmp = op switch
        {
            "equals" => t => dateOnly ? t >= bound && t < dayEnd : t == bound,
            "before" => t => t < bound,
            "after" => t => t >= dayEnd && (dateOnly || t > bound),
            "on_or_before" => t => dateOnly ? t < dayEnd : t <= bound,
            "on_or_after" => t => t >= bound,
            _ => throw NotionApiException.Validation($"Unknown date filter operator {op}."),
        };
        return s => NotionDates.ToInstant(s) is { } t && cmp(t);
    }

    public static IComparer<PageState> BuildSort(JsonNode? sorts, DataSourceState ds)
    {
        var keys = new List<Comparison<PageState>>();
        foreach (var s in sorts as JsonArray ?? [])
        {
            var desc = s?["direction"]?.GetValue<string>() == "descending";
            Comparison<PageState> cmp;
            if (s?["timestamp"]?.GetValue<string>() is { } ts)
                cmp = ts == "created_time" ? (a, b) => a.CreatedTime.CompareTo(b.CreatedTime) : (a, b) => a.LastEditedTime.CompareTo(b.LastEditedTime);
            else
            {
                var name = s?["property"]?.GetValue<string>() ?? throw NotionApiException.Validation("body.sorts items need property or timestamp.");
                var schema = ds.Properties.FirstOrDefault(x => x.Name == name || x.Id == name)
                    ?? throw NotionApiException.Validation($"Could not find sort property with name or id: {name}");
                cmp = (a, b) => CompareValues(schema, a.Values.GetValueOrDefault(schema.Name), b.Values.GetValueOrDefault(schema.Name));
            }
            keys.Add(desc ? (a, b) => -cmp(a, b) : cmp);
        }
        keys.Add((a, b) => a.Sequence.CompareTo(b.Sequence)); // stable default: creation order
        return Comparer<PageState>.Create((a, b) => keys.Select(k => k(a, b)).FirstOrDefault(r => r != 0));
    }

    private static int CompareValues(PropertySchemaState schema, JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null) return a is null ? (b is null ? 0 : 1) : -1; // empty values sort last
        return schema.Type switch
        {
            "date" => Nullable.Compare(NotionDates.ToInstant(a["start"]?.GetValue<string>()), NotionDates.ToInstant(b["start"]?.GetValue<string>())),
            "number" => a.GetValue<double>().CompareTo(b.GetValue<double>()),
            "checkbox" => a.GetValue<bool>().CompareTo(b.GetValue<bool>()),
            "select" => string.CompareOrdinal(a["name"]?.GetValue<string>(), b["name"]?.GetValue<string>()),
            "title" or "rich_text" => string.Compare(NotionRichText.PlainText(a), NotionRichText.PlainText(b), StringComparison.OrdinalIgnoreCase),
            _ => string.CompareOrdinal(a.ToJsonString(), b.ToJsonString()),
        };
    }
}
