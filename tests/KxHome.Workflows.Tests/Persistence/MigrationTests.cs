using KxHome.Workflows.Persistence;
using KxHome.Workflows.Persistence.Migrations;
using KxHome.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Workflows.Tests.Persistence;

public class MigrationTests
{
    [Fact]
    public async Task The_hand_written_migrations_match_the_model()
    {
        await using var kx = await TestEngine.StartAsync();
        await using var db = await kx.Service<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();

        IModel snapshot = ((IMutableModel)new WorkflowDbContextModelSnapshot().Model).FinalizeModel();
        snapshot = db.GetService<IModelRuntimeInitializer>().Initialize(snapshot);

        var differences = db.GetService<IMigrationsModelDiffer>().GetDifferences(
            snapshot.GetRelationalModel(),
            db.GetService<IDesignTimeModel>().Model.GetRelationalModel());

        differences.Select(d => d.ToString()).Should().BeEmpty();
        db.Database.HasPendingModelChanges().Should().BeFalse();
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task The_database_file_uses_the_write_ahead_log()
    {
        await using var kx = await TestEngine.StartAsync();
        await using var db = await kx.Service<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();

        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();

        mode.Should().Equal("wal");
    }
}
