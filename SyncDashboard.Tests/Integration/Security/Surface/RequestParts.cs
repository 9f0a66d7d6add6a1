using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SyncDashboard.Tests.Integration.Security.Surface;

/// <summary>A body given as bytes, for the malformed, mislabelled and oversized ones. <see cref="Chunked"/> sends it without a length.</summary>
public sealed record RawBody(string? ContentType, byte[] Bytes, bool Chunked = false);

/// <summary>
/// A request as parts that can be bent one at a time: starts as a route's valid request for an <see cref="Aim"/>, and
/// <see cref="Build"/> makes the bytes that go out.
/// </summary>
public sealed partial record RequestParts
{
    public required RouteSpec Spec { get; init; }
    public required Aim Aim { get; init; }
    public required Caller Caller { get; init; }
    /// <summary>The method, for routes that take any (<c>*</c>).</summary>
    public string? Method { get; init; }
    /// <summary>An Authorization header sent instead of the caller's credentials (a forged or malformed one).</summary>
    public string? Authorization { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> RouteValues { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> Query { get; init; }
    public JsonNode? Json { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>>? Form { get; init; }
    public RawBody? Raw { get; init; }
    public bool Antiforgery { get; init; }
    /// <summary>Applied to the headers the route computes for the final body.</summary>
    public Func<IReadOnlyList<KeyValuePair<string, string>>, IReadOnlyList<KeyValuePair<string, string>>> EditHeaders { get; init; } = h => h;
    /// <summary>What was bent, for reports.</summary>
    public string Variant { get; init; } = "valid";

    public static RequestParts Valid(RouteSpec spec, Aim aim) => new()
    {
        Spec = spec, Aim = aim, Caller = spec.Caller, RouteValues = spec.RouteValues(aim), Query = spec.Query(aim),
        Json = spec.Json?.Invoke(aim), Form = spec.Form?.Invoke(aim), Antiforgery = spec.AntiforgeryPage is not null,
    };

    public SurfaceRequest Build()
    {
        var path = RouteParameter().Replace(Spec.Pattern, m =>
            RouteValues.FirstOrDefault(v => v.Key == m.Groups[1].Value) is { Key: not null } v ? Encode(v.Value) : "");
        var query = Query.Count == 0 ? "" : "?" + string.Join("&", Query.Select(q => Encode(q.Key) + "=" + Encode(q.Value)));
        var body = Raw
            ?? (Json is not null ? new RawBody("application/json", Encoding.UTF8.GetBytes(Json.ToJsonString()))
            : Form is not null ? new RawBody("application/x-www-form-urlencoded", Encoding.UTF8.GetBytes(FormText(Form)))
            : null);
        var headers = EditHeaders(Spec.Headers(Aim, body?.Bytes ?? []));
        return new SurfaceRequest(Spec.Key, Method ?? Spec.Method, path + query, Caller, Authorization, body, headers,
            Antiforgery ? Spec.AntiforgeryPage : null, Variant);
    }

    public static string FormText(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join("&", fields.Select(f => Encode(f.Key) + "=" + Encode(f.Value)));

    /// <summary>
    /// Percent-encoding that, unlike <see cref="Uri.EscapeDataString(string)"/>, takes any string: an unpaired surrogate
    /// goes out as its three (invalid) UTF-8 bytes, as a careless client would send it.
    /// </summary>
    public static string Encode(string value)
    {
        var sb = new StringBuilder(value.Length);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') { sb.Append(c); continue; }
            var n = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
                ? Encoding.UTF8.GetBytes([c, value[++i]], bytes)
                : char.IsSurrogate(c) ? Wtf8(c, bytes) : Encoding.UTF8.GetBytes([c], bytes);
            foreach (var b in bytes[..n]) sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static int Wtf8(char c, Span<byte> bytes)
    {
        bytes[0] = (byte)(0xE0 | (c >> 12));
        bytes[1] = (byte)(0x80 | ((c >> 6) & 0x3F));
        bytes[2] = (byte)(0x80 | (c & 0x3F));
        return 3;
    }

    [GeneratedRegex(@"\{\*?([A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}

/// <summary>One request ready to send; <see cref="Route"/> is the route key it exercises.</summary>
public sealed record SurfaceRequest(string Route, string Method, string PathAndQuery, Caller Caller, string? Authorization, RawBody? Body,
    IReadOnlyList<KeyValuePair<string, string>> Headers, string? AntiforgeryPage, string Variant)
{
    /// <summary>Everything the request itself says, so a response that only echoes it is not counted as a leak.</summary>
    public string Text => string.Join("\n", [Uri.UnescapeDataString(PathAndQuery), Body is null ? "" : SafeText(Body.Bytes),
        .. Headers.Select(h => h.Key + ": " + h.Value)]);

    public override string ToString() => $"{Method} {Clip(PathAndQuery)} as {Caller} [{Variant}]";

    private static string SafeText(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        try { return Uri.UnescapeDataString(text.Replace('+', ' ')); }
        catch (UriFormatException) { return text; }
    }

    private static string Clip(string s) => s.Length <= 140 ? s : s[..140] + "…";
}
