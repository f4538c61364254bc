using KxHome.Host.Identity;
using KxHome.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KxHome.Workflows.Tests.Host;

/// <summary>Upgrading a database the portal already wrote to keeps what people did.</summary>
public sealed class AppMigrationTests
{
    [Fact]
    public async Task Upgrading_moves_the_cases_copied_to_people_into_the_engine_so_they_can_still_read_them()
    {
        var file = Path.Combine(Path.GetTempPath(), $"kxhome-upgrade-{Guid.NewGuid():N}.db");
        var connection = $"Data Source={file}";
        try
        {
            await using (var engineDb = new WorkflowDbContext(new DbContextOptionsBuilder<WorkflowDbContext>().UseSqlite(connection).Options))
            {
                await engineDb.Database.MigrateAsync(); // the engine's migrations run first, as at start-up
            }
            await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
                .UseSqlite(connection, sqlite => sqlite.MigrationsHistoryTable(AppDbContext.HistoryTable)).Options);
            await db.GetService<IMigrator>().MigrateAsync("A009_YearEndReports");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO CarbonCopies (InstanceId, TaskId, UserId, ByUserId, At) VALUES
                  ('5B2F0E0A-0000-4000-8000-000000000001', '5B2F0E0A-0000-4000-8000-0000000000A1', 'district-user', 'street-user', '2026-05-06 01:00:00');
                """);

            await db.Database.MigrateAsync();

            var engine = new WorkflowDbContext(new DbContextOptionsBuilder<WorkflowDbContext>().UseSqlite(connection).Options);
            await using (engine)
            {
                var copy = await engine.TaskCopies.SingleAsync();
                copy.UserId.Should().Be("district-user");
                copy.ByUserId.Should().Be("street-user");
                copy.InstanceId.Should().Be(Guid.Parse("5B2F0E0A-0000-4000-8000-000000000001"));
                copy.At.Should().Be(new DateTime(2026, 5, 6, 1, 0, 0, DateTimeKind.Utc));
            }
            (await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS Value FROM sqlite_master WHERE name = 'CarbonCopies'").SingleAsync())
                .Should().Be(0, "the portal's own table is gone: one record of each copy");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
        }
    }
}
