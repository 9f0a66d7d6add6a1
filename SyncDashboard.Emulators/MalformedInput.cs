using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SyncDashboard.Emulators;

/// <summary>
/// Request bodies the emulators cannot read are the sender's mistake, answered with a 400 like the real services do,
/// not a 500: a form post that is not a readable form, and JSON of another shape than a handler reads.
/// </summary>
internal static class MalformedInput
{
    /// <summary>The posted form, or null when the body is not one: another content type, over the form limits, invalid text, cut short.</summary>
    public static async Task<IFormCollection?> ReadFormAsync(HttpRequest request)
    {
        if (!request.HasFormContentType) return null;
        try { return await request.ReadFormAsync(request.HttpContext.RequestAborted); }
        catch (Exception ex) when (ex is InvalidDataException or IOException && !request.HttpContext.RequestAborted.IsCancellationRequested) { return null; }
    }

    /// <summary>
    /// False for JSON that parses but that the node API fails on only when a handler reads it: a property named twice
    /// in one object, or text with a broken surrogate pair.
    /// </summary>
    public static bool IsSound(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!TryText(() => property.Name, out var name) || !names.Add(name!) || !IsSound(property.Value)) return false;
                }
                return true;
            case JsonValueKind.Array:
                return element.EnumerateArray().All(IsSound);
            case JsonValueKind.String:
                return TryText(element.GetString, out _);
            default:
                return true;
        }
    }

    /// <summary>
    /// The node API throws this when a handler reads a value as another type than the body has (a number where it
    /// reads a string); the handlers trust the shape of what they read.
    /// </summary>
    public static bool IsJsonShapeError(Exception ex) =>
        ex is InvalidOperationException && ex.TargetSite?.DeclaringType?.Namespace?.StartsWith("System.Text.Json", StringComparison.Ordinal) == true;

    private static bool TryText(Func<string?> read, out string? text)
    {
        try
        {
            text = read();
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }
}
