using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Sync.Merge;

public sealed record MergeResult(EventFields Merged, IReadOnlyList<string> Conflicts)
{
    public bool HasConflicts => Conflicts.Count > 0;
}

/// <summary>
/// Three-way merge of one event, field group by field group: a group changed on one side only is taken from
/// that side; changed on both sides to different values it is a conflict, settled by last-write-wins.
/// </summary>
public static class FieldMerge
{
    private sealed record Group(string Name, Func<EventFields, EventFields, bool> Same, Func<EventFields, EventFields, EventFields> Take);

    // Time moves as one unit: taking a start from one side and an end from the other can make an impossible event.
    private static readonly Group[] Groups =
    [
        new("Title", (a, b) => a.Title == b.Title, (into, from) => into with { Title = from.Title }),
        new("Description", (a, b) => Norm(a.Description) == Norm(b.Description), (into, from) => into with { Description = from.Description }),
        new("Location", (a, b) => Norm(a.Location) == Norm(b.Location), (into, from) => into with { Location = from.Location }),
        new("Notes", (a, b) => Norm(a.Notes) == Norm(b.Notes), (into, from) => into with { Notes = from.Notes }),
        new("Time", (a, b) => a.Start == b.Start && a.End == b.End && a.IsAllDay == b.IsAllDay,
            (into, from) => into with { Start = from.Start, End = from.End, IsAllDay = from.IsAllDay, TimeZone = from.TimeZone ?? into.TimeZone }),
        new("Recurrence", (a, b) => Norm(a.Recurrence) == Norm(b.Recurrence), (into, from) => into with { Recurrence = from.Recurrence }),
    ];

    /// <param name="baseFields">What both sides last agreed on; null when there is no record, which makes every difference a conflict.</param>
    /// <param name="remoteWins">Whether the remote side wrote last, for the groups that collide.</param>
    public static MergeResult Merge(EventFields? baseFields, EventFields local, EventFields remote, bool remoteWins)
    {
        var merged = local;
        var conflicts = new List<string>();
        foreach (var g in Groups)
        {
            if (g.Same(local, remote)) continue;
            var localChanged = baseFields is null || !g.Same(baseFields, local);
            var remoteChanged = baseFields is null || !g.Same(baseFields, remote);
            if (remoteChanged && !localChanged) merged = g.Take(merged, remote);
            else if (remoteChanged && localChanged)
            {
                conflicts.Add(g.Name);
                if (remoteWins) merged = g.Take(merged, remote);
            }
            // Only the local side changed: keep it; it travels to the remote through the outbox.
        }
        return new MergeResult(merged, conflicts);
    }

    /// <summary>
    /// <paramref name="into"/> with the field group <paramref name="field"/> (one of <see cref="EventFields.FieldNames"/>)
    /// taken from <paramref name="from"/>, as the merge takes it: a user settling a conflict moves the same units the merge does.
    /// </summary>
    public static EventFields Take(string field, EventFields into, EventFields from) =>
        Groups.FirstOrDefault(g => g.Name == field) is { } group ? group.Take(into, from)
            : throw new ArgumentOutOfRangeException(nameof(field), field, "Not a field group of the merge.");

    /// <summary>Whether two versions are the same for sync purposes (the same test the merge uses).</summary>
    public static bool SameContent(EventFields a, EventFields b) => Groups.All(g => g.Same(a, b));

    private static string? Norm(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().Replace("\r\n", "\n");
}
