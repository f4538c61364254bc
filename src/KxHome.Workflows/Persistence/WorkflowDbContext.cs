using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Persistence;

/// <summary>The engine's tables. Instants are UTC <see cref="DateTime"/>s; enums are stored by name.</summary>
public class WorkflowDbContext : DbContext
{
    public WorkflowDbContext(DbContextOptions<WorkflowDbContext> options) : base(options)
    {
    }

    /// <summary>For <see cref="PostgresWorkflowDbContext"/>, which carries the PostgreSQL migrations.</summary>
    protected WorkflowDbContext(DbContextOptions options) : base(options)
    {
    }

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
            e.ToTable(Table("Definitions"));
            e.HasIndex(d => new { d.Key, d.Version }).IsUnique();
        });
        modelBuilder.Entity<InstanceRow>(e =>
        {
            e.ToTable(Table("Instances"));
            e.Property(i => i.Status).HasConversion<string>();
            e.Property(i => i.Revision).IsConcurrencyToken();
            e.HasIndex(i => i.BusinessKey);
            e.HasIndex(i => i.DefinitionId).HasFilter(Is("Status", "Active")); // running cases by version
            e.HasIndex(i => i.ParentInstanceId).HasFilter(NotNull("ParentInstanceId"));
            e.HasIndex(i => new { i.Owner, i.StartedAt });
            e.HasIndex(i => i.Number).IsUnique().HasFilter(NotNull("Number"));
        });
        modelBuilder.Entity<CaseNumberRow>(e =>
        {
            e.ToTable(Table("CaseNumbers"));
            e.HasKey(n => new { n.Prefix, n.Year });
        });
        modelBuilder.Entity<UserTaskRow>(e =>
        {
            e.ToTable(Table("UserTasks"));
            e.Property(t => t.State).HasConversion<string>();
            e.Property(t => t.Revision).IsConcurrencyToken();
            e.HasMany(t => t.Candidates).WithOne().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
            // The inbox's tasks held by someone: a task offered to a group or to candidates has no entry until it is claimed.
            e.HasIndex(t => t.Assignee).HasFilter($"{Is("State", "Open")} AND {NotNull("Assignee")}");
            e.HasIndex(t => t.InstanceId);
            e.HasIndex(t => t.Owner).HasFilter(Is("State", "Open"));
            e.HasIndex(t => t.CompletedBy).HasFilter(NotNull("CompletedBy"));
        });
        modelBuilder.Entity<TaskCandidateRow>(e =>
        {
            e.ToTable(Table("TaskCandidates"));
            e.HasKey(c => new { c.TaskId, c.Kind, c.Value });
            e.Property(c => c.Kind).HasConversion<string>();
            e.HasIndex(c => new { c.Kind, c.Value });
        });
        modelBuilder.Entity<JobRow>(e =>
        {
            e.ToTable(Table("Jobs"));
            e.HasIndex(j => j.DueAt); // by case they are never looked up: a closed wait names its job
        });
        modelBuilder.Entity<TimerRow>(e =>
        {
            e.ToTable(Table("Timers"));
            e.HasIndex(t => t.DueAt);
            e.HasIndex(t => t.InstanceId);
            e.HasIndex(t => t.DefinitionKey);
        });
        modelBuilder.Entity<MessageSubscriptionRow>(e =>
        {
            e.ToTable(Table("MessageSubscriptions"));
            e.HasIndex(m => m.MessageName);
            e.HasIndex(m => m.InstanceId);
        });
        modelBuilder.Entity<TaskCopyRow>(e =>
        {
            e.ToTable(Table("TaskCopies"));
            e.HasIndex(c => new { c.UserId, c.Id });
            e.HasIndex(c => new { c.InstanceId, c.UserId });
        });
        modelBuilder.Entity<IncidentRow>(e =>
        {
            e.ToTable(Table("Incidents"));
            e.HasIndex(i => i.InstanceId);
        });
        modelBuilder.Entity<HistoryRow>(e =>
        {
            e.ToTable(Table("History"));
            e.Property(h => h.Kind).HasConversion<string>();
            e.HasIndex(h => h.InstanceId);
        });
        modelBuilder.Entity<NoticeRow>(e =>
        {
            e.ToTable(Table("Notices"));
            e.Property(n => n.Kind).HasConversion<string>();
            e.HasIndex(n => n.AvailableAt).HasFilter(IsNull("SentAt")); // the outbox: a notice sent leaves it
            e.HasIndex(n => n.DedupKey).IsUnique().HasFilter(NotNull("DedupKey"));
        });
    }

    /// <summary>A table's name: in lower case on PostgreSQL, so the engine's unquoted SQL names it on both.</summary>
    private string Table(string name) => Database.IsNpgsql() ? name.ToLowerInvariant() : name;

    /// <summary>An index filter on a column not being set.</summary>
    private string IsNull(string column) => $"{Column(column)} IS NULL";

    /// <summary>An index filter on a column being set.</summary>
    private string NotNull(string column) => $"{Column(column)} IS NOT NULL";

    /// <summary>
    /// An index filter on a column's value. An index of open tasks or running cases is written when a task or case
    /// ends only to delete its entry, and stays as small as the work in hand.
    /// </summary>
    private string Is(string column, string value) => $"{Column(column)} = '{value}'";

    /// <summary>
    /// A column in an index filter: quoted on SQLite; bare on PostgreSQL, whose columns are named in lower case, which
    /// bare names fold to.
    /// </summary>
    private string Column(string name) => Database.IsNpgsql() ? name : $"\"{name}\"";
}
