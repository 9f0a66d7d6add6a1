using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SyncDashboard.Tests.Integration.Security.Fuzz;

/// <summary>
/// JSON written by hand where System.Text.Json will not write it: strings with lone surrogates (escaped as \uD800,
/// which is valid JSON text) and values of any type at any property.
/// </summary>
public static class JsonText
{
    /// <summary>A JSON string literal that escapes everything outside printable ASCII, including unpaired surrogates.</summary>
    public static string String(string value)
    {
        var sb = new StringBuilder("\"", value.Length + 2);
        foreach (var c in value)
        {
            if (c is '"' or '\\') sb.Append('\\').Append(c);
            else if (c is >= ' ' and <= '~') sb.Append(c);
            else sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        return sb.Append('"').ToString();
    }

    /// <summary><paramref name="body"/> with the property at <paramref name="path"/> set to the JSON text <paramref name="literal"/> (or removed when null).</summary>
    public static string With(JsonObject body, IReadOnlyList<string> path, string? literal)
    {
        const string placeholder = "__fuzz_placeholder_7f3a__";
        var copy = (JsonObject)body.DeepClone();
        var parent = copy;
        foreach (var key in path.Take(path.Count - 1)) parent = (JsonObject)parent[key]!;
        if (literal is null) parent.Remove(path[^1]);
        else parent[path[^1]] = placeholder;
        var text = copy.ToJsonString();
        return literal is null ? text : text.Replace($"\"{placeholder}\"", literal);
    }

    /// <summary>Every property path of scalar values, nested objects included, with its valid value as text.</summary>
    public static IEnumerable<(IReadOnlyList<string> Path, JsonNode? Value)> Leaves(JsonObject body, IReadOnlyList<string>? prefix = null)
    {
        foreach (var (key, value) in body)
        {
            IReadOnlyList<string> path = [.. prefix ?? [], key];
            if (value is JsonObject nested)
            {
                foreach (var leaf in Leaves(nested, path)) yield return leaf;
            }
            else yield return (path, value);
        }
    }
}
