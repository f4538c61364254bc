using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KxHome.Host.Identity.Migrations
{
    /// <inheritdoc />
    public partial class A006_Associations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Slot",
                table: "Attachments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AssociationOfficers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TermId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssociationOfficers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Associations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    Ownership = table.Column<string>(type: "TEXT", nullable: false),
                    FoundedBy = table.Column<string>(type: "TEXT", nullable: true),
                    ApprovalNumber = table.Column<string>(type: "TEXT", nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FoundedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UnitMembers = table.Column<int>(type: "INTEGER", nullable: false),
                    IndividualMembers = table.Column<int>(type: "INTEGER", nullable: false),
                    Employees = table.Column<int>(type: "INTEGER", nullable: false),
                    ScienceStaff = table.Column<int>(type: "INTEGER", nullable: false),
                    PartyCommittee = table.Column<string>(type: "TEXT", nullable: false),
                    PartyConsentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HomeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FoundingCaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Associations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssociationTerms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssociationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Years = table.Column<int>(type: "INTEGER", nullable: false),
                    LengthReason = table.Column<string>(type: "TEXT", nullable: true),
                    TimingReason = table.Column<string>(type: "TEXT", nullable: true),
                    CongressOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReportAdopted = table.Column<bool>(type: "INTEGER", nullable: false),
                    CharterAdopted = table.Column<bool>(type: "INTEGER", nullable: false),
                    CommitteeMembers = table.Column<string>(type: "TEXT", nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FiledWith = table.Column<string>(type: "TEXT", nullable: true),
                    ElectedByCaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RenewalCaseId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssociationTerms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CultivationGuidance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PathId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GuidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Area = table.Column<string>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", nullable: true),
                    JobId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CultivationGuidance", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CultivationPaths",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HomeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<string>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", nullable: false),
                    FromList = table.Column<bool>(type: "INTEGER", nullable: false),
                    LaunchedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IntentDeclaredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ImproveFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpgradeFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", nullable: true),
                    AssociationId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CultivationPaths", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CultivationVerifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PathId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    VerifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImprovementPoints = table.Column<string>(type: "TEXT", nullable: false),
                    Opinion = table.Column<string>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CultivationVerifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Nominations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssociationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    NominatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nominations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssociationOfficers_TermId_Order",
                table: "AssociationOfficers",
                columns: new[] { "TermId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_Associations_FoundingCaseId",
                table: "Associations",
                column: "FoundingCaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Associations_OrganisationId",
                table: "Associations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_AssociationTerms_AssociationId_Number",
                table: "AssociationTerms",
                columns: new[] { "AssociationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssociationTerms_FiledWith",
                table: "AssociationTerms",
                column: "FiledWith");

            migrationBuilder.CreateIndex(
                name: "IX_CultivationGuidance_JobId",
                table: "CultivationGuidance",
                column: "JobId",
                unique: true,
                filter: "JobId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CultivationGuidance_PathId_GuidedOn",
                table: "CultivationGuidance",
                columns: new[] { "PathId", "GuidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CultivationPaths_CaseId",
                table: "CultivationPaths",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CultivationPaths_HomeId",
                table: "CultivationPaths",
                column: "HomeId");

            migrationBuilder.CreateIndex(
                name: "IX_CultivationPaths_OrganisationId",
                table: "CultivationPaths",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CultivationVerifications_PathId_Year",
                table: "CultivationVerifications",
                columns: new[] { "PathId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_CaseId_At",
                table: "Nominations",
                columns: new[] { "CaseId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssociationOfficers");

            migrationBuilder.DropTable(
                name: "Associations");

            migrationBuilder.DropTable(
                name: "AssociationTerms");

            migrationBuilder.DropTable(
                name: "CultivationGuidance");

            migrationBuilder.DropTable(
                name: "CultivationPaths");

            migrationBuilder.DropTable(
                name: "CultivationVerifications");

            migrationBuilder.DropTable(
                name: "Nominations");

            migrationBuilder.DropColumn(
                name: "Slot",
                table: "Attachments");
        }
    }
}
