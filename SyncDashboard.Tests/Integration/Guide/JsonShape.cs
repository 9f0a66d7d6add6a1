using System.Text.Json;

namespace SyncDashboard.Tests.Integration.Guide;

/// <summary>Field-by-field checks of an answer's shape: exact names (ordinal, so casing counts) and JSON types.</summary>
public static class JsonShape
{
    public const JsonValueKind Bool = JsonValueKind.True;

    /// <summary>Each named field is present with one of its kinds; <see cref="Bool"/> stands for true or false.</summary>
    public static void Has(JsonElement element, params (string Name, JsonValueKind[] Kinds)[] fields)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        foreach (var (name, kinds) in fields)
        {
            Assert.True(element.TryGetProperty(name, out var value), $"the answer has a field named exactly '{name}': {element}");
            var kind = value.ValueKind == JsonValueKind.False ? JsonValueKind.True : value.ValueKind;
            Assert.True(kinds.Contains(kind), $"'{name}' is {string.Join(" or ", kinds)}, not {value.ValueKind}: {element}");
        }
    }

    public static (string, JsonValueKind[]) F(string name, params JsonValueKind[] kinds) => (name, kinds);

    public static readonly JsonValueKind[] StringOrNull = [JsonValueKind.String, JsonValueKind.Null];
    public static readonly JsonValueKind[] NumberOrNull = [JsonValueKind.Number, JsonValueKind.Null];
}
