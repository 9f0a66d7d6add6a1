using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace SyncDashboard.Tests.Components;

public static partial class Text
{
    /// <summary>What a reader sees in <paramref name="element"/>: its text with runs of white space read as one space.</summary>
    public static string Of(IElement element) => Spaces().Replace(element.TextContent, " ").Trim();

    public static IReadOnlyList<string> Of(IEnumerable<IElement> elements) => elements.Select(Of).ToList();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
