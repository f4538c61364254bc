using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace KxHome.Benchmarks;

/// <summary>
/// The physical limit: one small insert per transaction on a fresh SQLite file, with the engine's journal settings
/// (WAL, default synchronous). Dispose deletes the file.
/// </summary>
internal sealed class RawSqliteBenchmark : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"kxhome-raw-{Guid.NewGuid():N}.db");
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _payload;
    private int _next;

    public RawSqliteBenchmark()
    {
        _connection = new SqliteConnection($"Data Source={_file}");
        _connection.Open();
        using (var create = _connection.CreateCommand())
        {
            create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);";
            create.ExecuteNonQuery();
        }
        _insert = _connection.CreateCommand();
        _insert.CommandText = "INSERT INTO t (payload) VALUES ($p)";
        _payload = _insert.Parameters.Add("$p", SqliteType.Text);
        CommitsPerSecond(100); // warm-up
    }

    /// <summary>Commits that many one-row transactions; returns commits per second.</summary>
    public double CommitsPerSecond(int commits)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < commits; i++)
        {
            using var transaction = _connection.BeginTransaction();
            _insert.Transaction = transaction;
            _payload.Value = $"row {_next++}";
            _insert.ExecuteNonQuery();
            transaction.Commit();
        }
        return commits / watch.Elapsed.TotalSeconds;
    }

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);
    }
}
