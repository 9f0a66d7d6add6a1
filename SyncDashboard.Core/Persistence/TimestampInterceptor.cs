using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Persistence;

/// <summary>Stamps CreatedAt/UpdatedAt from <see cref="TimeProvider"/> and bumps event versions, so no caller can forget.</summary>
internal sealed class TimestampInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not null) Stamp(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not null) Stamp(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private void Stamp(DbContext context)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            if (entry.State == EntityState.Added && entry.Metadata.FindProperty("CreatedAt") is not null
                && (DateTime)entry.Property("CreatedAt").CurrentValue! == default)
            {
                entry.Property("CreatedAt").CurrentValue = now;
            }
            if (entry.Metadata.FindProperty("UpdatedAt") is not null) entry.Property("UpdatedAt").CurrentValue = now;
            // Through the entry, not the CLR property: contexts that turn automatic change detection off must still see it.
            if (entry.Entity is CalendarEvent && entry.State == EntityState.Modified)
                entry.Property(nameof(CalendarEvent.Version)).CurrentValue = (int)entry.Property(nameof(CalendarEvent.Version)).OriginalValue! + 1;
        }
    }
}
