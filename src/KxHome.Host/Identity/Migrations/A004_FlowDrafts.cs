using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Host.Identity.Migrations;

/// <summary>The studio's drafts: one unpublished drawing per flow.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122100004_FlowDrafts")]
public sealed class A004_FlowDrafts : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder m) => m.CreateTable("FlowDrafts", t => new
    {
        Key = t.Column<string>("TEXT"),
        Xml = t.Column<string>("TEXT"),
        SavedBy = t.Column<string>("TEXT"),
        SavedAt = t.Column<DateTime>("TEXT"),
    }, constraints: t => t.PrimaryKey("PK_FlowDrafts", x => x.Key));

    /// <inheritdoc />
    protected override void Down(MigrationBuilder m) => m.DropTable("FlowDrafts");
}
