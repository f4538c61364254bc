using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KxHome.Workflows.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class PendingNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notices_sentat_availableat",
                table: "notices");

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
                name: "ix_notices_availableat",
                table: "notices");

            migrationBuilder.CreateIndex(
                name: "ix_notices_sentat_availableat",
                table: "notices",
                columns: new[] { "sentat", "availableat" });
        }
    }
}
