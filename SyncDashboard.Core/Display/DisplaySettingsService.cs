using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncDashboard.Core.Common;
using SyncDashboard.Core.Formatting;
using SyncDashboard.Core.Notifications;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Core.Display;

/// <summary>
/// How things look for one user: how dates read (culture, clock, week start, zone) and each integration's colour.
/// A change is published like a calendar change (no events in it), so every open page of the user redraws with it.
/// </summary>
public sealed partial class DisplaySettingsService(
    IDbContextFactory<AppDbContext> dbFactory, IChangeNotifier notifier, ILogger<DisplaySettingsService> logger)
{
    public async Task UpdatePreferencesAsync(Guid userId, DisplayChoices choices, string timeZone, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (!DisplayChoices.IsOffered(choices.Culture)) errors["culture"] = ["Pick one of the listed cultures."];
        if (choices.HourCycle is { } cycle && !Enum.IsDefined(cycle)) errors["hourCycle"] = ["Pick 12-hour or 24-hour."];
        if (choices.WeekStart is { } day && !Enum.IsDefined(day)) errors["weekStart"] = ["Pick a day of the week."];
        if (string.IsNullOrEmpty(timeZone) || timeZone.Length > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            errors["timeZone"] = ["The time zone is not known."];
        if (errors.Count > 0) throw new InputValidationException(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var updated = await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.Culture, choices.Culture)
            .SetProperty(u => u.HourCycle, choices.HourCycle)
            .SetProperty(u => u.WeekStart, choices.WeekStart)
            .SetProperty(u => u.TimeZone, timeZone), ct);
        if (updated == 0) throw new NotFoundException("The account was not found.");
        logger.LogInformation("User {UserId} reads dates as {Culture}/{HourCycle}/{WeekStart} in {TimeZone}",
            userId, choices.Culture ?? "browser", choices.HourCycle?.ToString() ?? "culture", choices.WeekStart?.ToString() ?? "culture", timeZone);
        await notifier.PublishAsync(userId, null, [], ct);
    }

    /// <summary>Sets the colour of one of the user's integrations, or clears it (null: back to the palette's turn).</summary>
    public async Task SetIntegrationColorAsync(Guid userId, Guid integrationId, string? color, CancellationToken ct = default)
    {
        if (color is not null && !HexColor().IsMatch(color))
            throw new InputValidationException(new Dictionary<string, string[]> { ["color"] = ["A colour is written #rrggbb."] });
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var updated = await db.Integrations.Where(i => i.Id == integrationId && i.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Color, color?.ToLowerInvariant()), ct);
        if (updated == 0) throw new NotFoundException($"Integration {integrationId} was not found.");
        logger.LogInformation("Integration {IntegrationId} of user {UserId} is drawn in {Color}", integrationId, userId, color ?? "its palette colour");
        await notifier.PublishAsync(userId, integrationId, [], ct);
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}
