using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Workflows.Persistence.Migrations;

/// <summary>A version remembers the note it was published with (what changed, and why).</summary>
[DbContext(typeof(WorkflowDbContext))]
[Migration("20261122000007_DeploymentNotes")]
public sealed class M007_DeploymentNotes : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder m) => m.AddColumn<string>("Note", "Definitions", "TEXT", nullable: true);

    /// <inheritdoc />
    protected override void Down(MigrationBuilder m) => m.DropColumn("Note", "Definitions");
}
