namespace SyncDashboard.Web.Calendar.Layout;

/// <summary>Lays out the week and day views (see <see cref="TimeGridLayout"/>).</summary>
public static class TimeGridLayouter
{
    public static TimeGridLayout Week(IEnumerable<LayoutEvent> events, DateOnly anchor, LayoutContext context) =>
        Build(events, CalendarNavigation.Visible(CalendarViewKind.Week, anchor, context.WeekStart), context);

    public static TimeGridLayout Day(IEnumerable<LayoutEvent> events, DateOnly day, LayoutContext context) =>
        Build(events, new DateRange(day, day), context);

    public static TimeGridLayout Build(IEnumerable<LayoutEvent> events, DateRange days, LayoutContext context)
    {
        if (days.DayCount < 1) throw new ArgumentException("A time grid shows at least one day.", nameof(days));
        var all = events.ToList();
        var band = BandPacker.Pack(all.Where(EventDays.BelongsInBand), days.First, days.DayCount, context.Zone);
        var zonedDays = days.Dates.Select(date => ZonedDay.Of(date, context.Zone)).ToList();
        // Each column looks at every timed event, so the ones outside the shown days go first.
        var (from, to) = (zonedDays[0].StartUtc, zonedDays[^1].EndUtc);
        var timed = all.Where(e => !EventDays.BelongsInBand(e) && e.Start < to && e.End >= from)
            .InDisplayOrder(e => e).ToList();
        var today = context.Today;
        var columns = zonedDays
            .Select(day => Column(day, timed, context, day.Date == today))
            .ToList();
        return new TimeGridLayout(columns, band);
    }

    private static TimeGridDay Column(ZonedDay day, IReadOnlyList<LayoutEvent> timed, LayoutContext context, bool isToday)
    {
        var segments = timed.Select(e => SegmentOn(e, day)).OfType<Segment>().ToList();
        var minimum = Math.Max(0, context.Settings.MinimumItemMinutes);
        var placements = ColumnPacker.Pack(segments
            .Select(s => new ColumnPacker.Interval(s.Top, s.Top + Math.Max(s.Duration, minimum)))
            .ToList());
        var items = segments
            .Select((s, i) => new TimedPlacement(s.Event, s.Top, s.Duration, placements[i].Column, placements[i].ColumnCount,
                placements[i].Span, s.Before, s.After))
            .OrderBy(p => p.TopMinutes).ThenBy(p => p.Column)
            .ToList();
        return new TimeGridDay(day.Date, isToday, day.LengthMinutes, day.ClockChange(), items,
            isToday ? day.WallMinutes(context.Now) : null);
    }

    private sealed record Segment(LayoutEvent Event, double Top, double Duration, bool Before, bool After);

    /// <summary>
    /// The part of <paramref name="e"/> on <paramref name="day"/>, in wall-clock minutes. Across a fall-back hour the
    /// clock reading can go backwards (01:50 EDT to 01:10 EST); such a sliver gets no height and is drawn at the minimum.
    /// </summary>
    private static Segment? SegmentOn(LayoutEvent e, ZonedDay day)
    {
        var touches = e.End == e.Start ? day.Contains(e.Start) : e.Start < day.EndUtc && e.End > day.StartUtc;
        if (!touches) return null;
        var top = day.WallMinutes(e.Start);
        var bottom = day.WallMinutesOfEnd(e.End);
        return new Segment(e, top, Math.Max(0, bottom - top), e.Start < day.StartUtc, e.End > day.EndUtc);
    }
}
