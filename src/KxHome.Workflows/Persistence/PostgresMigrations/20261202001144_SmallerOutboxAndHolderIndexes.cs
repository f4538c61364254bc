using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KxHome.Workflows.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class SmallerOutboxAndHolderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_usertasks_assignee",
                table: "usertasks");

            migrationBuilder.DropIndex(
                name: "ix_notices_sentat_availableat",
                table: "notices");

            migrationBuilder.CreateIndex(
                name: "ix_usertasks_assignee",
                table: "usertasks",
                column: "assignee",
                filter: "State = 'Open' AND Assignee IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notices_availableat",
                table: "notices",
                column: "availableat",
                filter: "SentAt IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_usertasks_assignee",
                table: "usertasks");

            migrationBuilder.DropIndex(
                name: "ix_notices_availableat",
                table: "notices");

            migrationBuilder.CreateIndex(
                name: "ix_usertasks_assignee",
                table: "usertasks",
                column: "assignee",
                filter: "State = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_notices_sentat_availableat",
                table: "notices",
                columns: new[] { "sentat", "availableat" });
        }
    }
}
