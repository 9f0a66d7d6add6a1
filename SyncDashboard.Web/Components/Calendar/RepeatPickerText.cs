using SyncDashboard.Core.Events;
using SyncDashboard.Core.Formatting;

namespace SyncDashboard.Web.Components.Calendar;

/// <summary>The Repeat picker's "on …" choices for a first day: "on day 11", "on the second Tuesday", "on the last Friday of March".</summary>
public static class RepeatPickerText
{
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth"];

    public static string OnWhichDay(MonthlyBy by, DateTime first, bool yearly, DateTimeFormatter format)
    {
        var names = format.Culture.DateTimeFormat;
        var ofMonth = yearly ? $" of {names.GetMonthName(first.Month)}" : "";
        var day = names.GetDayName(first.DayOfWeek);
        return by switch
        {
            MonthlyBy.LastDayOfMonth => $"on the last day{ofMonth}",
            MonthlyBy.WeekdayOfMonth => $"on the {Ordinals[RecurrencePattern.NthOfMonth(first) - 1]} {day}{ofMonth}",
            MonthlyBy.LastWeekdayOfMonth => $"on the last {day}{ofMonth}",
            _ => yearly ? $"on {format.MonthDay(DateOnly.FromDateTime(first))}" : $"on day {first.Day}",
        };
    }
}
