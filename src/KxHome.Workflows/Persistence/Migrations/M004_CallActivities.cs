using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Workflows.Persistence.Migrations;

/// <summary>Instances started by a call activity know their caller.</summary>
[DbContext(typeof(WorkflowDbContext))]
[Migration("20261122000004_CallActivities")]
public sealed class M004_CallActivities : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<Guid>("ParentInstanceId", "Instances", "TEXT", nullable: true);
        m.CreateIndex("IX_Instances_ParentInstanceId", "Instances", "ParentInstanceId");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_Instances_ParentInstanceId", "Instances");
        m.DropColumn("ParentInstanceId", "Instances");
    }
}
