using System.Globalization;

namespace SyncDashboard.Core.Formatting;

/// <summary>
/// The handful of patterns the app shows, each derived from the culture's own data rather than written by hand:
/// the long date (with and without its weekday), the month-and-day pattern, the year-and-month pattern and the short
/// time. .NET exposes no skeletons ("abbreviated weekday, day, abbreviated month"), so the short forms are the
/// culture's long ones with the year left out and names abbreviated.
/// </summary>
internal sealed record CulturePatterns(
    CultureInfo Culture, string Time, string HourLabel, string DateShort, string DateMedium, string MonthDay,
    string DateLong, string YearMonth, bool YearFirst)
{
    // CLDR writes the day period first in these languages ("午後2:05", "下午2:05"); .NET has no 12-hour pattern for a
    // culture that reads 24 hours, so a user who picks 12 h in one of them needs this one fact from outside its data.
    private static readonly HashSet<string> DayPeriodFirstLanguages = ["ja", "zh", "ko"];

    public static CulturePatterns For(CultureInfo culture, HourCycle cycle)
    {
        var c = Gregorian(culture);
        var f = c.DateTimeFormat;
        var time = TimePattern(DatePattern.Parse(f.ShortTimePattern), c.TwoLetterISOLanguageName, cycle);
        var (weekday, weekdayFirst, withoutWeekday) = SplitWeekday(f);
        var monthDay = DatePattern.Parse(f.MonthDayPattern).AbbreviateMonth().ToString();
        var medium = withoutWeekday.AbbreviateMonth();
        return new CulturePatterns(
            c, time.ToString(),
            // "14:00" reads as an hour already; "2:00 PM" says more than the grid's "2 PM".
            cycle == HourCycle.H23 ? time.ToString() : time.Without('m').ToString(),
            weekdayFirst ? weekday + monthDay : monthDay + weekday,
            medium.ToString(), monthDay, f.LongDatePattern, f.YearMonthPattern,
            medium.FirstField is 'y' or 'g');
    }

    private static DatePattern TimePattern(DatePattern own, string language, HourCycle cycle)
    {
        var ownIs12 = own.Has('h');
        if (ownIs12 == (cycle == HourCycle.H12)) return own;
        if (cycle == HourCycle.H23)
            return own.Without('t').Map(t => t.Field == 'h' ? DatePattern.Token.Of('H', 2) : t);
        var twelve = own.Map(t => t.Field == 'H' ? DatePattern.Token.Of('h', 1) : t).ToString();
        // U+202F (narrow no-break space) is what the culture data itself uses before AM/PM (en-US), and it keeps
        // "2:05 PM" on one line.
        return DatePattern.Parse(DayPeriodFirstLanguages.Contains(language) ? "tt" + twelve : twelve + "\u202Ftt");
    }

    /// <summary>
    /// The long date's weekday with the text that joins it to the rest ("dddd, " in en-US, ", dddd" in hu) and the
    /// date without it. ICU lists the long date without a weekday as the second 'D' pattern; where the first is that
    /// one plus a weekday piece, the piece is exact (ja "日dddd" must not take the 日 along).
    /// </summary>
    private static (string Weekday, bool First, DatePattern Bare) SplitWeekday(DateTimeFormatInfo f)
    {
        var full = f.LongDatePattern;
        var bare = f.GetAllDateTimePatterns('D').FirstOrDefault(p => !DatePattern.Parse(p).HasWeekday);
        if (bare is not null && bare.Length < full.Length)
        {
            // Only a piece that holds the weekday and nothing else is taken; anything odder goes the token way below.
            static bool OnlyWeekday(string piece) => DatePattern.Parse(piece).Tokens.Where(t => t.IsField).All(DatePattern.IsWeekday);
            if (full.EndsWith(bare, StringComparison.Ordinal) && OnlyWeekday(full[..^bare.Length]))
                return (Abbreviated(full[..^bare.Length]), true, DatePattern.Parse(bare));
            if (full.StartsWith(bare, StringComparison.Ordinal) && OnlyWeekday(full[bare.Length..]))
                return (Abbreviated(full[bare.Length..]), false, DatePattern.Parse(bare));
        }
        var tokens = DatePattern.Parse(full).Tokens.ToList();
        var w = tokens.FindIndex(DatePattern.IsWeekday);
        if (w < 0) return ("ddd ", true, DatePattern.Parse(full));
        var later = tokens.FindIndex(w + 1, t => t.IsField);
        if (later >= 0)
            return (Abbreviated(DatePattern.Of(tokens[..later]).ToString()), true, DatePattern.Of(tokens[later..]));
        var earlier = tokens.FindLastIndex(w, t => t.IsField && !DatePattern.IsWeekday(t));
        return (Abbreviated(DatePattern.Of(tokens[(earlier + 1)..]).ToString()), false, DatePattern.Of(tokens[..(earlier + 1)]));
    }

    /// <summary>
    /// "dddd, " → "ddd, ". A weekday glued to the date with no text between (ja "12月1日火曜日") keeps its full name:
    /// the abbreviation would read as a stray character ("12月1日火").
    /// </summary>
    private static string Abbreviated(string weekdayPiece)
    {
        var piece = DatePattern.Parse(weekdayPiece);
        return piece.Tokens.All(t => t.IsField)
            ? weekdayPiece
            : piece.Map(t => DatePattern.IsWeekday(t) ? DatePattern.Token.Of('d', 3) : t).ToString();
    }

    /// <summary>
    /// The calendar grid is Gregorian, so its titles must be too: ar-SA (Umm al-Qura) and th-TH (Buddhist era) read
    /// their Gregorian variant. A culture without day-period names gets the invariant "AM"/"PM" so 12 h still reads.
    /// </summary>
    private static CultureInfo Gregorian(CultureInfo culture)
    {
        var clone = (CultureInfo)culture.Clone();
        if (culture.Calendar is not GregorianCalendar)
        {
            var gregorian = culture.OptionalCalendars.OfType<GregorianCalendar>()
                .OrderBy(g => g.CalendarType == GregorianCalendarTypes.Localized ? 0 : 1).FirstOrDefault();
            if (gregorian is not null) clone.DateTimeFormat.Calendar = gregorian;
        }
        if (string.IsNullOrEmpty(clone.DateTimeFormat.AMDesignator) || string.IsNullOrEmpty(clone.DateTimeFormat.PMDesignator))
        {
            clone.DateTimeFormat.AMDesignator = CultureInfo.InvariantCulture.DateTimeFormat.AMDesignator;
            clone.DateTimeFormat.PMDesignator = CultureInfo.InvariantCulture.DateTimeFormat.PMDesignator;
        }
        return CultureInfo.ReadOnly(clone);
    }
}
