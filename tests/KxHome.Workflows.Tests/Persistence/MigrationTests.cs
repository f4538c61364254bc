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
    public async Task Upgrading_numbers_the_cases_already_there_in_the_order_they_started_and_new_ones_follow()
    {
        var file = Path.Combine(Path.GetTempPath(), $"kxhome-upgrade-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<WorkflowDbContext>().UseSqlite($"Data Source={file}").Options;
        try
        {
            await using var db = new WorkflowDbContext(options);
            await db.GetService<IMigrator>().MigrateAsync("20261123000008_FewerWritesPerStep");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO Instances (Id, DefinitionId, DefinitionKey, DefinitionVersion, Status, StartedAt, State, Revision) VALUES
                  ('B', 'p:1', 'p', 1, 'Active', '2026-05-02 08:00:00', '{{}}', 'R1'),
                  ('A', 'p:1', 'p', 1, 'Active', '2026-05-01 08:00:00', '{{}}', 'R2'),
                  ('C', 'p:1', 'p', 1, 'Active', '2025-12-01 08:00:00', '{{}}', 'R3');
                INSERT INTO UserTasks (Id, InstanceId, TokenId, ElementId, DefinitionKey, Priority, State, CreatedAt, Revision)
                  VALUES ('T', 'B', 'K', 'apply', 'p', 50, 'Open', '2026-05-02 08:00:00', 'R4');
                """);

            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO CaseNumbers (Prefix, Year, Last) VALUES ('案件', 2026, 1) ON CONFLICT (Prefix, Year) DO UPDATE SET Last = Last + 1");

            (await db.Database.SqlQueryRaw<string>("SELECT Number AS Value FROM Instances ORDER BY StartedAt").ToListAsync())
                .Should().Equal("案件-2025-0001", "案件-2026-0001", "案件-2026-0002");
            (await db.Database.SqlQueryRaw<string>("SELECT CaseNumber AS Value FROM UserTasks").SingleAsync()).Should().Be("案件-2026-0002");
            (await db.Database.SqlQueryRaw<long>("SELECT Last AS Value FROM CaseNumbers WHERE Year = 2026").SingleAsync()).Should().Be(3, "the next case of 2026 is the third");
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
