using SyncDashboard.Core.Common;
using SyncDashboard.Core.Events;
using SyncDashboard.Core.Formatting;
using SyncDashboard.Emulators.Google;
using SyncDashboard.Emulators.Google.Wire;
using SyncDashboard.Tests.Unit.Formatting;

namespace SyncDashboard.Tests.Unit.Recurrence;

/// <summary>
/// Every rule the Repeat picker can make means the same occurrences to the app and to the Google emulator, reads back
/// into the same choices, and reads as words. Seeded: a failure names its case and repeats.
/// </summary>
public sealed class PickerRuleParityTests
{
    private const int Seed = 20261202;
    private const int Cases = 600;

    public static TheoryData<int> Batches => new(Enumerable.Range(0, 6));

    [Theory]
    [MemberData(nameof(Batches))]
    public void AppAndGoogleEmulatorExpandEveryPickerRuleAlike(int batch)
    {
        var compared = 0;
        foreach (var c in PickerCases.Generate(Seed + batch, Cases / 6))
        {
            var app = AppStarts(c);
            var google = EmulatorStarts(c);
            Assert.True(google.SequenceEqual(app), $"{c}\napp:    {string.Join(" ", app.Take(12))}\ngoogle: {string.Join(" ", google.Take(12))}");
            compared += app.Count;
        }
        Assert.True(compared > Cases / 6 * 5, $"only {compared} occurrences compared");
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void EveryPickerRuleReadsBackIntoItsChoices(int batch)
    {
        foreach (var c in PickerCases.Generate(Seed + batch, Cases / 6))
        {
            Assert.True(RecurrencePattern.TryFrom(c.Rule, c.StartLocal, c.AllDay ? null : c.Zone, out var read), c.ToString());
            Assert.Equal(c.Pattern, read);
        }
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void EveryPickerRuleReadsAsWords(int batch)
    {
        var format = FormatKit.For("en-GB", zone: TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        foreach (var c in PickerCases.Generate(Seed + batch, Cases / 6))
        {
            var words = RecurrenceDescriber.Describe(c.Rule, DateOnly.FromDateTime(c.StartLocal), format);
            Assert.False(words is null or { IsRawRule: true }, $"{c}: {words?.Text}");
        }
    }

    /// <summary>Occurrence starts over two years as the app stores and expands the series: UTC instants, or dates for all-day.</summary>
    private static List<string> AppStarts(PickerCase c)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(c.Zone);
        var start = c.AllDay ? DateTime.SpecifyKind(c.StartLocal.Date, DateTimeKind.Utc) : ZonedTime.ToUtc(c.StartLocal, zone);
        var horizon = start.AddYears(2);
        return RecurrenceExpander.Occurrences(start, start + c.Duration, c.AllDay, c.AllDay ? null : c.Zone, c.Rule, start, horizon)
            .Where(o => o.Start >= start && o.Start < horizon)
            .Select(o => c.AllDay ? o.Start.ToString("yyyy-MM-dd") : o.Start.ToString("yyyy-MM-dd'T'HH:mm'Z'")).ToList();
    }

    /// <summary>The same series sent to the emulator as Google's wire shape, expanded by its own rule reader.</summary>
    private static List<string> EmulatorStarts(PickerCase c)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(c.Zone);
        var master = new GoogleEvent
        {
            Id = "series",
            Recurrence = [c.Rule],
            Start = c.AllDay ? new EventDateTime(Date: $"{c.StartLocal:yyyy-MM-dd}")
                : new EventDateTime(DateTime: EventTimes.Format(EventTimes.FromLocal(c.StartLocal, zone), zone), TimeZone: c.Zone),
            End = c.AllDay ? new EventDateTime(Date: $"{c.StartLocal.Add(c.Duration):yyyy-MM-dd}")
                : new EventDateTime(DateTime: EventTimes.Format(EventTimes.FromLocal(c.StartLocal, zone) + c.Duration, zone), TimeZone: c.Zone),
        };
        var first = EventTimes.Instant(master.Start, zone);
        // A month past the app's window, then cut where the app's is (all-day dates by the day, not by zone instants).
        var horizon = c.AllDay ? $"{c.StartLocal.AddYears(2):yyyy-MM-dd}" : first.UtcDateTime.AddYears(2).ToString("yyyy-MM-dd'T'HH:mm'Z'");
        return SeriesExpander.Expand(master, zone, first.AddYears(2).AddMonths(1), 5000)
            .Select(o => c.AllDay ? o.Start.Date! : o.StartInstant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'"))
            .Where(s => string.CompareOrdinal(s, horizon) < 0).ToList();
    }
}
