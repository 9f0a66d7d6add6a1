using System.Text;
using SyncDashboard.Tests.Integration.Security.Surface;
using static SyncDashboard.Tests.Integration.Security.Surface.RouteSpec;

namespace SyncDashboard.Tests.Integration.Security.Fuzz;

/// <summary>
/// Hand-made requests where the trouble is in how fields meet, which bending one field at a time never reaches: series
/// across DST gaps and overlaps, leap days, the year range's edges at ±14:00, durations at the limit. The event writes
/// store what is valid, and the list windows afterwards make the app expand it.
/// </summary>
public static class FuzzScenarios
{
    private static readonly string[] Events =
    [
        """{"title":"DST gap weekly","start":"2026-03-22T01:30:00Z","end":"2026-03-22T02:30:00Z","timeZone":"Europe/Berlin","recurrence":"RRULE:FREQ=WEEKLY;COUNT=4"}""",
        """{"title":"DST overlap daily","start":"2026-10-24T00:30:00Z","end":"2026-10-24T01:00:00Z","timeZone":"Europe/Berlin","recurrence":"RRULE:FREQ=DAILY;COUNT=4"}""",
        """{"title":"US DST gap","start":"2026-03-01T07:30:00Z","end":"2026-03-01T08:30:00Z","timeZone":"America/New_York","recurrence":"RRULE:FREQ=WEEKLY;BYDAY=SU;UNTIL=20260401T000000"}""",
        """{"title":"Leap day yearly","start":"2024-02-29T09:00:00Z","end":"2024-02-29T10:00:00Z","timeZone":"UTC","recurrence":"RRULE:FREQ=YEARLY;COUNT=5000"}""",
        """{"title":"31st monthly","start":"2026-01-31T09:00:00Z","end":"2026-01-31T10:00:00Z","recurrence":"RRULE:FREQ=MONTHLY;BYMONTHDAY=31;COUNT=5000"}""",
        """{"title":"Millennial","start":"2200-06-01T09:00:00Z","end":"2200-06-01T10:00:00Z","recurrence":"RRULE:FREQ=YEARLY;INTERVAL=1000;COUNT=5000"}""",
        """{"title":"Sparse daily","start":"1900-01-01T00:00:00+14:00","end":"1900-01-01T01:00:00+14:00","timeZone":"Pacific/Kiritimati","recurrence":"RRULE:FREQ=DAILY;INTERVAL=1000;COUNT=5000"}""",
        """{"title":"Top edge","start":"2200-12-31T23:00:00-14:00","end":"2200-12-31T23:59:59-14:00","timeZone":"Etc/GMT+12","recurrence":"RRULE:FREQ=DAILY;COUNT=5000"}""",
        """{"title":"Last all-day","start":"2200-12-31","end":"2200-12-31","allDay":true,"recurrence":"RRULE:FREQ=DAILY;COUNT=5000"}""",
        """{"title":"All-day across offsets","start":"2026-12-01T23:30:00-14:00","end":"2026-12-01T00:30:00+14:00","allDay":true}""",
        """{"title":"Longest","start":"2026-01-01T00:00:00Z","end":"2027-01-02T00:00:00Z"}""",
        """{"title":"Too long","start":"2026-01-01T00:00:00Z","end":"2027-01-03T00:00:00Z"}""",
        """{"title":"Zero length","start":"2026-12-01T09:00:00Z","end":"2026-12-01T09:00:00Z"}""",
        """{"title":"Floating until","start":"2026-12-01T09:00:00+14:00","end":"2026-12-01T10:00:00+14:00","timeZone":"Pacific/Kiritimati","recurrence":"RRULE:FREQ=DAILY;UNTIL=20261205T090000"}""",
        """{"title":"Exdates","start":"2026-12-01T09:00:00Z","end":"2026-12-01T10:00:00Z","timeZone":"Europe/Berlin","recurrence":"RRULE:FREQ=DAILY;COUNT=5\nEXDATE;TZID=Europe/Berlin:20261202T100000\nEXDATE;VALUE=DATE:20261203\nRDATE:20261224T090000Z/PT1H"}""",
        """{"title":"Every weekday forever","start":"1900-01-01T09:00:00Z","end":"1900-01-01T10:00:00Z","recurrence":"RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU"}""",
        """{"title":"Yearly on 5th Friday","start":"2026-01-30T09:00:00Z","end":"2026-01-30T10:00:00Z","recurrence":"RRULE:FREQ=YEARLY;BYDAY=53FR;BYSETPOS=-1"}""",
    ];

    /// <summary>List windows over the scenarios' dates, and at the edges of the range.</summary>
    private static readonly (string From, string To)[] Windows =
    [
        ("2026-03-01T00:00:00Z", "2026-04-30T00:00:00Z"), ("2026-10-01T00:00:00Z", "2026-11-30T00:00:00Z"), ("2024-01-01T00:00:00Z", "2025-02-01T00:00:00Z"),
        ("2200-01-01T00:00:00Z", "2200-12-31T23:59:59Z"), ("2200-12-01T00:00:00+14:00", "2200-12-31T23:59:59-14:00"), ("1900-01-01T00:00:00+14:00", "1901-01-01T00:00:00Z"),
        ("1900-01-01T00:00:00-14:00", "1900-12-31T00:00:00Z"), ("2599-01-01T00:00:00Z", "2600-01-01T00:00:00Z"), ("2026-01-01T00:00:00Z", "2027-02-04T00:00:00Z"),
    ];

    public static IEnumerable<RequestParts> For(RequestParts valid) => valid.Spec.Key switch
    {
        "POST /api/events/" or "PUT /api/events/" => Events.Select(e => valid with
        {
            Json = null, Raw = new RawBody("application/json", Encoding.UTF8.GetBytes(e)), Variant = "scenario " + e[10..40],
        }),
        "GET /api/events/" => Windows.Select(w => valid with { Query = [P("from", w.From), P("to", w.To)], Variant = $"window {w.From}..{w.To}" }),
        "GET /api/calendar/upcoming" => new[] { ("0", "1"), ("1", "1000"), ("366", "5000"), ("3660", "2147483647") }
            .Select(q => valid with { Query = [P("days", q.Item1), P("maxResults", q.Item2)], Variant = $"days={q.Item1}, maxResults={q.Item2}" }),
        _ => [],
    };
}
