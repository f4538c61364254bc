using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Persistence;

/// <summary>The engine's tables. Instants are UTC <see cref="DateTime"/>s; enums are stored by name.</summary>
public sealed class WorkflowDbContext(DbContextOptions<WorkflowDbContext> options) : DbContext(options)
{
    internal DbSet<DefinitionRow> Definitions => Set<DefinitionRow>();
    internal DbSet<InstanceRow> Instances => Set<InstanceRow>();
    internal DbSet<UserTaskRow> UserTasks => Set<UserTaskRow>();
    internal DbSet<TaskCandidateRow> TaskCandidates => Set<TaskCandidateRow>();
    internal DbSet<JobRow> Jobs => Set<JobRow>();
    internal DbSet<TimerRow> Timers => Set<TimerRow>();
    internal DbSet<MessageSubscriptionRow> MessageSubscriptions => Set<MessageSubscriptionRow>();
    internal DbSet<IncidentRow> Incidents => Set<IncidentRow>();
    internal DbSet<HistoryRow> History => Set<HistoryRow>();
    internal DbSet<NoticeRow> Notices => Set<NoticeRow>();
    internal DbSet<CaseNumberRow> CaseNumbers => Set<CaseNumberRow>();
    internal DbSet<TaskCopyRow> TaskCopies => Set<TaskCopyRow>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DefinitionRow>(e =>
        {
            e.ToTable("Definitions");
            e.HasIndex(d => new { d.Key, d.Version }).IsUnique();
        });
        modelBuilder.Entity<InstanceRow>(e =>
        {
            e.ToTable("Instances");
            e.Property(i => i.Status).HasConversion<string>();
            e.Property(i => i.Revision).IsConcurrencyToken();
            e.HasIndex(i => i.BusinessKey);
            e.HasIndex(i => new { i.DefinitionId, i.Status });
            e.HasIndex(i => i.ParentInstanceId).HasFilter("\"ParentInstanceId\" IS NOT NULL");
            e.HasIndex(i => new { i.Owner, i.StartedAt });
            e.HasIndex(i => i.Number).IsUnique().HasFilter("\"Number\" IS NOT NULL");
        });
        modelBuilder.Entity<CaseNumberRow>(e =>
        {
            e.ToTable("CaseNumbers");
            e.HasKey(n => new { n.Prefix, n.Year });
        });
        modelBuilder.Entity<UserTaskRow>(e =>
        {
            e.ToTable("UserTasks");
            e.Property(t => t.State).HasConversion<string>();
            e.Property(t => t.Revision).IsConcurrencyToken();
            e.HasMany(t => t.Candidates).WithOne().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(t => new { t.State, t.Assignee });
            e.HasIndex(t => t.InstanceId);
            e.HasIndex(t => new { t.Owner, t.State });
            e.HasIndex(t => t.CompletedBy).HasFilter("\"CompletedBy\" IS NOT NULL");
        });
        modelBuilder.Entity<TaskCandidateRow>(e =>
        {
            e.ToTable("TaskCandidates");
            e.HasKey(c => new { c.TaskId, c.Kind, c.Value });
            e.Property(c => c.Kind).HasConversion<string>();
            e.HasIndex(c => new { c.Kind, c.Value });
        });
        modelBuilder.Entity<JobRow>(e =>
        {
            e.ToTable("Jobs");
            e.HasIndex(j => j.DueAt);
            e.HasIndex(j => j.InstanceId);
        });
        modelBuilder.Entity<TimerRow>(e =>
        {
            e.ToTable("Timers");
            e.HasIndex(t => t.DueAt);
            e.HasIndex(t => t.InstanceId);
            e.HasIndex(t => t.DefinitionKey);
        });
        modelBuilder.Entity<MessageSubscriptionRow>(e =>
        {
            e.ToTable("MessageSubscriptions");
            e.HasIndex(m => m.MessageName);
            e.HasIndex(m => m.InstanceId);
        });
        modelBuilder.Entity<TaskCopyRow>(e =>
        {
            e.ToTable("TaskCopies");
            e.HasIndex(c => new { c.UserId, c.Id });
            e.HasIndex(c => new { c.InstanceId, c.UserId });
        });
        modelBuilder.Entity<IncidentRow>(e =>
        {
            e.ToTable("Incidents");
            e.HasIndex(i => i.InstanceId);
        });
        modelBuilder.Entity<HistoryRow>(e =>
        {
            e.ToTable("History");
            e.Property(h => h.Kind).HasConversion<string>();
            e.HasIndex(h => h.InstanceId);
        });
        modelBuilder.Entity<NoticeRow>(e =>
        {
            e.ToTable("Notices");
            e.Property(n => n.Kind).HasConversion<string>();
            e.HasIndex(n => new { n.SentAt, n.AvailableAt });
            e.HasIndex(n => n.DedupKey).IsUnique().HasFilter("\"DedupKey\" IS NOT NULL");
        });
    }
}
