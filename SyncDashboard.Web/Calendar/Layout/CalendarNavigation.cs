namespace SyncDashboard.Web.Calendar.Layout;

/// <summary>
/// Which days a view shows for an anchor date, what its title spans, and where "previous", "next" and "today" go.
/// The title's text is the formatter's job (<c>DateTimeFormatter.MonthTitle</c>/<c>RangeTitle</c>/<c>DayTitle</c>);
/// this gives it the dates.
/// </summary>
public static class CalendarNavigation
{
    /// <summary>The fewest weeks a month grid shows, so the page does not jump between four and six rows.</summary>
    public const int MinimumMonthWeeks = 5;

    public static DateOnly StartOfWeek(DateOnly date, DayOfWeek weekStart) =>
        date.AddDays(-(((int)date.DayOfWeek - (int)weekStart + 7) % 7));

    public static DateOnly FirstOfMonth(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>
    /// The days drawn. A month shows whole weeks from the week holding its 1st: as many as the month needs, at least
    /// <see cref="MinimumMonthWeeks"/> (a February that starts on the week start fills only four).
    /// </summary>
    public static DateRange Visible(CalendarViewKind view, DateOnly anchor, DayOfWeek weekStart, int agendaDays = 14)
    {
        switch (view)
        {
            case CalendarViewKind.Month:
                var first = FirstOfMonth(anchor);
                var gridStart = StartOfWeek(first, weekStart);
                var needed = (first.DayNumber - gridStart.DayNumber + DateTime.DaysInMonth(first.Year, first.Month) + 6) / 7;
                return new DateRange(gridStart, gridStart.AddDays(7 * Math.Max(MinimumMonthWeeks, needed) - 1));
            case CalendarViewKind.Week:
                var weekFirst = StartOfWeek(anchor, weekStart);
                return new DateRange(weekFirst, weekFirst.AddDays(6));
            case CalendarViewKind.Agenda:
                return new DateRange(anchor, anchor.AddDays(Math.Max(1, agendaDays) - 1));
            default:
                return new DateRange(anchor, anchor);
        }
    }

    /// <summary>What the title names: the month itself (not the grid's spill-over days), otherwise the days shown.</summary>
    public static DateRange Title(CalendarViewKind view, DateOnly anchor, DayOfWeek weekStart, int agendaDays = 14)
    {
        if (view != CalendarViewKind.Month) return Visible(view, anchor, weekStart, agendaDays);
        var first = FirstOfMonth(anchor);
        return new DateRange(first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>A month steps to the 1st of the month before, so Mar 31 → Feb 1 rather than a clamped Feb 28.</summary>
    public static DateOnly Previous(CalendarViewKind view, DateOnly anchor, int agendaDays = 14) => Step(view, anchor, agendaDays, -1);

    public static DateOnly Next(CalendarViewKind view, DateOnly anchor, int agendaDays = 14) => Step(view, anchor, agendaDays, +1);

    /// <summary>"Today" is the viewer's local date from the injected clock.</summary>
    public static DateOnly Today(LayoutContext context) => context.Today;

    private static DateOnly Step(CalendarViewKind view, DateOnly anchor, int agendaDays, int direction) => view switch
    {
        CalendarViewKind.Month => FirstOfMonth(anchor).AddMonths(direction),
        CalendarViewKind.Week => anchor.AddDays(7 * direction),
        CalendarViewKind.Agenda => anchor.AddDays(Math.Max(1, agendaDays) * direction),
        _ => anchor.AddDays(direction),
    };
}
