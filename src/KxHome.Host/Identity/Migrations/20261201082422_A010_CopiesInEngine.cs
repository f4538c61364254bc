using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KxHome.Host.Identity.Migrations
{
    /// <inheritdoc />
    public partial class A010_CopiesInEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The copies move to the engine's TaskCopies (its migration M011 runs first: the engine's database is
            // migrated before this one, in the same file).
            migrationBuilder.Sql(
                "INSERT INTO TaskCopies (InstanceId, TaskId, UserId, ByUserId, At) " +
                "SELECT InstanceId, TaskId, UserId, ByUserId, At FROM CarbonCopies ORDER BY Id;");
            migrationBuilder.DropTable(
                name: "CarbonCopies");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CarbonCopies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarbonCopies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CarbonCopies_InstanceId",
                table: "CarbonCopies",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_CarbonCopies_UserId_At",
                table: "CarbonCopies",
                columns: new[] { "UserId", "At" });
        }
    }
}
