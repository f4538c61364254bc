using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Workflows.Persistence.Migrations;

/// <summary>
/// Fewer index pages written per step: only notices with a dedup key (reminders, mails of a flow) are in its unique
/// index, since the notices every step writes have none; and cases by owner are found through
/// <c>IX_Instances_Owner_StartedAt</c>, which begins with the owner, so the owner-only index goes.
/// </summary>
[DbContext(typeof(WorkflowDbContext))]
[Migration("20261123000008_LeanerIndexes")]
public sealed class M008_LeanerIndexes : Migration
{
    private const string DedupIndex = "IX_Notices_DedupKey";

    /// <inheritdoc />
    protected override void Up(MigrationBuilder m)
    {
        m.DropIndex(DedupIndex, "Notices");
        m.CreateIndex(DedupIndex, "Notices", "DedupKey", unique: true, filter: "\"DedupKey\" IS NOT NULL");
        m.DropIndex("IX_Instances_Owner", "Instances");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder m)
    {
        m.CreateIndex("IX_Instances_Owner", "Instances", "Owner");
        m.DropIndex(DedupIndex, "Notices");
        m.CreateIndex(DedupIndex, "Notices", "DedupKey", unique: true);
    }
}
