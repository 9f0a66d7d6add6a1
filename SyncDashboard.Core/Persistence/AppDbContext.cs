using Microsoft.EntityFrameworkCore;
using SyncDashboard.Core.Domain;

namespace SyncDashboard.Core.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<ProviderCredential> Credentials => Set<ProviderCredential>();
    public DbSet<Integration> Integrations => Set<Integration>();
    public DbSet<CalendarEvent> Events => Set<CalendarEvent>();
    public DbSet<EventLink> EventLinks => Set<EventLink>();
    public DbSet<OutboxItem> Outbox => Set<OutboxItem>();
    public DbSet<Conflict> Conflicts => Set<Conflict>();
    public DbSet<SyncRun> SyncRuns => Set<SyncRun>();
    public DbSet<HeldDeletion> HeldDeletions => Set<HeldDeletion>();
    public DbSet<ChangeLogEntry> ChangeLog => Set<ChangeLogEntry>();
    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands DateTime back as Unspecified; everything we store is UTC, so say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<int>();
    }
}
