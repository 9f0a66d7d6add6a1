namespace SyncDashboard.Web.Calendar.Layout;

/// <summary>
/// Side-by-side placement of overlapping items in one day column, the way Google Calendar and Outlook do it.
/// Items are taken by start (longer first on a tie); each goes into the leftmost column whose last item has ended,
/// or a new column. Items chained by overlaps form a cluster, and every item in a cluster shares its column count,
/// so widths line up. An item then expands right over columns where nothing in its cluster overlaps it, so a
/// morning meeting beside a long event does not stay a narrow sliver once the overlap is over.
/// </summary>
internal static class ColumnPacker
{
    public readonly record struct Interval(double Top, double Bottom);

    public readonly record struct Placement(int Column, int ColumnCount, int Span);

    /// <summary>Placements in the order of <paramref name="items"/>; ties keep that order, so callers sort it first.</summary>
    public static Placement[] Pack(IReadOnlyList<Interval> items)
    {
        var placements = new Placement[items.Count];
        var column = new int[items.Count];
        var cluster = new List<int>();
        var columnEnds = new List<double>();
        var clusterEnd = double.NegativeInfinity;

        foreach (var i in Enumerable.Range(0, items.Count).OrderBy(i => items[i].Top).ThenByDescending(i => items[i].Bottom))
        {
            // Touching is not overlapping: a 10:00 start next to a 10:00 end begins a new cluster.
            if (cluster.Count > 0 && items[i].Top >= clusterEnd) Close();
            var c = columnEnds.FindIndex(end => end <= items[i].Top);
            if (c < 0) columnEnds.Add(items[i].Bottom);
            else columnEnds[c] = items[i].Bottom;
            column[i] = c < 0 ? columnEnds.Count - 1 : c;
            cluster.Add(i);
            clusterEnd = Math.Max(clusterEnd, items[i].Bottom);
        }
        Close();
        return placements;

        void Close()
        {
            foreach (var i in cluster)
            {
                var span = 1;
                while (column[i] + span < columnEnds.Count
                       && !cluster.Any(j => column[j] == column[i] + span && Overlap(items[i], items[j])))
                    span++;
                placements[i] = new Placement(column[i], columnEnds.Count, span);
            }
            cluster.Clear();
            columnEnds.Clear();
            clusterEnd = double.NegativeInfinity;
        }
    }

    private static bool Overlap(Interval a, Interval b) => a.Top < b.Bottom && b.Top < a.Bottom;
}
