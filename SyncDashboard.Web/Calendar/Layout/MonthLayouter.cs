namespace SyncDashboard.Web.Calendar.Layout;

/// <summary>Lays out the month view (see <see cref="MonthLayout"/>).</summary>
public static class MonthLayouter
{
    public static MonthLayout Build(IEnumerable<LayoutEvent> events, DateOnly anchor, LayoutContext context)
    {
        var grid = CalendarNavigation.Visible(CalendarViewKind.Month, anchor, context.WeekStart);
        var month = CalendarNavigation.FirstOfMonth(anchor);
        var maxLanes = Math.Max(0, context.Settings.MonthMaxLanes);
        var touched = events.Select(e => (Event: e, Days: EventDays.Touched(e, context.Zone)))
            .Where(x => x.Days.First <= grid.Last && x.Days.Last >= grid.First)
            .ToList();
        var multiDay = touched.Where(x => x.Days.Last > x.Days.First).Select(x => x.Event).ToList();
        var singleDay = touched.Where(x => x.Days.Last == x.Days.First)
            .GroupBy(x => x.Days.First)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Event).InDisplayOrder(e => e).ToList());

        var weeks = new List<MonthWeek>();
        for (var weekStart = grid.First; weekStart <= grid.Last; weekStart = weekStart.AddDays(7))
        {
            var band = BandPacker.Pack(multiDay, weekStart, 7, context.Zone);
            var days = Enumerable.Range(0, 7)
                .Select(i => Day(weekStart.AddDays(i), i, band, singleDay, month, context.Today, maxLanes))
                .ToList();
            weeks.Add(new MonthWeek(days, band.Bars.Where(b => b.Lane < maxLanes).ToList()));
        }
        return new MonthLayout(month, weeks);
    }

    private static MonthDay Day(DateOnly date, int column, AllDayBand band, Dictionary<DateOnly, List<LayoutEvent>> singleDay,
        DateOnly month, DateOnly today, int maxLanes)
    {
        var barsHere = band.Bars.Where(b => column >= b.StartColumn && column < b.StartColumn + b.Span).ToList();
        var taken = barsHere.Select(b => b.Lane).ToHashSet();
        var hidden = barsHere.Where(b => b.Lane >= maxLanes).Select(b => b.Event).ToList();
        var items = new List<MonthItem>();
        var lane = 0;
        foreach (var e in singleDay.GetValueOrDefault(date) ?? [])
        {
            while (taken.Contains(lane)) lane++;
            if (lane < maxLanes) items.Add(new MonthItem(e, lane++));
            else hidden.Add(e);
        }
        return new MonthDay(date, date.Year == month.Year && date.Month == month.Month, date == today, items, hidden);
    }
}
