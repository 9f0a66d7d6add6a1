using System.Globalization;

namespace SyncDashboard.Bench;

/// <summary>Percentiles (nearest rank) and plain-text tables; every figure is formatted with the invariant culture.</summary>
public static class Figures
{
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Ms(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F0", CultureInfo.InvariantCulture) + " ms";

    public static string N(double value, string format = "F0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " MB";

    /// <summary>A left-aligned text table; the first row is the header.</summary>
    public static string Table(IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows.Max(r => r.Length))
            .Select(c => rows.Max(r => c < r.Length ? r[c].Length : 0)).ToArray();
        string Line(string[] r) => "  " + string.Join("  ", r.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd();
        var lines = new List<string> { Line(rows[0]), "  " + string.Join("  ", widths.Select(w => new string('-', w))) };
        lines.AddRange(rows.Skip(1).Select(Line));
        return string.Join(Environment.NewLine, lines);
    }
}

/// <summary>Lines for the closing summary block (the README's "Performance" section).</summary>
public sealed class Summary
{
    private readonly List<string> _lines = [];
    public void Add(string line) => _lines.Add(line);
    public IReadOnlyList<string> Lines => _lines;
}
