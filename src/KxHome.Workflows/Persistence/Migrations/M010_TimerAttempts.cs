using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Workflows.Persistence.Migrations;

/// <summary>A timer counts its failed firings, so that one that keeps failing stops being tried and waits for a repair.</summary>
[DbContext(typeof(WorkflowDbContext))]
[Migration("20261201000010_TimerAttempts")]
public sealed class M010_TimerAttempts : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<int>("Attempts", "Timers", "INTEGER", nullable: false, defaultValue: 0);

    /// <inheritdoc />
    protected override void Down(MigrationBuilder m) => m.DropColumn("Attempts", "Timers");
}
