using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KxHome.Host.Identity.Migrations
{
    /// <inheritdoc />
    public partial class A005_Homes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RuleSet",
                table: "Organisations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HomeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RectificationCaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: true),
                    Grade = table.Column<string>(type: "TEXT", nullable: true),
                    ReviewerId = table.Column<string>(type: "TEXT", nullable: true),
                    Opinion = table.Column<string>(type: "TEXT", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CultivationList",
                columns: table => new
                {
                    HomeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CultivationList", x => x.HomeId);
                });

            migrationBuilder.CreateTable(
                name: "Demands",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HomeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", nullable: false),
                    RespondedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Demands", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FundingEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HomeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: true),
                    Effect = table.Column<string>(type: "TEXT", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    JobId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundingEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HomePairings",
                columns: table => new
                {
                    StreetHomeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PairedHomeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomePairings", x => new { x.StreetHomeId, x.PairedHomeId });
                });

            migrationBuilder.CreateTable(
                name: "Homes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", nullable: false),
                    AreaM2 = table.Column<double>(type: "REAL", nullable: false),
                    PersonInCharge = table.Column<string>(type: "TEXT", nullable: false),
                    Administrator = table.Column<string>(type: "TEXT", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", nullable: false),
                    RuleSet = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    InCluster = table.Column<bool>(type: "INTEGER", nullable: true),
                    SixHaves_Place = table.Column<bool>(type: "INTEGER", nullable: false),
                    SixHaves_Facilities = table.Column<bool>(type: "INTEGER", nullable: false),
                    SixHaves_Staff = table.Column<bool>(type: "INTEGER", nullable: false),
                    SixHaves_Funding = table.Column<bool>(type: "INTEGER", nullable: false),
                    SixHaves_Activities = table.Column<bool>(type: "INTEGER", nullable: false),
                    SixHaves_Rules = table.Column<bool>(type: "INTEGER", nullable: false),
                    SixHaves_OpenFreeOfCharge = table.Column<bool>(type: "INTEGER", nullable: false),
                    DesignatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlaqueNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PlaqueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CertificationCaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Homes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HomeStatusChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HomeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", nullable: true),
                    To = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeStatusChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MonthlyReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HomeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PolicySettings",
                columns: table => new
                {
                    RuleSet = table.Column<string>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicySettings", x => new { x.RuleSet, x.Year, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "ServiceEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HomeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Participants = table.Column<int>(type: "INTEGER", nullable: false),
                    EnterprisesServed = table.Column<int>(type: "INTEGER", nullable: false),
                    PairedHomeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NewsReportedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_CaseId",
                table: "Assessments",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_HomeId_Year",
                table: "Assessments",
                columns: new[] { "HomeId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_Year_Status",
                table: "Assessments",
                columns: new[] { "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CultivationList_Year",
                table: "CultivationList",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_Demands_HomeId_RaisedOn",
                table: "Demands",
                columns: new[] { "HomeId", "RaisedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FundingEntries_HomeId_Kind_Year",
                table: "FundingEntries",
                columns: new[] { "HomeId", "Kind", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_FundingEntries_JobId",
                table: "FundingEntries",
                column: "JobId",
                unique: true,
                filter: "JobId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FundingEntries_OneAwardAYear",
                table: "FundingEntries",
                columns: new[] { "HomeId", "Year" },
                unique: true,
                filter: "Kind = 'ExcellenceAward'");

            migrationBuilder.CreateIndex(
                name: "IX_FundingEntries_OneGrant",
                table: "FundingEntries",
                column: "HomeId",
                unique: true,
                filter: "Kind = 'ConstructionGrant'");

            migrationBuilder.CreateIndex(
                name: "IX_Homes_CertificationCaseId",
                table: "Homes",
                column: "CertificationCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Homes_OrganisationId",
                table: "Homes",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Homes_PlaqueNumber",
                table: "Homes",
                column: "PlaqueNumber",
                unique: true,
                filter: "PlaqueNumber IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Homes_Status_Name",
                table: "Homes",
                columns: new[] { "Status", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_HomeStatusChanges_HomeId_At",
                table: "HomeStatusChanges",
                columns: new[] { "HomeId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReports_HomeId_Year_Month",
                table: "MonthlyReports",
                columns: new[] { "HomeId", "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceEvents_Figures",
                table: "ServiceEvents",
                columns: new[] { "HomeId", "HeldOn", "Category", "Participants", "EnterprisesServed", "PairedHomeId", "NewsReportedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "CultivationList");

            migrationBuilder.DropTable(
                name: "Demands");

            migrationBuilder.DropTable(
                name: "FundingEntries");

            migrationBuilder.DropTable(
                name: "HomePairings");

            migrationBuilder.DropTable(
                name: "Homes");

            migrationBuilder.DropTable(
                name: "HomeStatusChanges");

            migrationBuilder.DropTable(
                name: "MonthlyReports");

            migrationBuilder.DropTable(
                name: "PolicySettings");

            migrationBuilder.DropTable(
                name: "ServiceEvents");

            migrationBuilder.DropColumn(
                name: "RuleSet",
                table: "Organisations");
        }
    }
}
