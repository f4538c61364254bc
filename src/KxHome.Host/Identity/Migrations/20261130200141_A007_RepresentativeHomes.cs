using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KxHome.Host.Identity.Migrations
{
    /// <inheritdoc />
    public partial class A007_RepresentativeHomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Calls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<string>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    FilingDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Quota = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidityYears = table.Column<int>(type: "INTEGER", nullable: false),
                    MinProposalCharacters = table.Column<int>(type: "INTEGER", nullable: false),
                    MinContacts = table.Column<int>(type: "INTEGER", nullable: false),
                    Rubric = table.Column<string>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Calls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExpertScores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HomeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExpertId = table.Column<string>(type: "TEXT", nullable: false),
                    Points = table.Column<string>(type: "TEXT", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Activities = table.Column<int>(type: "INTEGER", nullable: false),
                    Opinion = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertScores", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RepresentativeAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HomeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DesignationYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Qualified = table.Column<bool>(type: "INTEGER", nullable: false),
                    Opinion = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewerId = table.Column<string>(type: "TEXT", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepresentativeAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RepresentativeHomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    ProposalCharacters = table.Column<int>(type: "INTEGER", nullable: false),
                    FiledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CheckedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Score = table.Column<double>(type: "REAL", nullable: true),
                    ActivityScore = table.Column<double>(type: "REAL", nullable: true),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    DesignatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepresentativeHomes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Representatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HomeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Contacts = table.Column<string>(type: "TEXT", nullable: false),
                    ContactCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Representatives", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Calls_CaseId",
                table: "Calls",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Calls_OrganisationId_Year",
                table: "Calls",
                columns: new[] { "OrganisationId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExpertScores_HomeId_ExpertId",
                table: "ExpertScores",
                columns: new[] { "HomeId", "ExpertId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RepresentativeAssessments_HomeId_DesignationYear",
                table: "RepresentativeAssessments",
                columns: new[] { "HomeId", "DesignationYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RepresentativeHomes_CallId",
                table: "RepresentativeHomes",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_RepresentativeHomes_CaseId",
                table: "RepresentativeHomes",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RepresentativeHomes_OrganisationId",
                table: "RepresentativeHomes",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Representatives_HomeId_Order",
                table: "Representatives",
                columns: new[] { "HomeId", "Order" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Calls");

            migrationBuilder.DropTable(
                name: "ExpertScores");

            migrationBuilder.DropTable(
                name: "RepresentativeAssessments");

            migrationBuilder.DropTable(
                name: "RepresentativeHomes");

            migrationBuilder.DropTable(
                name: "Representatives");
        }
    }
}
