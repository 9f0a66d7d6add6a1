using System.Text;

namespace SyncDashboard.Core.Formatting;

/// <summary>
/// A .NET custom date/time pattern split into fields ("dddd", "MMM", "yyyy", "tt") and literals (", ", "'de'", "年").
/// The formatter edits the culture's own patterns rather than writing its own (shorten a month name, drop the
/// minutes, swap the clock), and that needs to know which characters are fields and which are quoted text.
/// </summary>
internal sealed class DatePattern
{
    // Letters .NET reads as fields; every other character (and anything quoted or escaped) is printed as is.
    private const string FieldLetters = "dfFghHKmMstyz";

    private DatePattern(IReadOnlyList<Token> tokens) => Tokens = tokens;

    public IReadOnlyList<Token> Tokens { get; }

    public readonly record struct Token(string Text, char Field)
    {
        public bool IsField => Field != '\0';
        public static Token Literal(string text) => new(text, '\0');
        public static Token Of(char field, int length) => new(new string(field, length), field);
    }

    public static DatePattern Parse(string pattern)
    {
        var tokens = new List<Token>();
        for (var i = 0; i < pattern.Length;)
        {
            var c = pattern[i];
            var end = i + 1;
            if (FieldLetters.Contains(c))
                while (end < pattern.Length && pattern[end] == c) end++;
            else if (c is '\'' or '"')
                end = pattern.IndexOf(c, i + 1) is var close and >= 0 ? close + 1 : pattern.Length;
            else if (c == '\\' && i + 1 < pattern.Length)
                end = i + 2;
            else if (c == '%')
            {
                i++; // marks a one-letter custom pattern; ToString puts it back where it is needed
                continue;
            }
            tokens.Add(FieldLetters.Contains(c) ? new Token(pattern[i..end], c) : Token.Literal(pattern[i..end]));
            i = end;
        }
        return new DatePattern(tokens);
    }

    public static DatePattern Of(IEnumerable<Token> tokens) => new(tokens.ToList());

    public bool Has(char field) => Tokens.Any(t => t.Field == field);

    public bool HasWeekday => Tokens.Any(IsWeekday);

    public static bool IsWeekday(Token t) => t.Field == 'd' && t.Text.Length >= 3;

    /// <summary>The first field (year-first cultures such as ja, hu, ko put the year here).</summary>
    public char FirstField => Tokens.FirstOrDefault(t => t.IsField).Field;

    /// <summary>Rewrites each token; a null result drops it.</summary>
    public DatePattern Map(Func<Token, Token?> map) => new(Tokens.Select(map).OfType<Token>().ToList());

    /// <summary>"MMMM" → "MMM": the same culture's abbreviated month names (genitive ones where a day number is near).</summary>
    public DatePattern AbbreviateMonth() => Map(t => t.Field == 'M' && t.Text.Length >= 4 ? Token.Of('M', 3) : t);

    /// <summary>
    /// Drops every <paramref name="field"/> with the literal text that only served it: the text before it (":mm",
    /// " tt", ", yyyy" — and a last field's suffix too: ru "yyyy 'г'."), or the text after it when it is the first
    /// field ("tt h:mm", "yyyy年M月").
    /// </summary>
    public DatePattern Without(char field)
    {
        var tokens = Tokens.ToList();
        for (var i = tokens.FindIndex(t => t.Field == field); i >= 0; i = tokens.FindIndex(t => t.Field == field))
        {
            var earlier = i == 0 ? -1 : tokens.FindLastIndex(i - 1, t => t.IsField);
            var later = tokens.FindIndex(i + 1, t => t.IsField);
            if (earlier < 0) tokens.RemoveRange(i, (later < 0 ? tokens.Count : later) - i);
            else tokens.RemoveRange(earlier + 1, (later < 0 ? tokens.Count : i + 1) - (earlier + 1));
        }
        return new DatePattern(tokens);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var t in Tokens) text.Append(t.Text);
        // One letter alone ("H") would be read as a standard format specifier; '%' marks it as custom.
        return text.Length == 1 && FieldLetters.Contains(text[0]) ? "%" + text : text.ToString();
    }
}
