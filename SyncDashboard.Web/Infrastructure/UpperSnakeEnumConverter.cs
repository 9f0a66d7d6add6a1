using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncDashboard.Web.Infrastructure;

/// <summary>
/// Enums as UPPER_SNAKE names ("DEAD_LETTERED"). Reading takes the name in any case ("dead_lettered", "Dead_Lettered"),
/// the member's own name in any case ("DeadLettered") and, for clients written before names, a defined number.
/// System.Text.Json's own converter reads a multi-word snake name only in the exact case it writes.
/// </summary>
public sealed class UpperSnakeEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    /// <summary>The name an enum value is written as.</summary>
    public static string NameOf(Enum value) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(value.ToString());

    private sealed class Converter<T> : JsonConverter<T> where T : struct, Enum
    {
        private static readonly FrozenDictionary<T, string> Names = Enum.GetValues<T>().ToFrozenDictionary(v => v, v => NameOf(v));

        private static readonly FrozenDictionary<string, T> Values = Enum.GetValues<T>()
            .SelectMany(v => new[] { (Name: NameOf(v), Value: v), (Name: v.ToString(), Value: v) })
            .DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => Parse(reader.GetString()),
            JsonTokenType.Number when reader.TryGetInt32(out var number) && Enum.IsDefined(typeof(T), number) => (T)Enum.ToObject(typeof(T), number),
            _ => throw new JsonException($"Expected one of {string.Join(", ", Names.Values)}."),
        };

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Name(value));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(Name(value));

        private static T Parse(string? text) => text is not null && Values.TryGetValue(text.Trim(), out var value)
            ? value
            : throw new JsonException($"'{text}' is not one of {string.Join(", ", Names.Values)}.");

        private static string Name(T value) => Names.TryGetValue(value, out var name) ? name : Convert.ToInt64(value).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
