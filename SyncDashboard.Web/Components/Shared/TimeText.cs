namespace SyncDashboard.Web.Components.Shared;

/// <summary>How times read on the dashboard: "in 25 min", "Tue 14:00–15:30", "All day".</summary>
public static class TimeText
{
    public static string Relative(DateTime start, DateTime end, DateTime now)
    {
        if (start <= now && end > now) return "now";
        var until = start - now;
        if (until < TimeSpan.Zero) return "ended";
        if (until < TimeSpan.FromMinutes(1)) return "in less than a minute";
        if (until < TimeSpan.FromHours(1)) return $"in {(int)until.TotalMinutes} min";
        if (until < TimeSpan.FromHours(24)) return $"in {(int)until.TotalHours} h {until.Minutes} min";
        var days = (start.Date - now.Date).Days;
        return days == 1 ? "tomorrow" : $"in {days} days";
    }

    public static string Range(DateTime start, DateTime end, bool allDay)
    {
        if (allDay)
        {
            var lastDay = end.Date.AddDays(-1);
            return lastDay <= start.Date ? $"{start:ddd d MMM} · all day" : $"{start:ddd d MMM} – {lastDay:ddd d MMM} · all day";
        }
        return start.Date == end.Date ? $"{start:ddd d MMM · HH:mm}–{end:HH:mm}" : $"{start:ddd d MMM HH:mm} – {end:ddd d MMM HH:mm}";
    }

    /// <summary>Today / Tomorrow / This week / Later, by the viewer's local date.</summary>
    public static string Bucket(DateTime start, DateTime now) => (start.Date - now.Date).Days switch
    {
        <= 0 => "Today",
        1 => "Tomorrow",
        < 7 => "This week",
        _ => "Later",
    };
}
