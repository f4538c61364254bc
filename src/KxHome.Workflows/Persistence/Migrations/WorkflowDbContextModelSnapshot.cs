using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace KxHome.Workflows.Persistence.Migrations;

/// <summary>
/// The model as the migrations leave it, written by hand. When the model changes, add a migration and change
/// this to match; a test fails while they differ.
/// </summary>
[DbContext(typeof(WorkflowDbContext))]
public sealed class WorkflowDbContextModelSnapshot : ModelSnapshot
{
    /// <inheritdoc />
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.HasAnnotation("ProductVersion", "10.0.14");

        modelBuilder.Entity("KxHome.Workflows.Persistence.DefinitionRow", b =>
        {
            b.Property<string>("Id").HasColumnType("TEXT");
            b.Property<string>("Key").IsRequired().HasColumnType("TEXT");
            b.Property<int>("Version").HasColumnType("INTEGER");
            b.Property<string>("Name").HasColumnType("TEXT");
            b.Property<string>("Xml").IsRequired().HasColumnType("TEXT");
            b.Property<string>("XmlHash").IsRequired().HasColumnType("TEXT");
            b.Property<DateTime>("DeployedAt").HasColumnType("TEXT");
            b.Property<string>("DeployedBy").HasColumnType("TEXT");
            b.Property<string>("Note").HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("Key", "Version").IsUnique();
            b.ToTable("Definitions");
        });

        modelBuilder.Entity("KxHome.Workflows.Persistence.InstanceRow", b =>
        {
            b.Property<Guid>("Id").HasColumnType("TEXT");
            b.Property<string>("DefinitionId").IsRequired().HasColumnType("TEXT");
            b.Property<string>("DefinitionKey").IsRequired().HasColumnType("TEXT");
            b.Property<int>("DefinitionVersion").HasColumnType("INTEGER");
            b.Property<string>("BusinessKey").HasColumnType("TEXT");
            b.Property<string>("Status").IsRequired().HasColumnType("TEXT");
            b.Property<DateTime>("StartedAt").HasColumnType("TEXT");
            b.Property<DateTime?>("EndedAt").HasColumnType("TEXT");
            b.Property<string>("StartedBy").HasColumnType("TEXT");
            b.Property<string>("State").IsRequired().HasColumnType("TEXT");
            b.Property<Guid?>("ParentInstanceId").HasColumnType("TEXT");
            b.Property<string>("Owner").HasColumnType("TEXT");
            b.Property<string>("Number").HasColumnType("TEXT");
            b.Property<Guid>("Revision").IsConcurrencyToken().HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("BusinessKey");
            b.HasIndex("Number").IsUnique().HasFilter("\"Number\" IS NOT NULL");
            b.HasIndex("Owner", "StartedAt");
            b.HasIndex("ParentInstanceId").HasFilter("\"ParentInstanceId\" IS NOT NULL");
            b.HasIndex("DefinitionId").HasFilter("\"Status\" = 'Active'");
            b.ToTable("Instances");
        });

        modelBuilder.Entity("KxHome.Workflows.Persistence.UserTaskRow", b =>
        {
            b.Property<Guid>("Id").HasColumnType("TEXT");
            b.Property<Guid>("InstanceId").HasColumnType("TEXT");
            b.Property<Guid>("TokenId").HasColumnType("TEXT");
            b.Property<string>("ElementId").IsRequired().HasColumnType("TEXT");
            b.Property<string>("Name").HasColumnType("TEXT");
            b.Property<string>("DefinitionKey").IsRequired().HasColumnType("TEXT");
            b.Property<string>("BusinessKey").HasColumnType("TEXT");
            b.Property<string>("Owner").HasColumnType("TEXT");
            b.Property<string>("CaseNumber").HasColumnType("TEXT");
            b.Property<string>("Assignee").HasColumnType("TEXT");
            b.Property<string>("FormKey").HasColumnType("TEXT");
            b.Property<DateTime?>("DueAt").HasColumnType("TEXT");
            b.Property<int>("Priority").HasColumnType("INTEGER");
            b.Property<string>("State").IsRequired().HasColumnType("TEXT");
            b.Property<DateTime>("CreatedAt").HasColumnType("TEXT");
            b.Property<DateTime?>("EndedAt").HasColumnType("TEXT");
            b.Property<string>("CompletedBy").HasColumnType("TEXT");
            b.Property<Guid>("Revision").IsConcurrencyToken().HasColumnType("TEXT");
            b.Property<string>("DelegatedBy").HasColumnType("TEXT");
            b.Property<string>("PendingSigners").HasColumnType("TEXT");
            b.Property<string>("DelegatedBy").HasColumnType("TEXT");
            b.Property<string>("PendingSigners").HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("InstanceId");
            b.HasIndex("Assignee").HasFilter("\"State\" = 'Open' AND \"Assignee\" IS NOT NULL");
            b.HasIndex("Owner").HasFilter("\"State\" = 'Open'");
            b.HasIndex("CompletedBy").HasFilter("\"CompletedBy\" IS NOT NULL");
            b.ToTable("UserTasks");
        });

        modelBuilder.Entity("KxHome.Workflows.Persistence.TaskCandidateRow", b =>
        {
            b.Property<Guid>("TaskId").HasColumnType("TEXT");
            b.Property<string>("Kind").HasColumnType("TEXT");
            b.Property<string>("Value").HasColumnType("TEXT");
            b.HasKey("TaskId", "Kind", "Value");
            b.HasIndex("Kind", "Value");
            b.ToTable("TaskCandidates");
            b.HasOne("KxHome.Workflows.Persistence.UserTaskRow", null)
                .WithMany("Candidates")
                .HasForeignKey("TaskId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();
        });

        modelBuilder.Entity("KxHome.Workflows.Persistence.JobRow", b =>
        {
            b.Property<Guid>("Id").HasColumnType("TEXT");
            b.Property<Guid>("InstanceId").HasColumnType("TEXT");
            b.Property<Guid>("TokenId").HasColumnType("TEXT");
            b.Property<string>("ElementId").IsRequired().HasColumnType("TEXT");
            b.Property<string>("Topic").IsRequired().HasColumnType("TEXT");
            b.Property<DateTime>("DueAt").HasColumnType("TEXT");
            b.Property<int>("Attempts").HasColumnType("INTEGER");
            b.Property<string>("LockOwner").HasColumnType("TEXT");
            b.Property<DateTime?>("LockExpiresAt").HasColumnType("TEXT");
            b.Property<string>("LastError").HasColumnType("TEXT");
            b.Property<Guid?>("IncidentId").HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("DueAt");
            b.ToTable("Jobs");
        });

        modelBuilder.Entity("KxHome.Workflows.Persistence.TimerRow", b =>
        {
            b.Property<Guid>("Id").HasColumnType("TEXT");
            b.Property<Guid?>("InstanceId").HasColumnType("TEXT");
            b.Property<Guid?>("TokenId").HasColumnType("TEXT");
            b.Property<string>("DefinitionId").IsRequired().HasColumnType("TEXT");
            b.Property<string>("ElementId").IsRequired().HasColumnType("TEXT");
            b.Property<string>("ElementName").HasColumnType("TEXT");
            b.Property<string>("DefinitionKey").IsRequired().HasColumnType("TEXT");
            b.Property<string>("BusinessKey").HasColumnType("TEXT");
            b.Property<DateTime>("DueAt").HasColumnType("TEXT");
            b.Property<DateTime>("CreatedAt").HasColumnType("TEXT");
            b.Property<DateTime?>("PausedAt").HasColumnType("TEXT");
            b.Property<long?>("RemainingSeconds").HasColumnType("INTEGER");
            b.Property<bool>("WorkingDays").HasColumnType("INTEGER");
            b.Property<int?>("RemainingWorkingDays").HasColumnType("INTEGER");
            b.Property<string>("Cycle").HasColumnType("TEXT");
            b.Property<int>("Fired").HasColumnType("INTEGER");
            b.Property<int>("Attempts").HasColumnType("INTEGER");
            b.Property<bool>("PausedForCorrection").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.HasIndex("DefinitionKey");
            b.HasIndex("DueAt");
            b.HasIndex("InstanceId");
            b.ToTable("Timers");
        });

        modelBuilder.Entity("KxHome.Workflows.Persistence.MessageSubscriptionRow", b =>
        {
            b.Property<Guid>("Id").HasColumnType("TEXT");
            b.Property<Guid?>("InstanceId").HasColumnType("TEXT");
            b.Property<Guid?>("TokenId").HasColumnType("TEXT");
            b.Property<string>("DefinitionId").IsRequired().HasColumnType("TEXT");
            b.Property<string>("DefinitionKey").IsRequired().HasColumnType("TEXT");
            b.Property<string>("BusinessKey").HasColumnType("TEXT");
            b.Property<string>("ElementId").IsRequired().HasColumnType("TEXT");
            b.Property<string>("MessageName").IsRequired().HasColumnType("TEXT");
            b.Property<DateTime>("CreatedAt").HasColumnType("TEXT");
            b.Property<bool>("IsSignal").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.HasIndex("InstanceId");
            b.HasIndex("MessageName");
            b.ToTable("MessageSubscriptions");
        });

        modelBuilder.Entity("KxHome.Workflows.Persistence.IncidentRow", b =>
        {
            b.Property<Guid>("Id").HasColumnType("TEXT");
            b.Property<Guid>("InstanceId").HasColumnType("TEXT");
            b.Property<string>("ElementId").IsRequired().HasColumnType("TEXT");
            b.Property<string>("Kind").IsRequired().HasColumnType("TEXT");
            b.Property<string>("Message").IsRequired().HasColumnType("TEXT");
            b.Property<DateTime>("CreatedAt").HasColumnType("TEXT");
            b.Property<DateTime?>("ResolvedAt").HasColumnType("TEXT");
            b.Property<string>("ResolvedBy").HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("InstanceId");
            b.ToTable("Incidents");
        });

        modelBuilder.Entity("KxHome.Workflows.Persistence.HistoryRow", b =>
        {
            b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<Guid>("InstanceId").HasColumnType("TEXT");
            b.Property<DateTime>("At").HasColumnType("TEXT");
            b.Property<string>("Kind").IsRequired().HasColumnType("TEXT");
            b.Property<string>("ElementId").HasColumnType("TEXT");
            b.Property<string>("ElementName").HasColumnType("TEXT");
            b.Property<Guid?>("TaskId").HasColumnType("TEXT");
            b.Property<string>("UserId").HasColumnType("TEXT");
            b.Property<string>("Comment").HasColumnType("TEXT");
            b.Property<string>("Data").HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("InstanceId");
            b.ToTable("History");
        });

        modelBuilder.Entity("KxHome.Workflows.Persistence.NoticeRow", b =>
        {
            b.Property<Guid>("Id").HasColumnType("TEXT");
            b.Property<string>("Kind").IsRequired().HasColumnType("TEXT");
            b.Property<Guid?>("InstanceId").HasColumnType("TEXT");
            b.Property<Guid?>("TaskId").HasColumnType("TEXT");
            b.Property<string>("UserId").HasColumnType("TEXT");
            b.Property<string>("Recipient").HasColumnType("TEXT");
            b.Property<string>("Comment").HasColumnType("TEXT");
            b.Property<string>("DedupKey").HasColumnType("TEXT");
            b.Property<DateTime>("CreatedAt").HasColumnType("TEXT");
            b.Property<DateTime>("AvailableAt").HasColumnType("TEXT");
            b.Property<int>("Attempts").HasColumnType("INTEGER");
            b.Property<DateTime?>("SentAt").HasColumnType("TEXT");
            b.Property<string>("LastError").HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("DedupKey").IsUnique().HasFilter("\"DedupKey\" IS NOT NULL");
            b.HasIndex("AvailableAt").HasFilter("\"SentAt\" IS NULL");
            b.ToTable("Notices");
        });

        modelBuilder.Entity("KxHome.Workflows.Persistence.CaseNumberRow", b =>
        {
            b.Property<string>("Prefix").HasColumnType("TEXT");
            b.Property<int>("Year").HasColumnType("INTEGER");
            b.Property<long>("Last").HasColumnType("INTEGER");
            b.HasKey("Prefix", "Year");
            b.ToTable("CaseNumbers");
        });

        modelBuilder.Entity("KxHome.Workflows.Persistence.TaskCopyRow", b =>
        {
            b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<Guid>("InstanceId").HasColumnType("TEXT");
            b.Property<Guid>("TaskId").HasColumnType("TEXT");
            b.Property<string>("UserId").IsRequired().HasColumnType("TEXT");
            b.Property<string>("ByUserId").IsRequired().HasColumnType("TEXT");
            b.Property<DateTime>("At").HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("InstanceId", "UserId");
            b.HasIndex("UserId", "Id");
            b.ToTable("TaskCopies");
        });
    }
}
