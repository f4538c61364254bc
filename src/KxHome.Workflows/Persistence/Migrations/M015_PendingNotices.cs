using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Workflows.Persistence.Migrations;

/// <summary>
/// The outbox's index holds the notices not yet sent, by the time they may go: every read of it asks for those (the
/// dispatcher, the administrator's counts). It held every notice ever sent, ordered by when, so sending one moved its
/// entry to the index's growing end; now sending deletes the entry, and the index stays as small as the mail in hand.
/// </summary>
[DbContext(typeof(WorkflowDbContext))]
[Migration("20261202000015_PendingNotices")]
public sealed class M015_PendingNotices : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder m)
    {
        m.DropIndex("IX_Notices_SentAt_AvailableAt", "Notices");
        m.CreateIndex("IX_Notices_AvailableAt", "Notices", "AvailableAt", filter: "\"SentAt\" IS NULL");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_Notices_AvailableAt", "Notices");
        m.CreateIndex("IX_Notices_SentAt_AvailableAt", "Notices", ["SentAt", "AvailableAt"]);
    }
}
