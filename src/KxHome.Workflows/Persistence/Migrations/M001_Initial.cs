using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Workflows.Persistence.Migrations;

/// <summary>The engine's first schema. Written by hand: the EF design-time package is not available here.</summary>
[DbContext(typeof(WorkflowDbContext))]
[Migration("20261122000001_Initial")]
public sealed class M001_Initial : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Definitions", t => new
        {
            Id = t.Column<string>("TEXT"),
            Key = t.Column<string>("TEXT"),
            Version = t.Column<int>("INTEGER"),
            Name = t.Column<string>("TEXT", nullable: true),
            Xml = t.Column<string>("TEXT"),
            XmlHash = t.Column<string>("TEXT"),
            DeployedAt = t.Column<DateTime>("TEXT"),
            DeployedBy = t.Column<string>("TEXT", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Definitions", x => x.Id));
        m.CreateIndex("IX_Definitions_Key_Version", "Definitions", ["Key", "Version"], unique: true);

        m.CreateTable("Instances", t => new
        {
            Id = t.Column<Guid>("TEXT"),
            DefinitionId = t.Column<string>("TEXT"),
            DefinitionKey = t.Column<string>("TEXT"),
            DefinitionVersion = t.Column<int>("INTEGER"),
            BusinessKey = t.Column<string>("TEXT", nullable: true),
            Status = t.Column<string>("TEXT"),
            StartedAt = t.Column<DateTime>("TEXT"),
            EndedAt = t.Column<DateTime>("TEXT", nullable: true),
            StartedBy = t.Column<string>("TEXT", nullable: true),
            State = t.Column<string>("TEXT"),
            Revision = t.Column<Guid>("TEXT"),
        }, constraints: t => t.PrimaryKey("PK_Instances", x => x.Id));
        m.CreateIndex("IX_Instances_BusinessKey", "Instances", "BusinessKey");
        m.CreateIndex("IX_Instances_DefinitionId_Status", "Instances", ["DefinitionId", "Status"]);

        m.CreateTable("UserTasks", t => new
        {
            Id = t.Column<Guid>("TEXT"),
            InstanceId = t.Column<Guid>("TEXT"),
            TokenId = t.Column<Guid>("TEXT"),
            ElementId = t.Column<string>("TEXT"),
            Name = t.Column<string>("TEXT", nullable: true),
            DefinitionKey = t.Column<string>("TEXT"),
            BusinessKey = t.Column<string>("TEXT", nullable: true),
            Assignee = t.Column<string>("TEXT", nullable: true),
            FormKey = t.Column<string>("TEXT", nullable: true),
            DueAt = t.Column<DateTime>("TEXT", nullable: true),
            Priority = t.Column<int>("INTEGER"),
            State = t.Column<string>("TEXT"),
            CreatedAt = t.Column<DateTime>("TEXT"),
            EndedAt = t.Column<DateTime>("TEXT", nullable: true),
            CompletedBy = t.Column<string>("TEXT", nullable: true),
            Revision = t.Column<Guid>("TEXT"),
        }, constraints: t => t.PrimaryKey("PK_UserTasks", x => x.Id));
        m.CreateIndex("IX_UserTasks_State_Assignee", "UserTasks", ["State", "Assignee"]);
        m.CreateIndex("IX_UserTasks_InstanceId", "UserTasks", "InstanceId");
        m.CreateIndex("IX_UserTasks_BusinessKey", "UserTasks", "BusinessKey");

        m.CreateTable("TaskCandidates", t => new
        {
            TaskId = t.Column<Guid>("TEXT"),
            Kind = t.Column<string>("TEXT"),
            Value = t.Column<string>("TEXT"),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_TaskCandidates", x => new { x.TaskId, x.Kind, x.Value });
            t.ForeignKey("FK_TaskCandidates_UserTasks_TaskId", x => x.TaskId, "UserTasks", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_TaskCandidates_Kind_Value", "TaskCandidates", ["Kind", "Value"]);

        m.CreateTable("Jobs", t => new
        {
            Id = t.Column<Guid>("TEXT"),
            InstanceId = t.Column<Guid>("TEXT"),
            TokenId = t.Column<Guid>("TEXT"),
            ElementId = t.Column<string>("TEXT"),
            Topic = t.Column<string>("TEXT"),
            DueAt = t.Column<DateTime>("TEXT"),
            Attempts = t.Column<int>("INTEGER"),
            LockOwner = t.Column<string>("TEXT", nullable: true),
            LockExpiresAt = t.Column<DateTime>("TEXT", nullable: true),
            LastError = t.Column<string>("TEXT", nullable: true),
            IncidentId = t.Column<Guid>("TEXT", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Jobs", x => x.Id));
        m.CreateIndex("IX_Jobs_DueAt", "Jobs", "DueAt");
        m.CreateIndex("IX_Jobs_InstanceId", "Jobs", "InstanceId");

        m.CreateTable("Incidents", t => new
        {
            Id = t.Column<Guid>("TEXT"),
            InstanceId = t.Column<Guid>("TEXT"),
            ElementId = t.Column<string>("TEXT"),
            Kind = t.Column<string>("TEXT"),
            Message = t.Column<string>("TEXT"),
            CreatedAt = t.Column<DateTime>("TEXT"),
            ResolvedAt = t.Column<DateTime>("TEXT", nullable: true),
            ResolvedBy = t.Column<string>("TEXT", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Incidents", x => x.Id));
        m.CreateIndex("IX_Incidents_InstanceId", "Incidents", "InstanceId");

        m.CreateTable("History", t => new
        {
            Id = t.Column<long>("INTEGER").Annotation("Sqlite:Autoincrement", true),
            InstanceId = t.Column<Guid>("TEXT"),
            At = t.Column<DateTime>("TEXT"),
            Kind = t.Column<string>("TEXT"),
            ElementId = t.Column<string>("TEXT", nullable: true),
            ElementName = t.Column<string>("TEXT", nullable: true),
            TaskId = t.Column<Guid>("TEXT", nullable: true),
            UserId = t.Column<string>("TEXT", nullable: true),
            Comment = t.Column<string>("TEXT", nullable: true),
            Data = t.Column<string>("TEXT", nullable: true),
        }, constraints: t => t.PrimaryKey("PK_History", x => x.Id));
        m.CreateIndex("IX_History_InstanceId", "History", "InstanceId");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "History", "Incidents", "Jobs", "TaskCandidates", "UserTasks", "Instances", "Definitions" })
        {
            m.DropTable(table);
        }
    }
}
