using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace KxHome.Benchmarks;

/// <summary>The physical limit: one small insert per transaction, with the engine's journal settings (WAL, default synchronous).</summary>
internal static class RawSqliteBenchmark
{
    public static double CommitsPerSecond(int commits)
    {
        var file = Path.Combine(Path.GetTempPath(), $"kxhome-raw-{Guid.NewGuid():N}.db");
        try
        {
            using var connection = new SqliteConnection($"Data Source={file}");
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);");
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t (payload) VALUES ($p)";
            var payload = insert.Parameters.Add("$p", SqliteType.Text);
            for (var i = 0; i < 100; i++) Commit(connection, insert, payload, i);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < commits; i++) Commit(connection, insert, payload, i);
            return commits / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
        }
    }

    private static void Commit(SqliteConnection connection, SqliteCommand insert, SqliteParameter payload, int i)
    {
        using var transaction = connection.BeginTransaction();
        insert.Transaction = transaction;
        payload.Value = $"row {i}";
        insert.ExecuteNonQuery();
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
