using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SyncDashboard.Core.Domain;
using SyncDashboard.Core.Events;

namespace SyncDashboard.Core.Persistence.Configurations;

internal sealed class CalendarEventConfiguration : IEntityTypeConfiguration<CalendarEvent>
{
    public void Configure(EntityTypeBuilder<CalendarEvent> b)
    {
        b.Property(e => e.Title).HasMaxLength(EventLimits.TitleMax);
        b.Property(e => e.Location).HasMaxLength(EventLimits.LocationMax);
        b.Property(e => e.Description).HasMaxLength(EventLimits.DescriptionMax);
        b.Property(e => e.Notes).HasMaxLength(EventLimits.NotesMax);
        b.Property(e => e.TimeZone).HasMaxLength(64);
        b.Property(e => e.RecurrenceProblem).HasMaxLength(EventLimits.RecurrenceProblemMax);
        b.Property(e => e.Version).IsConcurrencyToken();
        // Range queries of the calendar, upcoming list and next-event widget.
        b.HasIndex(e => new { e.UserId, e.IsDeleted, e.Start });
        // A series' overrides, found when it is expanded, edited or deleted; one per occurrence.
        b.HasIndex(e => new { e.SeriesId, e.OriginalStart }).IsUnique().HasFilter("\"SeriesId\" IS NOT NULL");
        b.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Links).WithOne(l => l.Event).HasForeignKey(l => l.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EventLinkConfiguration : IEntityTypeConfiguration<EventLink>
{
    public void Configure(EntityTypeBuilder<EventLink> b)
    {
        b.HasIndex(l => new { l.EventId, l.IntegrationId }).IsUnique();
        b.HasIndex(l => new { l.IntegrationId, l.ExternalId }).IsUnique();
        b.Property(l => l.WebLink).HasMaxLength(WebLinks.MaxLength);
        b.HasOne<Integration>().WithMany().HasForeignKey(l => l.IntegrationId).OnDelete(DeleteBehavior.Cascade);
    }
}
