using SyncDashboard.Core.Common;
using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Sync.Conflicts;

/// <summary>How the user settles one conflict: a choice and, for <see cref="ConflictChoice.Merge"/>, the side each colliding field takes.</summary>
public sealed record ConflictResolution(ConflictChoice Choice, IReadOnlyDictionary<string, ConflictSide>? Sides = null)
{
    public static ConflictResolution Keep { get; } = new(ConflictChoice.KeepAutomatic);
    public static ConflictResolution TakeLocal { get; } = new(ConflictChoice.TakeLocal);
    public static ConflictResolution TakeRemote { get; } = new(ConflictChoice.TakeRemote);

    public static ConflictResolution Merge(IReadOnlyDictionary<string, ConflictSide> sides) => new(ConflictChoice.Merge, sides);

    /// <summary>
    /// The API's words: <c>choice</c> "local", "remote" or "merge" (and "keep" for the automatic outcome), and for a merge
    /// <c>fields</c> naming each colliding field's side, "local" or "remote". Case does not matter.
    /// </summary>
    public static ConflictResolution Parse(string? choice, IReadOnlyDictionary<string, string?>? fields)
    {
        var parsed = choice?.Trim().ToLowerInvariant() switch
        {
            "local" => TakeLocal,
            "remote" => TakeRemote,
            "keep" => Keep,
            "merge" => new ConflictResolution(ConflictChoice.Merge),
            _ => throw Invalid("choice", "choice must be \"local\", \"remote\" or \"merge\" (or \"keep\" for the automatic outcome)."),
        };
        if (parsed.Choice != ConflictChoice.Merge)
            return fields is { Count: > 0 } ? throw Invalid("fields", "fields go only with choice \"merge\".") : parsed;
        if (fields is not { Count: > 0 }) throw Invalid("fields", "choice \"merge\" needs fields: each colliding field with \"local\" or \"remote\".");

        var sides = new Dictionary<string, ConflictSide>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in fields)
        {
            var side = value?.Trim().ToLowerInvariant() switch
            {
                "local" => ConflictSide.Local,
                "remote" => ConflictSide.Remote,
                _ => throw Invalid("fields", $"The side for {Shown(name)} must be \"local\" or \"remote\"."),
            };
            if (sides.TryGetValue(name, out var earlier) && earlier != side) throw Invalid("fields", $"{Shown(name)} is given both sides.");
            sides[name] = side;
        }
        return Merge(sides);
    }

    /// <summary>
    /// The side each colliding field takes (names as <paramref name="fields"/> spell them), or null to keep the automatic
    /// outcome. A merge must name every colliding field and nothing else.
    /// </summary>
    public IReadOnlyDictionary<string, ConflictSide>? SidesFor(IReadOnlyList<string> fields, ConflictOutcome outcome)
    {
        ConflictSide? all = Choice switch
        {
            ConflictChoice.TakeLocal => ConflictSide.Local,
            ConflictChoice.TakeRemote => ConflictSide.Remote,
            ConflictChoice.UseOtherSide => outcome == ConflictOutcome.RemoteWon ? ConflictSide.Local : ConflictSide.Remote,
            _ => null,
        };
        if (all is { } side) return fields.ToDictionary(f => f, _ => side);
        if (Choice != ConflictChoice.Merge) return null;

        var given = Sides ?? new Dictionary<string, ConflictSide>();
        if (given.Keys.FirstOrDefault(k => !fields.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            throw Invalid("fields", $"{Shown(unknown)} is not a field of this conflict; its fields are {string.Join(", ", fields)}.");
        var sides = new Dictionary<string, ConflictSide>();
        foreach (var field in fields)
        {
            var match = given.FirstOrDefault(g => string.Equals(g.Key, field, StringComparison.OrdinalIgnoreCase));
            if (match.Key is null) throw Invalid("fields", $"Say which side {field} takes: \"local\" or \"remote\".");
            sides[field] = match.Value;
        }
        return sides;
    }

    private static InputValidationException Invalid(string key, string message) => new(new Dictionary<string, string[]> { [key] = [message] });

    /// <summary>A field name from the request as an error message repeats it: short, whatever was sent.</summary>
    private static string Shown(string name) => name.Length <= 40 ? $"\"{name}\"" : $"\"{name[..40]}…\"";
}
