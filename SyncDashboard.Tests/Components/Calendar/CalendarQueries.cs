using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace SyncDashboard.Tests.Components.Calendar;

internal static class CalendarQueries
{
    /// <summary>The event button whose title is <paramref name="title"/> (one, or the test fails).</summary>
    public static IElement Chip<T>(this IRenderedComponent<T> cut, string title) where T : IComponent => cut.Chips(title).Single();

    public static IReadOnlyList<IElement> Chips<T>(this IRenderedComponent<T> cut, string title) where T : IComponent =>
        cut.FindAll("[data-testid=calendar-event]").Where(e => e.QuerySelector(".cal-event-title")?.TextContent == title).ToList();

    public static IReadOnlyList<string> Titles(this IEnumerable<IElement> chips) =>
        chips.Select(e => e.QuerySelector(".cal-event-title")!.TextContent).ToList();

    /// <summary>Where the chip is placed: the style of the element that carries its position (the tooltip's root).</summary>
    public static string PositionStyle(this IElement chip) => chip.ParentElement!.GetAttribute("style") ?? "";
}
