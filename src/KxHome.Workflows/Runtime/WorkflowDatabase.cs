using KxHome.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KxHome.Workflows.Runtime;

/// <summary>Creates or upgrades the engine's database: WAL journal, then the migrations.</summary>
public sealed class WorkflowDatabase(IDbContextFactory<WorkflowDbContext> dbFactory)
{
    /// <summary>Applies pending migrations; creates the database file and its folder when missing.</summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite())
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        if (db.Database.IsNpgsql())
        {
            // The PostgreSQL migrations belong to a context of their own (EF Core keeps one set per provider).
            var options = new DbContextOptionsBuilder<PostgresWorkflowDbContext>();
            options.Use(DatabaseProvider.Postgres, db.Database.GetConnectionString()!);
            await using var postgres = new PostgresWorkflowDbContext(options.Options);
            await postgres.Database.MigrateAsync(ct);
            return;
        }
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>True when the database answers.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Database.CanConnectAsync(ct);
    }
}
