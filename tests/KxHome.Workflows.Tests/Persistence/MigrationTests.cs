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
    public async Task Upgrading_a_database_keeps_the_case_history_and_new_entries_follow_it()
    {
        var file = Path.Combine(Path.GetTempPath(), $"kxhome-upgrade-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<WorkflowDbContext>().UseSqlite($"Data Source={file}").Options;
        try
        {
            await using var db = new WorkflowDbContext(options);
            await db.GetService<IMigrator>().MigrateAsync("20261122000007_DeploymentNotes");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO History (Id, InstanceId, At, Kind, Comment) VALUES (41, 'A', '2026-06-01 08:00:00', 'TaskCompleted', '同意'), " +
                "(42, 'A', '2026-06-01 08:00:00', 'InstanceCompleted', NULL)");

            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("INSERT INTO History (InstanceId, At, Kind) VALUES ('A', '2026-06-02 08:00:00', 'InstanceStarted')");

            (await db.Database.SqlQueryRaw<long>("SELECT Id AS Value FROM History ORDER BY Id").ToListAsync()).Should().Equal(41, 42, 43);
            (await db.Database.SqlQueryRaw<string>("SELECT Comment AS Value FROM History WHERE Id = 41").SingleAsync()).Should().Be("同意");
            (await db.Database.SqlQueryRaw<string>("SELECT sql AS Value FROM sqlite_schema WHERE name = 'History'").SingleAsync())
                .Should().NotContain("AUTOINCREMENT", "a step no longer rewrites sqlite_sequence");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
        }
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
