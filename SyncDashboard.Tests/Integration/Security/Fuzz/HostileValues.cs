using System.Globalization;
using System.Text;

namespace SyncDashboard.Tests.Integration.Security.Fuzz;

/// <summary>What a field's valid value says it holds, which picks the hostile values tried in its place.</summary>
public enum ValueFamily { Text, Date, Number, Guid, Bool, Recurrence, TimeZone }

/// <summary>
/// Values that have broken parsers before: edges of every range the app checks, control characters and lone surrogates,
/// hostile recurrence rules, impossible dates and numbers just past each integer type. Fixed lists are always tried;
/// <see cref="Random"/> adds generated ones from the run's seed.
/// </summary>
public static class HostileValues
{
    public static readonly string[] Text =
    [
        "", " ", "\t\r\n", "\u0000", "a\u0000b", "\u0001\u0002\u001b[31m\u007f", "\ud800", "\udfff", "x\ud800y", "\udc00\ud800",
        "\u202eevil\u202c", "\u200b\ufeff", "😀👩‍👩‍👧‍👦", "ǅ\u0301\u0301\u0301", "%00%0d%0a", "../../../../etc/passwd", "<script>alert(1)</script>",
        "' OR 1=1 --", "\"}];{\"a\":\"", "null", "NaN", "{{7*7}}", "${jndi:ldap://x}", new string('x', 201), new string('ł', 8001),
        new string('a', 100_000), "\\u0000", "C:\\con\\aux", "\u00a0\u1680\u3000",
    ];

    public static readonly string[] Dates =
    [
        "0001-01-01", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "9999-12-31", "9999-12-31T23:59:59.9999999Z",
        "9999-12-31T23:59:59-14:00", "1899-12-31T23:59:59Z", "1900-01-01T00:00:00+14:00", "1900-01-01T00:00:00Z", "2200-12-31T23:59:59Z",
        "2200-12-31T23:59:59-14:00", "2201-01-01T00:00:00Z", "2024-02-29T12:00:00Z", "2023-02-29T12:00:00Z", "2100-02-29",
        "2026-03-29T02:30:00+01:00", "2026-03-29T02:30:00", "2026-11-01T01:30:00-04:00", "2026-12-01T09:00:00+14:01",
        "2026-12-01T09:00:00+24:00", "2026-12-01T24:00:00Z", "2026-13-01", "2026-12-01T09:00:00Z ", "+002026-12-01T09:00:00Z",
        "-0001-12-31", "2026-12-01T09:00:00.123456789012Z", "20261201T090000Z", "1e10", "",
    ];

    public static readonly string[] Numbers =
    [
        "-1", "0", "1", "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "1e309", "NaN", "Infinity", "0x10", " 7", "7 ", "1.5", "", "٣", "+5", "00000000000000000000007", "1_000",
    ];

    public static readonly string[] Guids =
    [
        "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-guid", "{00000000-0000-0000-0000-000000000001}",
        "0000000000000000000000000000000g", "00000000-0000-0000-0000-00000000000", "00000000-0000-0000-0000-0000000000001", "1", "",
        "00000000-0000-0000-0000-000000000001\u0000",
    ];

    public static readonly string[] Bools = ["true", "false", "True", "1", "0", "yes", "", "null"];

    public static readonly string[] Recurrences =
    [
        "RRULE:FREQ=DAILY;INTERVAL=2147483647", "RRULE:FREQ=DAILY;INTERVAL=2147483648", "RRULE:FREQ=DAILY;INTERVAL=0", "RRULE:FREQ=DAILY;INTERVAL=-1",
        "RRULE:FREQ=DAILY;COUNT=0", "RRULE:FREQ=DAILY;COUNT=-5", "RRULE:FREQ=DAILY;COUNT=2147483647", "RRULE:FREQ=DAILY;COUNT=99999999999999999999",
        "RRULE:FREQ=SECONDLY", "RRULE:FREQ=MINUTELY;COUNT=10", "RRULE:FREQ=HOURLY;INTERVAL=1", "RRULE:FREQ=FORTNIGHTLY", "RRULE:FREQ=",
        "RRULE:", "RRULE:;;;;", "RRULE:FREQ=DAILY;UNTIL=19000101T000000Z", "RRULE:FREQ=DAILY;UNTIL=00010101", "RRULE:FREQ=DAILY;UNTIL=99991231T235959Z",
        "RRULE:FREQ=DAILY;UNTIL=20261301T000000Z", "RRULE:FREQ=DAILY;COUNT=3;UNTIL=20270101", "RRULE:FREQ=WEEKLY;BYDAY=XX", "RRULE:FREQ=WEEKLY;BYDAY=99MO",
        "RRULE:FREQ=MONTHLY;BYDAY=6FR", "RRULE:FREQ=MONTHLY;BYDAY=-0MO", "RRULE:FREQ=MONTHLY;BYMONTHDAY=0", "RRULE:FREQ=MONTHLY;BYMONTHDAY=32,-32",
        "RRULE:FREQ=YEARLY;BYMONTH=13", "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "RRULE:FREQ=YEARLY;BYYEARDAY=367", "RRULE:FREQ=YEARLY;BYWEEKNO=54",
        "RRULE:FREQ=DAILY;BYHOUR=25", "RRULE:FREQ=DAILY;BYSETPOS=0;BYDAY=MO", "RRULE:FREQ=WEEKLY;WKST=XX", "RRULE:FREQ=DAILY;INTERVAL=1;INTERVAL=2",
        "RRULE:FREQ=DAILY;X-NAME=1", "RRULE:FREQ=DAILY\nRRULE:FREQ=WEEKLY", "EXRULE:FREQ=DAILY;COUNT=0", "EXDATE:garbage", "EXDATE:00010101",
        "EXDATE:99991231T235959Z", "RDATE:99991231/P1D", "RDATE:", "\n\n\n", "FREQ=DAILY", "RRULE:FREQ=DAILY;COUNT=5000;INTERVAL=1000",
        "RRULE:FREQ=YEARLY;INTERVAL=1000;COUNT=5000", "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=5000", "RRULE:FREQ=MONTHLY;BYMONTHDAY=31;COUNT=5000",
        "RRULE:FREQ=DAILY;BYMONTHDAY=" + string.Join(",", Enumerable.Repeat("1", 3000)),
        "RRULE:FREQ=WEEKLY;BYDAY=" + string.Join(",", Enumerable.Repeat("MO", 2000)),
        string.Join("\n", Enumerable.Repeat("EXDATE:20261201T090000Z", 500)),
    ];

    public static readonly string[] TimeZones =
    [
        "", "UTC", "Mars/Olympus_Mons", "Etc/GMT+14", "Etc/GMT-14", "Pacific/Kiritimati", "America/St_Johns", "Europe/Berlin\u0000",
        "../../../etc/localtime", "Pacific Standard Time", "+05:30", new string('Z', 5000), "europe/berlin", "Antarctica/Troll",
    ];

    public static string[] Fixed(ValueFamily family) => family switch
    {
        ValueFamily.Date => Dates,
        ValueFamily.Number => Numbers,
        ValueFamily.Guid => Guids,
        ValueFamily.Bool => Bools,
        ValueFamily.Recurrence => Recurrences,
        ValueFamily.TimeZone => TimeZones,
        _ => Text,
    };

    public static ValueFamily FamilyOf(string name, string validValue) =>
        name.Contains("recurrence", StringComparison.OrdinalIgnoreCase) ? ValueFamily.Recurrence
        : name.Contains("timezone", StringComparison.OrdinalIgnoreCase) ? ValueFamily.TimeZone
        : Guid.TryParse(validValue, out _) ? ValueFamily.Guid
        : validValue.Length >= 10 && DateTimeOffset.TryParse(validValue, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? ValueFamily.Date
        : long.TryParse(validValue, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? ValueFamily.Number
        : bool.TryParse(validValue, out _) ? ValueFamily.Bool
        : ValueFamily.Text;

    /// <summary>A generated value of the family, from the run's seed.</summary>
    public static string Random(ValueFamily family, Random r) => family switch
    {
        ValueFamily.Date => RandomDate(r),
        ValueFamily.Number => r.Next(4) switch
        {
            0 => r.NextInt64(long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture),
            1 => (r.NextDouble() * Math.Pow(10, r.Next(0, 40))).ToString("R", CultureInfo.InvariantCulture),
            2 => "-" + r.Next(),
            _ => new string('9', r.Next(10, 400)),
        },
        ValueFamily.Guid => r.Next(2) == 0 ? RandomGuid(r).ToString() : RandomGuid(r).ToString("N")[..r.Next(1, 32)],
        ValueFamily.Recurrence => RandomRule(r),
        _ => RandomText(r),
    };

    public static Guid RandomGuid(Random r)
    {
        var bytes = new byte[16];
        r.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static string RandomText(Random r)
    {
        var length = r.Next(10) == 0 ? r.Next(1_000, 30_000) : r.Next(0, 40);
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            sb.Append(r.Next(6) switch
            {
                0 => (char)r.Next(0, 0x20), // control characters
                1 => (char)r.Next(0xD800, 0xE000), // surrogates, mostly unpaired
                2 => (char)r.Next(0x80, 0x800),
                3 => (char)r.Next(0xFFF0, 0x10000),
                _ => (char)r.Next(0x20, 0x7F),
            });
        }
        return sb.ToString();
    }

    private static string RandomDate(Random r)
    {
        var year = r.Next(4) == 0 ? r.Next(1, 10_000) : r.Next(1895, 2206);
        var offset = TimeSpan.FromMinutes(r.Next(-14 * 60, 14 * 60 + 1));
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"{year:0000}-{r.Next(1, 13):00}-{r.Next(1, 32):00}T{r.Next(0, 24):00}:{r.Next(0, 60):00}:{r.Next(0, 60):00}{sign}{offset.Duration():hh\\:mm}";
    }

    private static string RandomRule(Random r)
    {
        string[] freqs = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY", "SECONDLY", "HOURLY", "", "X"];
        string[] parts = ["INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "BYHOUR", "WKST", "BYMINUTE"];
        string[] values = ["0", "1", "-1", "53", "366", "-366", "2147483647", "MO", "2TU", "-5SU", "XX", "20261201T090000Z", "99991231", "1,2,3", ""];
        var rule = new StringBuilder("RRULE:FREQ=").Append(freqs[r.Next(freqs.Length)]);
        for (var i = r.Next(0, 6); i > 0; i--) rule.Append(';').Append(parts[r.Next(parts.Length)]).Append('=').Append(values[r.Next(values.Length)]);
        return rule.ToString();
    }
}
