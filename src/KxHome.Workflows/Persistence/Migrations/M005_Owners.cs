using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Workflows.Persistence.Migrations;

/// <summary>Cases and their tasks carry the organisation they belong to, so every read can be scoped to it.</summary>
[DbContext(typeof(WorkflowDbContext))]
[Migration("20261122000005_Owners")]
public sealed class M005_Owners : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("Owner", "Instances", "TEXT", nullable: true);
        m.CreateIndex("IX_Instances_Owner", "Instances", "Owner");
        m.AddColumn<string>("Owner", "UserTasks", "TEXT", nullable: true);
        m.CreateIndex("IX_UserTasks_Owner_State", "UserTasks", ["Owner", "State"]);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_UserTasks_Owner_State", "UserTasks");
        m.DropColumn("Owner", "UserTasks");
        m.DropIndex("IX_Instances_Owner", "Instances");
        m.DropColumn("Owner", "Instances");
    }
}
