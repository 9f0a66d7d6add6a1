using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Persistence;

namespace SyncDashboard.Web.Calendar.Sources;

/// <summary>
/// Gives each of a user's sources its colour. Today the colour follows from the order integrations were connected,
/// so it is the same on every page and after every restart; a colour the user picks per integration (a later step)
/// goes in <see cref="Assign"/>, ahead of the palette.
/// </summary>
public sealed class SourceColors(IDbContextFactory<AppDbContext> dbFactory)
{
    public sealed record IntegrationInfo(Guid Id, Provider Provider, string DisplayName, bool IsConnected);

    public async Task<CalendarSources> ForUserAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Disconnected ones keep their place, so the integrations after them keep their colours.
        var integrations = await db.Integrations.AsNoTracking()
            .Where(i => i.UserId == userId)
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .Select(i => new IntegrationInfo(i.Id, i.Provider, i.DisplayName, i.Status != IntegrationStatus.Disconnected))
            .ToListAsync(ct);
        return Assign(integrations);
    }

    /// <summary>Integrations in the order they were connected take the palette's colours in turn, wrapping after the last.</summary>
    public static CalendarSources Assign(IReadOnlyList<IntegrationInfo> inConnectionOrder) =>
        new(inConnectionOrder
            .Select((i, n) => new CalendarSource(i.Id, i.DisplayName, i.Provider,
                SourcePalette.Integrations[n % SourcePalette.Integrations.Count], i.IsConnected))
            .ToList());
}
