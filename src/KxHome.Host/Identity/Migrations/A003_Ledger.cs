using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Host.Identity.Migrations;

/// <summary>The association's ledger: what the 科协 tasks of the flows did (grants, grades, namings, notices, revocations, filings).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122100003_Ledger")]
public sealed class A003_Ledger : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Ledger", t => new
        {
            Id = t.Column<long>("INTEGER").Annotation("Sqlite:Autoincrement", true),
            JobId = t.Column<Guid>("TEXT"),
            InstanceId = t.Column<Guid>("TEXT"),
            Owner = t.Column<string>("TEXT", nullable: true),
            Kind = t.Column<string>("TEXT"),
            Summary = t.Column<string>("TEXT"),
            AmountFen = t.Column<long>("INTEGER", nullable: true),
            At = t.Column<DateTime>("TEXT"),
        }, constraints: t => t.PrimaryKey("PK_Ledger", x => x.Id));
        m.CreateIndex("IX_Ledger_JobId", "Ledger", "JobId", unique: true);
        m.CreateIndex("IX_Ledger_InstanceId", "Ledger", "InstanceId");
        m.CreateIndex("IX_Ledger_Owner_Kind", "Ledger", ["Owner", "Kind"]);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder m) => m.DropTable("Ledger");
}
