using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Workflows.Persistence.Migrations;

/// <summary>
/// 抄送 is kept by the engine, in the transaction that records it in the case's history: one action, one transaction.
/// (The host's own CarbonCopies table is moved here by the host's migration that follows.)
/// </summary>
[DbContext(typeof(WorkflowDbContext))]
[Migration("20261201000011_TaskCopies")]
public sealed class M011_TaskCopies : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("TaskCopies", t => new
        {
            Id = t.Column<long>("INTEGER"),
            InstanceId = t.Column<Guid>("TEXT"),
            TaskId = t.Column<Guid>("TEXT"),
            UserId = t.Column<string>("TEXT"),
            ByUserId = t.Column<string>("TEXT"),
            At = t.Column<DateTime>("TEXT"),
        }, constraints: t => t.PrimaryKey("PK_TaskCopies", x => x.Id));
        m.CreateIndex("IX_TaskCopies_UserId_Id", "TaskCopies", ["UserId", "Id"]);
        m.CreateIndex("IX_TaskCopies_InstanceId_UserId", "TaskCopies", ["InstanceId", "UserId"]);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder m) => m.DropTable("TaskCopies");
}
