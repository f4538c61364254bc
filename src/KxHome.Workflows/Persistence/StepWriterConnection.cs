using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace KxHome.Workflows.Persistence;

/// <summary>
/// The one connection this process writes steps through. SQLite lets one writer in at a time anyway, so steps take
/// turns here instead of queueing on the file lock; the connection's prepared statements and page cache stay warm
/// between steps. Other processes on the same file still take turns through SQLite's own locking; on PostgreSQL,
/// other hosts write beside this one and the instances' revisions keep them apart.
/// </summary>
internal sealed class StepWriterConnection(string connectionString, DatabaseProvider provider) : IAsyncDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Dictionary<string, DbCommand> _commands = [];
    private DbConnection? _connection;

    public DatabaseProvider Provider => provider;

    /// <summary>
    /// The log is copied back into the database file (and both synced) when it holds this many pages. SQLite's 1,000
    /// meant a checkpoint every sixty steps; at 10,000 (40 MB of log) a page written by many steps is copied once.
    /// </summary>
    private const int CheckpointPages = 10_000;

    /// <summary>States this process committed last; see <see cref="InstanceStateCache"/>.</summary>
    public InstanceStateCache States { get; } = new();

    /// <summary>Waits for this process's turn to write and opens the connection if needed.</summary>
    public async Task<DbConnection> AcquireAsync(CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        try
        {
            if (_connection is null)
            {
                DbConnection connection = provider == DatabaseProvider.Postgres
                    ? new Npgsql.NpgsqlConnection(connectionString)
                    : new SqliteConnection(connectionString);
                await connection.OpenAsync(ct);
                if (provider == DatabaseProvider.Sqlite)
                {
                    await using var pragma = connection.CreateCommand();
                    pragma.CommandText = $"PRAGMA wal_autocheckpoint={CheckpointPages}";
                    await pragma.ExecuteNonQueryAsync(ct);
                }
                _connection = connection;
            }
            return _connection;
        }
        catch
        {
            _turn.Release();
            throw;
        }
    }

    /// <summary>The prepared command for this SQL text, created on first use.</summary>
    public DbCommand Command(string sql, int parameters)
    {
        if (_commands.TryGetValue(sql, out var command)) return command;
        command = _connection!.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }
        _commands[sql] = command;
        return command;
    }

    /// <summary>Ends this process's turn. A connection left in doubt is closed so the next turn starts clean.</summary>
    public async Task ReleaseAsync(bool healthy)
    {
        if (!healthy) await CloseAsync();
        _turn.Release();
    }

    public async ValueTask DisposeAsync()
    {
        await _turn.WaitAsync();
        try
        {
            await CloseAsync();
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task CloseAsync()
    {
        States.Clear();
        foreach (var command in _commands.Values) await command.DisposeAsync();
        _commands.Clear();
        if (_connection is not null) await _connection.DisposeAsync();
        _connection = null;
    }
}
