using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Workflows.Persistence.Migrations;

/// <summary>Pending timers: one row per armed timer start, catch or boundary event.</summary>
[DbContext(typeof(WorkflowDbContext))]
[Migration("20261122000002_Timers")]
public sealed class M002_Timers : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Timers", t => new
        {
            Id = t.Column<Guid>("TEXT"),
            InstanceId = t.Column<Guid>("TEXT", nullable: true),
            TokenId = t.Column<Guid>("TEXT", nullable: true),
            DefinitionId = t.Column<string>("TEXT"),
            ElementId = t.Column<string>("TEXT"),
            ElementName = t.Column<string>("TEXT", nullable: true),
            DefinitionKey = t.Column<string>("TEXT"),
            BusinessKey = t.Column<string>("TEXT", nullable: true),
            DueAt = t.Column<DateTime>("TEXT"),
            CreatedAt = t.Column<DateTime>("TEXT"),
            PausedAt = t.Column<DateTime>("TEXT", nullable: true),
            RemainingSeconds = t.Column<long>("INTEGER", nullable: true),
            WorkingDays = t.Column<bool>("INTEGER"),
            RemainingWorkingDays = t.Column<int>("INTEGER", nullable: true),
            Cycle = t.Column<string>("TEXT", nullable: true),
            Fired = t.Column<int>("INTEGER"),
        }, constraints: t => t.PrimaryKey("PK_Timers", x => x.Id));
        m.CreateIndex("IX_Timers_DueAt", "Timers", "DueAt");
        m.CreateIndex("IX_Timers_InstanceId", "Timers", "InstanceId");
        m.CreateIndex("IX_Timers_DefinitionKey", "Timers", "DefinitionKey");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder m) => m.DropTable("Timers");
}
