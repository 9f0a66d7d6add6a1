using SyncDashboard.Core.Events;

namespace SyncDashboard.Tests.Unit.Recurrence;

/// <summary>A pattern the Repeat picker can make, with the first start (local wall clock in <see cref="Zone"/>) it was made for.</summary>
public sealed record PickerCase(RecurrencePattern Pattern, DateTime StartLocal, bool AllDay, string Zone, TimeSpan Duration)
{
    public string Rule => Pattern.ToRule(StartLocal, AllDay, Zone);

    public override string ToString() => $"{Rule} from {StartLocal:yyyy-MM-dd HH:mm} {(AllDay ? "all day" : Zone)}";
}

/// <summary>
/// Seeded random picker choices: every frequency, intervals 1–5, weekday sets, month days 29/30/31 and the last day,
/// the 5th and the last weekday, count or until, in zones whose clocks change (and UTC), all-day and timed.
/// </summary>
public static class PickerCases
{
    private static readonly string[] Zones = ["Europe/Berlin", "America/New_York", "UTC"];

    public static IEnumerable<PickerCase> Generate(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++) yield return One(random);
    }

    private static PickerCase One(Random random)
    {
        var frequency = (RepeatFrequency)random.Next(4);
        var start = StartDay(random);
        var allDay = random.Next(3) == 0;
        var time = allDay ? TimeSpan.Zero : TimeSpan.FromMinutes(15 * random.Next(4 * 24));
        var choices = RecurrencePattern.MonthlyChoices(start);
        var monthlyBy = frequency is RepeatFrequency.Monthly or RepeatFrequency.Yearly ? choices[random.Next(choices.Count)] : MonthlyBy.DayOfMonth;
        var weekdays = frequency == RepeatFrequency.Weekly
            ? Enumerable.Range(0, 7).Where(_ => random.Next(3) == 0).Select(d => (DayOfWeek)d).DefaultIfEmpty(start.DayOfWeek).ToHashSet()
            : null;
        var end = (RepeatEnd)random.Next(3);
        var pattern = new RecurrencePattern(frequency, random.Next(1, 6), weekdays, monthlyBy, end,
            end == RepeatEnd.OnDate ? DateOnly.FromDateTime(start).AddDays(random.Next(0, 800)) : null,
            end == RepeatEnd.AfterCount ? random.Next(1, 40) : null);
        var duration = allDay ? TimeSpan.FromDays(random.Next(1, 3)) : TimeSpan.FromMinutes(30 * random.Next(1, 6));
        return new PickerCase(pattern, start + time, allDay, Zones[random.Next(Zones.Length)], duration);
    }

    /// <summary>Half the days are near a month's end, where the 29th–31st, the last day and the 5th weekday live.</summary>
    private static DateTime StartDay(Random random)
    {
        var month = new DateTime(2026, 1, 1).AddMonths(random.Next(24));
        var length = DateTime.DaysInMonth(month.Year, month.Month);
        return month.AddDays(random.Next(2) == 0 ? random.Next(length) : length - 1 - random.Next(4));
    }
}
