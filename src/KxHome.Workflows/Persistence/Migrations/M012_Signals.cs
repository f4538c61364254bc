using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Workflows.Persistence.Migrations;

/// <summary>Signal catch, boundary and start events wait in the subscriptions table beside messages, marked as signals.</summary>
[DbContext(typeof(WorkflowDbContext))]
[Migration("20261201000012_Signals")]
public sealed class M012_Signals : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<bool>("IsSignal", "MessageSubscriptions", "INTEGER", nullable: false, defaultValue: false);

    /// <inheritdoc />
    protected override void Down(MigrationBuilder m) => m.DropColumn("IsSignal", "MessageSubscriptions");
}
