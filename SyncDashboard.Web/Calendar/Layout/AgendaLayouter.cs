namespace SyncDashboard.Web.Calendar.Layout;

/// <summary>Lays out the agenda (see <see cref="AgendaLayout"/>).</summary>
public static class AgendaLayouter
{
    public static AgendaLayout Build(IEnumerable<LayoutEvent> events, DateOnly anchor, LayoutContext context)
    {
        var range = CalendarNavigation.Visible(CalendarViewKind.Agenda, anchor, context.WeekStart, context.Settings.AgendaDays);
        var spans = events.Select(e => (Event: e, Days: EventDays.Touched(e, context.Zone)))
            .Where(x => x.Days.First <= range.Last && x.Days.Last >= range.First)
            .ToList();
        var today = context.Today;
        var days = range.Dates.Select(date =>
        {
            var day = ZonedDay.Of(date, context.Zone);
            var items = spans.Where(x => x.Days.First <= date && x.Days.Last >= date)
                .Select(x => Item(x.Event, x.Days, date, day))
                // A timed event carried over from yesterday sorts by where it is today (midnight), not by its start.
                .OrderByDescending(i => i.Event.IsAllDay).ThenBy(i => i.From).ThenByDescending(i => i.To)
                .ThenBy(i => i.Event.Title, StringComparer.CurrentCulture).ThenBy(i => i.Event.EventId)
                .ToList();
            return new AgendaDay(date, date == today, items);
        }).ToList();
        return new AgendaLayout(days);
    }

    private static AgendaItem Item(LayoutEvent e, (DateOnly First, DateOnly Last) days, DateOnly date, ZonedDay day)
    {
        var number = date.DayNumber - days.First.DayNumber + 1;
        var count = days.Last.DayNumber - days.First.DayNumber + 1;
        if (e.IsAllDay) return new AgendaItem(e, number, count, null, null, date > days.First, date < days.Last);
        var from = e.Start < day.StartUtc ? day.StartUtc : e.Start;
        var to = e.End > day.EndUtc ? day.EndUtc : e.End;
        return new AgendaItem(e, number, count, from, to, e.Start < day.StartUtc, e.End > day.EndUtc);
    }
}
