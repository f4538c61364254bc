using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Workflows.Persistence.Migrations;

/// <summary>
/// Fewer pages written per step (each one is written to the log and synced at commit):
/// <list type="bullet">
/// <item>only notices with a dedup key (reminders, mails of a flow) are in its unique index: the notices every step
/// writes have none;</item>
/// <item>only completed tasks are in the index of who completed them (已办);</item>
/// <item>cases by owner are found through <c>IX_Instances_Owner_StartedAt</c>, which begins with the owner, so the
/// owner-only index goes;</item>
/// <item>history ids are plain row ids, not AUTOINCREMENT, which rewrote <c>sqlite_sequence</c> on every step. History
/// is never deleted, so the ids still only grow. (A later migration that rebuilds the table through EF Core would
/// bring AUTOINCREMENT back; it would only be slower.)</item>
/// </list>
/// </summary>
[DbContext(typeof(WorkflowDbContext))]
[Migration("20261123000008_FewerWritesPerStep")]
public sealed class M008_FewerWritesPerStep : Migration
{
    private const string DedupIndex = "IX_Notices_DedupKey";
    private const string CompletedByIndex = "IX_UserTasks_CompletedBy";

    /// <inheritdoc />
    protected override void Up(MigrationBuilder m)
    {
        m.DropIndex(DedupIndex, "Notices");
        m.CreateIndex(DedupIndex, "Notices", "DedupKey", unique: true, filter: "\"DedupKey\" IS NOT NULL");
        m.DropIndex(CompletedByIndex, "UserTasks");
        m.CreateIndex(CompletedByIndex, "UserTasks", "CompletedBy", filter: "\"CompletedBy\" IS NOT NULL");
        m.DropIndex("IX_Instances_Owner", "Instances");
        RebuildHistory(m, "PRIMARY KEY");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder m)
    {
        RebuildHistory(m, "PRIMARY KEY AUTOINCREMENT");
        m.CreateIndex("IX_Instances_Owner", "Instances", "Owner");
        m.DropIndex(CompletedByIndex, "UserTasks");
        m.CreateIndex(CompletedByIndex, "UserTasks", "CompletedBy");
        m.DropIndex(DedupIndex, "Notices");
        m.CreateIndex(DedupIndex, "Notices", "DedupKey", unique: true);
    }

    /// <summary>The History table again with the key given, its rows and index kept.</summary>
    private static void RebuildHistory(MigrationBuilder m, string key)
    {
        m.Sql($"""
            CREATE TABLE "History_new" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_History" {key},
                "InstanceId" TEXT NOT NULL,
                "At" TEXT NOT NULL,
                "Kind" TEXT NOT NULL,
                "ElementId" TEXT NULL,
                "ElementName" TEXT NULL,
                "TaskId" TEXT NULL,
                "UserId" TEXT NULL,
                "Comment" TEXT NULL,
                "Data" TEXT NULL
            );
            INSERT INTO "History_new" ("Id", "InstanceId", "At", "Kind", "ElementId", "ElementName", "TaskId", "UserId", "Comment", "Data")
                SELECT "Id", "InstanceId", "At", "Kind", "ElementId", "ElementName", "TaskId", "UserId", "Comment", "Data" FROM "History";
            DROP TABLE "History";
            ALTER TABLE "History_new" RENAME TO "History";
            CREATE INDEX "IX_History_InstanceId" ON "History" ("InstanceId");
            """);
    }
}
