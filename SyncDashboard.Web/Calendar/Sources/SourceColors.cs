using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Web.Calendar.Sources;

/// <summary>
/// Gives each of a user's sources its colour: the one the user picked on Settings, else the palette's colour for its
/// place in the order integrations were connected, so it is the same on every page and after every restart.
/// </summary>
public sealed class SourceColors(IDbContextFactory<AppDbContext> dbFactory)
{
    public sealed record IntegrationInfo(Guid Id, Provider Provider, string DisplayName, bool IsConnected, string? Color = null);

    public async Task<CalendarSources> ForUserAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Disconnected ones keep their place, so the integrations after them keep their colours.
        var integrations = await db.Integrations.AsNoTracking()
            .Where(i => i.UserId == userId)
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .Select(i => new IntegrationInfo(i.Id, i.Provider, i.DisplayName, i.Status != IntegrationStatus.Disconnected, i.Color))
            .ToListAsync(ct);
        return Assign(integrations);
    }

    /// <summary>
    /// A picked colour wins; the others take the palette's colours in connection order, wrapping after the last (a
    /// pick does not shift the rest, so choosing one colour never repaints another source).
    /// </summary>
    public static CalendarSources Assign(IReadOnlyList<IntegrationInfo> inConnectionOrder) =>
        new(inConnectionOrder
            .Select((i, n) => new CalendarSource(i.Id, i.DisplayName, i.Provider,
                i.Color ?? SourcePalette.Integrations[n % SourcePalette.Integrations.Count], i.IsConnected))
            .ToList());
}
