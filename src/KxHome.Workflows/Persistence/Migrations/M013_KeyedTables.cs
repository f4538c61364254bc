using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Workflows.Persistence.Migrations;

/// <summary>
/// Jobs, task candidates and notices are stored in the order of their key (SQLite's WITHOUT ROWID). A table keyed by
/// text is otherwise two trees, the rows by a hidden row number and the key beside them, and a step that writes a row
/// writes a page of each. Their keys are time-ordered (or begin with one), so new rows still go to the end. Two indexes
/// every step wrote for nothing go: tasks by business key (the query goes through the cases of that key) and every
/// case in the index of called cases, which now holds only cases with a parent.
/// </summary>
[DbContext(typeof(WorkflowDbContext))]
[Migration("20261201000013_KeyedTables")]
public sealed class M013_KeyedTables : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder m)
    {
        Rebuild(m, "WITHOUT ROWID");
        m.DropIndex(TasksByKey, "UserTasks");
        m.DropIndex(CalledCases, "Instances");
        m.CreateIndex(CalledCases, "Instances", "ParentInstanceId", filter: "\"ParentInstanceId\" IS NOT NULL");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex(CalledCases, "Instances");
        m.CreateIndex(CalledCases, "Instances", "ParentInstanceId");
        m.CreateIndex(TasksByKey, "UserTasks", "BusinessKey");
        Rebuild(m, "");
    }

    private const string TasksByKey = "IX_UserTasks_BusinessKey";
    private const string CalledCases = "IX_Instances_ParentInstanceId";

    private static void Rebuild(MigrationBuilder m, string storage)
    {
        Table(m, "Jobs", storage, """
            "Id" TEXT NOT NULL CONSTRAINT "PK_Jobs" PRIMARY KEY,
            "InstanceId" TEXT NOT NULL,
            "TokenId" TEXT NOT NULL,
            "ElementId" TEXT NOT NULL,
            "Topic" TEXT NOT NULL,
            "DueAt" TEXT NOT NULL,
            "Attempts" INTEGER NOT NULL,
            "LockOwner" TEXT NULL,
            "LockExpiresAt" TEXT NULL,
            "LastError" TEXT NULL,
            "IncidentId" TEXT NULL
            """, """
            CREATE INDEX "IX_Jobs_DueAt" ON "Jobs" ("DueAt");
            CREATE INDEX "IX_Jobs_InstanceId" ON "Jobs" ("InstanceId");
            """);
        Table(m, "TaskCandidates", storage, """
            "TaskId" TEXT NOT NULL,
            "Kind" TEXT NOT NULL,
            "Value" TEXT NOT NULL,
            CONSTRAINT "PK_TaskCandidates" PRIMARY KEY ("TaskId", "Kind", "Value"),
            CONSTRAINT "FK_TaskCandidates_UserTasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "UserTasks" ("Id") ON DELETE CASCADE
            """, """
            CREATE INDEX "IX_TaskCandidates_Kind_Value" ON "TaskCandidates" ("Kind", "Value");
            """);
        Table(m, "Notices", storage, """
            "Id" TEXT NOT NULL CONSTRAINT "PK_Notices" PRIMARY KEY,
            "Kind" TEXT NOT NULL,
            "InstanceId" TEXT NULL,
            "TaskId" TEXT NULL,
            "UserId" TEXT NULL,
            "Recipient" TEXT NULL,
            "Comment" TEXT NULL,
            "DedupKey" TEXT NULL,
            "CreatedAt" TEXT NOT NULL,
            "AvailableAt" TEXT NOT NULL,
            "Attempts" INTEGER NOT NULL,
            "SentAt" TEXT NULL,
            "LastError" TEXT NULL
            """, """
            CREATE INDEX "IX_Notices_SentAt_AvailableAt" ON "Notices" ("SentAt", "AvailableAt");
            CREATE UNIQUE INDEX "IX_Notices_DedupKey" ON "Notices" ("DedupKey") WHERE "DedupKey" IS NOT NULL;
            """);
    }

    /// <summary>The table again with these columns and this storage, its rows and indexes kept.</summary>
    private static void Table(MigrationBuilder m, string name, string storage, string columns, string indexes) =>
        m.Sql($"""
            CREATE TABLE "{name}_new" (
            {columns}
            ) {storage};
            INSERT INTO "{name}_new" SELECT * FROM "{name}";
            DROP TABLE "{name}";
            ALTER TABLE "{name}_new" RENAME TO "{name}";
            {indexes}
            """);
}
