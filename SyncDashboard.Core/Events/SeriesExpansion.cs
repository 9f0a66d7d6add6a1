using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Core.Events;

/// <summary>One appearance of an event in a window: a single event, an override, or an occurrence its series computes.</summary>
/// <param name="OriginalStart">For an occurrence of a series (computed or overridden): where the series puts it.</param>
public sealed record ShownOccurrence(CalendarEvent Event, DateTime Start, DateTime End, DateTime? OriginalStart);

/// <summary>
/// Expands what a window's query found. A series skips every date one of its overrides replaces (the override is a row of
/// its own and shows itself) or cancels (a deleted override), as Google's instance exceptions do.
/// </summary>
public static class SeriesExpansion
{
    public static async Task<List<ShownOccurrence>> ExpandAsync(
        AppDbContext db, IReadOnlyList<CalendarEvent> rows, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var seriesIds = rows.Where(IsExpandedSeries).Select(e => e.Id).ToList();
        var replaced = seriesIds.Count == 0 ? []
            : (await db.Events.AsNoTracking()
                .Where(e => e.SeriesId != null && seriesIds.Contains(e.SeriesId.Value) && e.OriginalStart != null)
                .Select(e => new { Series = e.SeriesId!.Value, At = e.OriginalStart!.Value })
                .ToListAsync(ct))
            .Select(r => (r.Series, r.At)).ToHashSet();

        var shown = new List<ShownOccurrence>();
        foreach (var e in rows)
        {
            if (!IsExpandedSeries(e))
            {
                shown.Add(new ShownOccurrence(e, e.Start, e.End, e.OriginalStart));
                continue;
            }
            foreach (var (start, end) in EventService.Occurrences(e, fromUtc, toUtc))
            {
                if (!replaced.Contains((e.Id, start))) shown.Add(new ShownOccurrence(e, start, end, start));
            }
        }
        return shown;
    }

    /// <summary>Whether <paramref name="at"/> is one of the series' own (computed) occurrences.</summary>
    public static bool IsOccurrence(CalendarEvent series, DateTime at) =>
        IsExpandedSeries(series) && EventService.Occurrences(series, at, at.AddMinutes(1)).Any(o => o.Start == at);

    public static bool IsExpandedSeries(CalendarEvent e) => e.Recurrence is { Length: > 0 } && e.RecurrenceProblem is null;
}
