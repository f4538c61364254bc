using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KxHome.Host.Identity.Migrations
{
    /// <inheritdoc />
    public partial class A009_YearEndReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Content",
                table: "ServiceEvents",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "NewsUrgedAt",
                table: "ServiceEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "ServiceEvents",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Part",
                table: "ServiceEvents",
                type: "TEXT",
                nullable: false,
                defaultValue: "Host"); // events recorded before table 1-3 were the home's own

            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Associations",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LegalRepresentative",
                table: "Associations",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LegalRepresentativePhone",
                table: "Associations",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LegalRepresentativeTitle",
                table: "Associations",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SecretariatUnit",
                table: "Associations",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "YearEndFigures",
                columns: table => new
                {
                    OrganisationId = table.Column<string>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LocalEnterprises = table.Column<int>(type: "INTEGER", nullable: false),
                    ScienceEnterprises = table.Column<int>(type: "INTEGER", nullable: false),
                    IndustrialZones = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmissionCaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YearEndFigures", x => new { x.OrganisationId, x.Year });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "YearEndFigures");

            migrationBuilder.DropColumn(
                name: "Content",
                table: "ServiceEvents");

            migrationBuilder.DropColumn(
                name: "NewsUrgedAt",
                table: "ServiceEvents");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "ServiceEvents");

            migrationBuilder.DropColumn(
                name: "Part",
                table: "ServiceEvents");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "Associations");

            migrationBuilder.DropColumn(
                name: "LegalRepresentative",
                table: "Associations");

            migrationBuilder.DropColumn(
                name: "LegalRepresentativePhone",
                table: "Associations");

            migrationBuilder.DropColumn(
                name: "LegalRepresentativeTitle",
                table: "Associations");

            migrationBuilder.DropColumn(
                name: "SecretariatUnit",
                table: "Associations");
        }
    }
}
