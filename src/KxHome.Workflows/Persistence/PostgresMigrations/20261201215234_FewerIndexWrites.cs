using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KxHome.Workflows.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class FewerIndexWrites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_usertasks_owner_state",
                table: "usertasks");

            migrationBuilder.DropIndex(
                name: "ix_usertasks_state_assignee",
                table: "usertasks");

            migrationBuilder.DropIndex(
                name: "ix_jobs_instanceid",
                table: "jobs");

            migrationBuilder.DropIndex(
                name: "ix_instances_definitionid_status",
                table: "instances");

            migrationBuilder.CreateIndex(
                name: "ix_usertasks_assignee",
                table: "usertasks",
                column: "assignee",
                filter: "State = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_usertasks_owner",
                table: "usertasks",
                column: "owner",
                filter: "State = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_instances_definitionid",
                table: "instances",
                column: "definitionid",
                filter: "Status = 'Active'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_usertasks_assignee",
                table: "usertasks");

            migrationBuilder.DropIndex(
                name: "ix_usertasks_owner",
                table: "usertasks");

            migrationBuilder.DropIndex(
                name: "ix_instances_definitionid",
                table: "instances");

            migrationBuilder.CreateIndex(
                name: "ix_usertasks_owner_state",
                table: "usertasks",
                columns: new[] { "owner", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_usertasks_state_assignee",
                table: "usertasks",
                columns: new[] { "state", "assignee" });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_instanceid",
                table: "jobs",
                column: "instanceid");

            migrationBuilder.CreateIndex(
                name: "ix_instances_definitionid_status",
                table: "instances",
                columns: new[] { "definitionid", "status" });
        }
    }
}
