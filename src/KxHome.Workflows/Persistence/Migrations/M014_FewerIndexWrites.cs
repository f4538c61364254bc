using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Workflows.Persistence.Migrations;

/// <summary>
/// Fewer index pages written per step:
/// <list type="bullet">
/// <item>the index of jobs by case goes: nothing looks a job up by its case (a step that closes a wait names the job,
/// and the worker takes jobs by due time), yet every job written and deleted wrote a page of it;</item>
/// <item>the tasks' indexes by holder and by owner hold open tasks only (every list that reads them lists open tasks;
/// 已办 goes through who completed them), and the cases' index by version holds running cases only (what the
/// studio counts). A task or case that ends then deletes its entry instead of moving it to another part of the index.</item>
/// </list>
/// </summary>
[DbContext(typeof(WorkflowDbContext))]
[Migration("20261201000014_FewerIndexWrites")]
public sealed class M014_FewerIndexWrites : Migration
{
    private const string JobsByCase = "IX_Jobs_InstanceId";

    /// <inheritdoc />
    protected override void Up(MigrationBuilder m)
    {
        m.DropIndex(JobsByCase, "Jobs");
        m.DropIndex("IX_UserTasks_State_Assignee", "UserTasks");
        m.CreateIndex("IX_UserTasks_Assignee", "UserTasks", "Assignee", filter: OpenTasks);
        m.DropIndex("IX_UserTasks_Owner_State", "UserTasks");
        m.CreateIndex("IX_UserTasks_Owner", "UserTasks", "Owner", filter: OpenTasks);
        m.DropIndex("IX_Instances_DefinitionId_Status", "Instances");
        m.CreateIndex("IX_Instances_DefinitionId", "Instances", "DefinitionId", filter: "\"Status\" = 'Active'");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_Instances_DefinitionId", "Instances");
        m.CreateIndex("IX_Instances_DefinitionId_Status", "Instances", ["DefinitionId", "Status"]);
        m.DropIndex("IX_UserTasks_Owner", "UserTasks");
        m.CreateIndex("IX_UserTasks_Owner_State", "UserTasks", ["Owner", "State"]);
        m.DropIndex("IX_UserTasks_Assignee", "UserTasks");
        m.CreateIndex("IX_UserTasks_State_Assignee", "UserTasks", ["State", "Assignee"]);
        m.CreateIndex(JobsByCase, "Jobs", "InstanceId");
    }

    private const string OpenTasks = "\"State\" = 'Open'";
}
