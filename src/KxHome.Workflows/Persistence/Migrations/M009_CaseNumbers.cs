using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Workflows.Persistence.Migrations;

/// <summary>
/// A number for every case (认定-2026-0001: the flow's prefix, the year it started, a sequence), unique and never reused,
/// kept on its tasks too for lists. Cases started before this get 案件-{year}-{n} in the order they started (the year
/// in Beijing, the default business time zone).
/// </summary>
[DbContext(typeof(WorkflowDbContext))]
[Migration("20261130000009_CaseNumbers")]
public sealed class M009_CaseNumbers : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("Number", "Instances", "TEXT", nullable: true);
        m.AddColumn<string>("CaseNumber", "UserTasks", "TEXT", nullable: true);
        m.CreateTable("CaseNumbers", t => new
        {
            Prefix = t.Column<string>("TEXT"),
            Year = t.Column<int>("INTEGER"),
            Last = t.Column<long>("INTEGER"),
        }, constraints: t => t.PrimaryKey("PK_CaseNumbers", x => new { x.Prefix, x.Year }));
        m.Sql("""
            UPDATE Instances SET Number = (
                SELECT printf('案件-%s-%04d', n.Year, n.Seq) FROM (
                    SELECT Id, strftime('%Y', StartedAt, '+8 hours') AS Year, ROW_NUMBER() OVER (PARTITION BY strftime('%Y', StartedAt, '+8 hours') ORDER BY StartedAt, Id) AS Seq
                    FROM Instances) AS n
                WHERE n.Id = Instances.Id);
            INSERT INTO CaseNumbers (Prefix, Year, Last)
                SELECT '案件', CAST(strftime('%Y', StartedAt, '+8 hours') AS INTEGER), COUNT(*) FROM Instances GROUP BY strftime('%Y', StartedAt, '+8 hours');
            UPDATE UserTasks SET CaseNumber = (SELECT Number FROM Instances WHERE Instances.Id = UserTasks.InstanceId);
            """);
        m.CreateIndex("IX_Instances_Number", "Instances", "Number", unique: true, filter: "\"Number\" IS NOT NULL");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_Instances_Number", "Instances");
        m.DropTable("CaseNumbers");
        m.DropColumn("CaseNumber", "UserTasks");
        m.DropColumn("Number", "Instances");
    }
}
