using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Workflows.Persistence.Migrations;

/// <summary>
/// Two indexes hold only the rows their readers ask for:
/// <list type="bullet">
/// <item>the outbox's index holds the notices not yet sent, by the time they may go (the dispatcher and the
/// administrator's counts ask for nothing else). It held every notice ever sent, ordered by when, so sending one moved
/// its entry to the growing end of the index; now sending deletes the entry, and the index stays as small as the mail
/// in hand;</item>
/// <item>the tasks' index by holder leaves out tasks nobody holds. Most tasks are offered to a group or to candidates
/// and found through those; each such task wrote an entry when created and deleted it when done, for a lookup that
/// never asks for "nobody".</item>
/// </list>
/// </summary>
[DbContext(typeof(WorkflowDbContext))]
[Migration("20261202000015_SmallerOutboxAndHolderIndexes")]
public sealed class M015_SmallerOutboxAndHolderIndexes : Migration
{
    private const string Holder = "IX_UserTasks_Assignee";

    /// <inheritdoc />
    protected override void Up(MigrationBuilder m)
    {
        m.DropIndex("IX_Notices_SentAt_AvailableAt", "Notices");
        m.CreateIndex("IX_Notices_AvailableAt", "Notices", "AvailableAt", filter: "\"SentAt\" IS NULL");
        m.DropIndex(Holder, "UserTasks");
        m.CreateIndex(Holder, "UserTasks", "Assignee", filter: "\"State\" = 'Open' AND \"Assignee\" IS NOT NULL");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex(Holder, "UserTasks");
        m.CreateIndex(Holder, "UserTasks", "Assignee", filter: "\"State\" = 'Open'");
        m.DropIndex("IX_Notices_AvailableAt", "Notices");
        m.CreateIndex("IX_Notices_SentAt_AvailableAt", "Notices", ["SentAt", "AvailableAt"]);
    }
}
