using SyncDashboard.Core.Formatting;

namespace SyncDashboard.Core.Domain;

public sealed class User
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Email { get; set; }
    public required string DisplayName { get; set; }
    public string? PasswordHash { get; set; }
    /// <summary>IANA zone used to decide what "today" means for this user.</summary>
    public string TimeZone { get; set; } = "UTC";
    /// <summary>The culture dates and times read in (a name from <c>DisplayChoices.Cultures</c>); null follows the browser.</summary>
    public string? Culture { get; set; }
    /// <summary>12- or 24-hour clock; null reads the culture's own.</summary>
    public HourCycle? HourCycle { get; set; }
    /// <summary>First day of the week in the calendar; null takes the culture's.</summary>
    public DayOfWeek? WeekStart { get; set; }
    public DisplayChoices Display => new(Culture, HourCycle, WeekStart);
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>
    /// Copied into each sign-in cookie; replacing it (on sign-out) makes every cookie issued before unusable.
    /// </summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
}
