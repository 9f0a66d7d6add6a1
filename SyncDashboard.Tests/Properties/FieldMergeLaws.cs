using FsCheck.Xunit;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Sync.Merge;

namespace SyncDashboard.Tests.Properties;

/// <summary>
/// The laws the three-way merge keeps, over generated (base, local, remote) triples. "Equal" below is the merge's own
/// notion of sameness (<see cref="FieldMerge.SameContent"/>: text trimmed, blank = absent, CRLF = LF; the time zone
/// label is not content). Exactly these hold:
/// 1. A group changed on one side only is taken from that side; a group neither side changed stays the base's.
/// 2. Order does not matter: swapping local and remote together with the wins flag gives an equal result and the same conflicts.
/// 3. Merging again changes nothing: merge(base, merged, remote) = merged and merge(base, local, merged) = merged.
/// 4. A conflict is reported exactly for the groups both sides changed to different values, and is settled by the flag.
/// The time zone label alone is order-dependent (it rides with the time group and is kept from whichever side the
/// result started from when both times are equal), which is why it is outside "equal".
/// </summary>
public sealed class FieldMergeLaws
{
    private const int Runs = 2000;

    /// <summary>The merge's groups as a test-side specification: what each compares, after the same normalisation.</summary>
    private static readonly (string Name, Func<EventFields, object?> Key)[] Groups =
    [
        ("Title", f => f.Title),
        ("Description", f => Norm(f.Description)),
        ("Location", f => Norm(f.Location)),
        ("Notes", f => Norm(f.Notes)),
        ("Time", f => (f.Start, f.End, f.IsAllDay)),
        ("Recurrence", f => Norm(f.Recurrence)),
    ];

    [Property(MaxTest = Runs, Arbitrary = [typeof(MergeCases)])]
    public void AGroupChangedOnOneSideOnlyIsNeverLost(MergeCase c)
    {
        var merged = FieldMerge.Merge(c.Base, c.Local, c.Remote, c.RemoteWins).Merged;
        if (c.Base is null) return;
        foreach (var (name, key) in Groups)
        {
            var localChanged = !Equals(key(c.Base), key(c.Local));
            var remoteChanged = !Equals(key(c.Base), key(c.Remote));
            if (localChanged && !remoteChanged) Assert.True(Equals(key(c.Local), key(merged)), $"{name}: the local change was lost\n{c}");
            if (remoteChanged && !localChanged) Assert.True(Equals(key(c.Remote), key(merged)), $"{name}: the remote change was lost\n{c}");
            if (!localChanged && !remoteChanged) Assert.True(Equals(key(c.Base), key(merged)), $"{name}: changed though neither side did\n{c}");
        }
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(MergeCases)])]
    public void TheResultDoesNotDependOnWhichSideIsProcessedFirst(MergeCase c)
    {
        var one = FieldMerge.Merge(c.Base, c.Local, c.Remote, c.RemoteWins);
        var other = FieldMerge.Merge(c.Base, c.Remote, c.Local, !c.RemoteWins);
        Assert.True(FieldMerge.SameContent(one.Merged, other.Merged), $"{one.Merged}\n vs {other.Merged}\n{c}");
        Assert.Equal(one.Conflicts, other.Conflicts);
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(MergeCases)])]
    public void MergingTheResultAgainChangesNothing(MergeCase c)
    {
        var merged = FieldMerge.Merge(c.Base, c.Local, c.Remote, c.RemoteWins).Merged;
        Assert.True(FieldMerge.SameContent(merged, FieldMerge.Merge(c.Base, merged, c.Remote, c.RemoteWins).Merged), $"as local\n{c}");
        Assert.True(FieldMerge.SameContent(merged, FieldMerge.Merge(c.Base, c.Local, merged, c.RemoteWins).Merged), $"as remote\n{c}");
        // Once both sides hold the result and it is the new base, nothing is left to merge.
        var settled = FieldMerge.Merge(merged, merged, merged, c.RemoteWins);
        Assert.Equal(merged, settled.Merged);
        Assert.Empty(settled.Conflicts);
    }

    [Property(MaxTest = Runs, Arbitrary = [typeof(MergeCases)])]
    public void ConflictsAreExactlyTheGroupsBothSidesChangedDifferentlyAndTheWriterOfLastWins(MergeCase c)
    {
        var result = FieldMerge.Merge(c.Base, c.Local, c.Remote, c.RemoteWins);
        var expected = Groups
            .Where(g => !Equals(g.Key(c.Local), g.Key(c.Remote))
                        && (c.Base is null || (!Equals(g.Key(c.Base), g.Key(c.Local)) && !Equals(g.Key(c.Base), g.Key(c.Remote)))))
            .ToList();
        Assert.Equal(expected.Select(g => g.Name), result.Conflicts);
        var winner = c.RemoteWins ? c.Remote : c.Local;
        foreach (var (name, key) in expected) Assert.True(Equals(key(winner), key(result.Merged)), $"{name} not from the last writer\n{c}");
    }

    private static string? Norm(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().Replace("\r\n", "\n");
}
