using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Workflows.Persistence.Migrations;

/// <summary>
/// Approval operations and notices: tasks remember who delegated them and which added signers are still to sign;
/// deadlines paused for a correction are marked; the outbox of notices to send after commit.
/// </summary>
[DbContext(typeof(WorkflowDbContext))]
[Migration("20261122000006_ApprovalOperations")]
public sealed class M006_ApprovalOperations : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("DelegatedBy", "UserTasks", "TEXT", nullable: true);
        m.AddColumn<string>("PendingSigners", "UserTasks", "TEXT", nullable: true);
        m.CreateIndex("IX_UserTasks_CompletedBy", "UserTasks", "CompletedBy");
        m.CreateIndex("IX_Instances_Owner_StartedAt", "Instances", ["Owner", "StartedAt"]);
        m.AddColumn<bool>("PausedForCorrection", "Timers", "INTEGER", nullable: false, defaultValue: false);
        m.CreateTable("Notices", t => new
        {
            Id = t.Column<Guid>("TEXT"),
            Kind = t.Column<string>("TEXT"),
            InstanceId = t.Column<Guid>("TEXT", nullable: true),
            TaskId = t.Column<Guid>("TEXT", nullable: true),
            UserId = t.Column<string>("TEXT", nullable: true),
            Recipient = t.Column<string>("TEXT", nullable: true),
            Comment = t.Column<string>("TEXT", nullable: true),
            DedupKey = t.Column<string>("TEXT", nullable: true),
            CreatedAt = t.Column<DateTime>("TEXT"),
            AvailableAt = t.Column<DateTime>("TEXT"),
            Attempts = t.Column<int>("INTEGER"),
            SentAt = t.Column<DateTime>("TEXT", nullable: true),
            LastError = t.Column<string>("TEXT", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Notices", x => x.Id));
        m.CreateIndex("IX_Notices_SentAt_AvailableAt", "Notices", ["SentAt", "AvailableAt"]);
        m.CreateIndex("IX_Notices_DedupKey", "Notices", "DedupKey", unique: true);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("Notices");
        m.DropColumn("PausedForCorrection", "Timers");
        m.DropIndex("IX_Instances_Owner_StartedAt", "Instances");
        m.DropIndex("IX_UserTasks_CompletedBy", "UserTasks");
        m.DropColumn("PendingSigners", "UserTasks");
        m.DropColumn("DelegatedBy", "UserTasks");
    }
}
