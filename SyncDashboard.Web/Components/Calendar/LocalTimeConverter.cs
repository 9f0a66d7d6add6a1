using System.Globalization;
using MudBlazor;

namespace SyncDashboard.Web.Components.Calendar;

/// <summary>
/// Reads and writes the value of a native <c>datetime-local</c> or <c>date</c> input, which is always ISO whatever the
/// user's culture ("2026-03-10T10:00", "2026-03-10"); what the user sees is the browser's own localised picker.
/// </summary>
public sealed class LocalTimeConverter : IReversibleConverter<DateTime, string?>
{
    public static LocalTimeConverter DateTimeLocal { get; } = new("yyyy-MM-dd'T'HH:mm");
    public static LocalTimeConverter Date { get; } = new("yyyy-MM-dd");

    private readonly string _format;

    private LocalTimeConverter(string format) => _format = format;

    public string? Convert(DateTime input) => input.ToString(_format, CultureInfo.InvariantCulture);

    /// <summary>Seconds are accepted too (a browser may send them); an empty or broken value is a conversion error.</summary>
    public DateTime ConvertBack(string? input) =>
        DateTime.TryParse(input, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? DateTime.SpecifyKind(value, DateTimeKind.Unspecified)
            : throw new FormatException("Enter a date" + (_format.Contains('T') ? " and time." : "."));
}
