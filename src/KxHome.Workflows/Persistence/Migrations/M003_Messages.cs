using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Workflows.Persistence.Migrations;

/// <summary>Message subscriptions: what waits for which message.</summary>
[DbContext(typeof(WorkflowDbContext))]
[Migration("20261122000003_Messages")]
public sealed class M003_Messages : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("MessageSubscriptions", t => new
        {
            Id = t.Column<Guid>("TEXT"),
            InstanceId = t.Column<Guid>("TEXT", nullable: true),
            TokenId = t.Column<Guid>("TEXT", nullable: true),
            DefinitionId = t.Column<string>("TEXT"),
            DefinitionKey = t.Column<string>("TEXT"),
            BusinessKey = t.Column<string>("TEXT", nullable: true),
            ElementId = t.Column<string>("TEXT"),
            MessageName = t.Column<string>("TEXT"),
            CreatedAt = t.Column<DateTime>("TEXT"),
        }, constraints: t => t.PrimaryKey("PK_MessageSubscriptions", x => x.Id));
        m.CreateIndex("IX_MessageSubscriptions_MessageName", "MessageSubscriptions", "MessageName");
        m.CreateIndex("IX_MessageSubscriptions_InstanceId", "MessageSubscriptions", "InstanceId");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder m) => m.DropTable("MessageSubscriptions");
}
