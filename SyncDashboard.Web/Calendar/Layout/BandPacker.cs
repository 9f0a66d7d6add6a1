namespace SyncDashboard.Web.Calendar.Layout;

/// <summary>
/// Bars across a row of day columns (the week's all-day band, a month week), each into the first lane free from its
/// first day, taken by first day, longer first, then the usual order. First-fit in start order uses as few lanes as
/// the busiest day needs.
/// </summary>
internal static class BandPacker
{
    public static AllDayBand Pack(IEnumerable<LayoutEvent> events, DateOnly first, int dayCount, TimeZoneInfo zone)
    {
        var last = first.AddDays(dayCount - 1);
        // OrderBy is stable: sorting by the usual order first leaves it as the tie-break for first day and length.
        var clipped = events.InDisplayOrder(e => e)
            .Select(e => (Event: e, Days: EventDays.Touched(e, zone)))
            .Where(x => x.Days.First <= last && x.Days.Last >= first)
            .Select(x =>
            {
                var from = x.Days.First < first ? first : x.Days.First;
                var to = x.Days.Last > last ? last : x.Days.Last;
                return (x.Event, Start: from.DayNumber - first.DayNumber, Span: to.DayNumber - from.DayNumber + 1,
                    Before: x.Days.First < first, After: x.Days.Last > last);
            })
            .OrderBy(x => x.Start).ThenByDescending(x => x.Span)
            .ToList();

        var laneEnds = new List<int>();
        var bars = new List<BandBar>(clipped.Count);
        foreach (var x in clipped)
        {
            var lane = laneEnds.FindIndex(end => end <= x.Start);
            if (lane < 0) { lane = laneEnds.Count; laneEnds.Add(0); }
            laneEnds[lane] = x.Start + x.Span;
            bars.Add(new BandBar(x.Event, x.Start, x.Span, lane, x.Before, x.After));
        }
        return new AllDayBand(bars, laneEnds.Count);
    }
}
