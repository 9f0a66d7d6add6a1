using System.Text;
using System.Text.Json.Nodes;
using SyncDashboard.Tests.Integration.Security.Surface;

namespace SyncDashboard.Tests.Integration.Security.Fuzz;

/// <summary>
/// Bends a route's valid request one part at a time (credentials, each query value, route value, header and body
/// field, then the body as a whole), plus a few seeded combinations of several parts at once.
/// </summary>
public sealed class FuzzVariants(Random random, long bodyLimit)
{
    private const int Combinations = 8;

    public IEnumerable<RequestParts> For(RouteSpec spec, Aim aim)
    {
        foreach (var method in spec.Method == "*" ? new[] { "GET", "POST" } : [spec.Method])
        {
            var valid = RequestParts.Valid(spec, aim) with { Method = spec.Method == "*" ? method : null };
            var variants = Credentials(valid).Concat(Queries(valid)).Concat(RouteValues(valid)).Concat(Headers(valid))
                .Concat(Fields(valid)).Concat(Bodies(valid)).Concat(Mixed(valid)).ToList();
            // A valid request that ends the session goes last, so the bent ones still run signed in.
            if (!spec.EndsSession) yield return valid;
            foreach (var v in variants) yield return v;
            if (spec.EndsSession) yield return valid;
        }
    }

    private IEnumerable<RequestParts> Credentials(RequestParts valid)
    {
        if (valid.Caller == Caller.Anonymous) yield break;
        yield return valid with { Caller = Caller.Anonymous, Variant = "no credentials" };
        yield return valid with { Caller = valid.Caller == Caller.Token ? Caller.Cookie : Caller.Token, Variant = "the other credentials" };
        string[] forged =
        [
            "Bearer sdt_" + Convert.ToHexStringLower(RandomBytes(24)), "Bearer ", "Bearer sdt_", "Bearer " + new string('a', 6000),
            "Basic Zm9vOmJhcg==", "bearer  sdt_0123  ", "Negotiate abc", "Bearer " + HostileValues.RandomGuid(random),
        ];
        foreach (var f in valid.Spec.ValuesPerField < 10 ? random.GetItems(forged, 2) : forged) yield return valid with { Authorization = f, Variant = "Authorization: " + Clip(f) };
    }

    private IEnumerable<RequestParts> Queries(RequestParts valid)
    {
        var query = valid.Query;
        for (var i = 0; i < query.Count; i++)
        {
            var (key, value) = query[i];
            var index = i;
            foreach (var hostile in Values(HostileValues.FamilyOf(key, value), valid.Spec.ValuesPerField))
                yield return valid with { Query = Replace(query, index, new(key, hostile)), Variant = $"?{key}={Clip(hostile)}" };
            yield return valid with { Query = [.. query, new(key, Pick(HostileValues.Fixed(HostileValues.FamilyOf(key, value))))], Variant = $"?{key} twice" };
            yield return valid with { Query = [.. query.Where((_, j) => j != index)], Variant = $"no ?{key}" };
        }
        yield return valid with { Query = [.. query, new("x", Pick(HostileValues.Text))], Variant = "unknown query key" };
        yield return valid with { Query = [.. query, new(Pick(HostileValues.Text), "1")], Variant = "hostile query key" };
    }

    private IEnumerable<RequestParts> RouteValues(RequestParts valid)
    {
        var values = valid.RouteValues;
        for (var i = 0; i < values.Count; i++)
        {
            var (key, value) = values[i];
            var index = i;
            foreach (var hostile in Values(HostileValues.FamilyOf(key, value), valid.Spec.ValuesPerField).Concat(Values(ValueFamily.Text, 3)))
                yield return valid with { RouteValues = Replace(values, index, new(key, hostile)), Variant = $"{{{key}}}={Clip(hostile)}" };
        }
    }

    private IEnumerable<RequestParts> Headers(RequestParts valid)
    {
        var headers = valid.Spec.Headers(valid.Aim, []);
        foreach (var (name, value) in headers)
        {
            var header = name;
            foreach (var hostile in Values(HostileValues.FamilyOf(name, value), valid.Spec.ValuesPerField).Where(HeaderSafe))
                yield return valid with { EditHeaders = h => [.. h.Select(x => x.Key == header ? new(header, hostile) : x)], Variant = $"{name}: {Clip(hostile)}" };
            yield return valid with { EditHeaders = h => [.. h.Where(x => x.Key != header)], Variant = $"no {name}" };
            yield return valid with { EditHeaders = h => [.. h, new(header, "second-" + value)], Variant = $"{name} twice" };
        }
    }

    /// <summary>Each field of a JSON or form body replaced by hostile values of its kind, by other JSON types, or left out.</summary>
    private IEnumerable<RequestParts> Fields(RequestParts valid)
    {
        if (valid.Json is JsonObject json)
        {
            foreach (var (path, value) in JsonText.Leaves(json))
            {
                var name = path[^1];
                var family = value?.GetValueKind() switch
                {
                    System.Text.Json.JsonValueKind.String => HostileValues.FamilyOf(name, value.GetValue<string>()),
                    System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => ValueFamily.Bool,
                    System.Text.Json.JsonValueKind.Number => ValueFamily.Number,
                    _ => ValueFamily.Text,
                };
                foreach (var hostile in Values(family, valid.Spec.ValuesPerField))
                    yield return JsonBody(valid, JsonText.With(json, path, JsonText.String(hostile)), $"{name}={Clip(hostile)}");
                foreach (var literal in TypeConfusions(family))
                    yield return JsonBody(valid, JsonText.With(json, path, literal), $"{name}={Clip(literal)} (JSON)");
                yield return JsonBody(valid, JsonText.With(json, path, null), $"no {name}");
            }
        }
        if (valid.Form is { } form)
        {
            for (var i = 0; i < form.Count; i++)
            {
                var (key, value) = form[i];
                var index = i;
                foreach (var hostile in Values(HostileValues.FamilyOf(key, value), valid.Spec.ValuesPerField))
                    yield return valid with { Form = Replace(form, index, new(key, hostile)), Variant = $"{key}={Clip(hostile)}" };
                yield return valid with { Form = [.. form.Where((_, j) => j != index)], Variant = $"no {key}" };
            }
            yield return valid with { Antiforgery = false, Variant = "no antiforgery token" };
        }
    }

    /// <summary>The body as a whole: empty, malformed, mislabelled, oddly encoded, oversized, or there when the route takes none.</summary>
    private IEnumerable<RequestParts> Bodies(RequestParts valid)
    {
        var built = valid.Build().Body;
        var bytes = built?.Bytes ?? Encoding.UTF8.GetBytes("{}");
        var type = built?.ContentType ?? "application/json";
        string[] malformed =
        [
            "", "{", "}", "{\"title\":", "[]", "null", "\"text\"", "123", "{\"a\":1,}", "{'a':1}", "{}garbage", "\ufeff{}", "{\"a\":1,\"a\":2}",
            new string('[', 5000) + new string(']', 5000), "{\"a\":" + new string('1', 20_000) + "}", "[" + string.Join(",", Enumerable.Repeat("{}", 20_000)) + "]",
            "a=%zz&b&&=&%", string.Join("&", Enumerable.Range(0, 3000).Select(i => $"f{i}=1")), "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--",
        ];
        // Routes fuzzed lightly (the emulators, the framework, the password forms) get a seeded sample.
        var light = valid.Spec.ValuesPerField < 10;
        foreach (var text in light ? random.GetItems(malformed, 4) : malformed)
            yield return Raw(valid, new RawBody(type, Encoding.UTF8.GetBytes(text)), "body " + Clip(text));
        yield return Raw(valid, new RawBody(type, [0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0xED, 0xA0, 0x80, 0x22, 0x7D]), "invalid UTF-8");
        yield return Raw(valid, new RawBody(type + "; charset=utf-16", Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(bytes))), "UTF-16");
        string[] types = ["text/plain", "application/xml", "multipart/form-data", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
            "application/json", "application/json; charset=ebcdic", ";;;", "application/merge-patch+json", "*/*"];
        foreach (var t in light ? random.GetItems(types, 3) : types.Where(t => t != type)) yield return Raw(valid, new RawBody(t, bytes), "Content-Type: " + t);
        yield return Raw(valid, new RawBody(null, bytes), "no Content-Type");
        yield return Raw(valid, new RawBody(type, Oversized(bytes, type), Chunked: light && random.Next(2) == 0), $"body of {bodyLimit + 1} bytes");
        if (!light) yield return Raw(valid, new RawBody(type, Oversized(bytes, type), Chunked: true), $"chunked body of {bodyLimit + 1} bytes");
    }

    /// <summary>Several parts bent at once, drawn from the seed.</summary>
    private IEnumerable<RequestParts> Mixed(RequestParts valid)
    {
        var single = Fields(valid).Concat(Queries(valid)).Concat(RouteValues(valid)).ToList();
        if (single.Count < 2) yield break;
        for (var i = 0; i < (valid.Spec.ValuesPerField < 10 ? 2 : Combinations); i++)
        {
            var a = single[random.Next(single.Count)];
            var b = single[random.Next(single.Count)];
            yield return a with { Query = b.Query, RouteValues = b.RouteValues, Variant = $"{a.Variant} + {b.Variant}" };
        }
    }

    private IEnumerable<string> Values(ValueFamily family, int perField)
    {
        var fixedValues = HostileValues.Fixed(family);
        // Cheap routes try every fixed value and generated ones on top; costly ones a seeded sample.
        var chosen = perField >= 10 ? fixedValues : random.GetItems(fixedValues, perField);
        return chosen.Concat(Enumerable.Range(0, perField >= 10 ? perField / 2 : 1).Select(_ => HostileValues.Random(family, random)));
    }

    private static IEnumerable<string> TypeConfusions(ValueFamily family) =>
        ["null", "0", "-1", "true", "[]", "{}", "1e400", "-0.0", "[\"a\"]", "{\"$ref\":\"#\"}", family == ValueFamily.Text ? "12" : "\"text\""];

    private static RequestParts JsonBody(RequestParts valid, string text, string variant) =>
        valid with { Json = null, Raw = new RawBody("application/json", Encoding.UTF8.GetBytes(text)), Variant = variant };

    private static RequestParts Raw(RequestParts valid, RawBody body, string variant) =>
        valid with { Json = null, Form = null, Raw = body, Variant = variant };

    /// <summary>The valid body padded past the limit, so it stays well formed and only its size is wrong.</summary>
    private byte[] Oversized(byte[] valid, string contentType)
    {
        var padding = new string('a', (int)bodyLimit + 1);
        var text = contentType.Contains("json") ? "{\"padding\":\"" + padding + "\"," + Encoding.UTF8.GetString(valid).TrimStart('{')
            : Encoding.UTF8.GetString(valid) + "&padding=" + padding;
        return Encoding.UTF8.GetBytes(text.EndsWith(",}", StringComparison.Ordinal) ? text[..^2] + "}" : text);
    }

    private string Pick(string[] values) => values[random.Next(values.Length)];

    private byte[] RandomBytes(int n)
    {
        var bytes = new byte[n];
        random.NextBytes(bytes);
        return bytes;
    }

    private static bool HeaderSafe(string value) => value.All(c => c is >= ' ' and <= '~') && value.Length < 8000;

    private static IReadOnlyList<KeyValuePair<string, string>> Replace(IReadOnlyList<KeyValuePair<string, string>> list, int index, KeyValuePair<string, string> item) =>
        [.. list.Select((x, j) => j == index ? item : x)];

    private static string Clip(string s)
    {
        var visible = new string(s.Take(40).Select(c => c is >= ' ' and <= '~' ? c : '·').ToArray());
        return s.Length <= 40 ? visible : $"{visible}…({s.Length})";
    }
}
