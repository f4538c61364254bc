using System.Data;
using System.Data.Common;

namespace KxHome.Workflows.Persistence;

/// <summary>
/// One step's transaction on a plain ADO.NET connection. Steps are the engine's hot path, so they skip EF Core's
/// per-call overhead; EF Core still owns the schema (migrations) and the read-side queries (but the inbox, see
/// <see cref="InboxReader"/>).
/// Values are stored the way EF Core stores them (<see cref="Databases.Parameter"/>). On SQLite the transaction is
/// <c>BEGIN IMMEDIATE</c>: the step holds the write lock from its first read. There it is begun and ended by prepared
/// statements of the connection rather than through <see cref="DbTransaction"/>, which prepares them again every time.
/// </summary>
internal sealed class StepSession : IAsyncDisposable
{
    private readonly StepWriterConnection _writer;
    private readonly DbTransaction? _transaction; // PostgreSQL's; null on SQLite
    private bool _committed;

    private StepSession(StepWriterConnection writer, DbTransaction? transaction)
    {
        _writer = writer;
        _transaction = transaction;
    }

    /// <summary>The database the step writes to, for the few statements whose text differs (<see cref="DatabaseProvider"/>).</summary>
    public DatabaseProvider Provider => _writer.Provider;

    /// <summary>Waits for the process's write turn and begins the transaction.</summary>
    public static async Task<StepSession> BeginAsync(StepWriterConnection writer, CancellationToken ct)
    {
        var connection = await writer.AcquireAsync(ct);
        try
        {
            if (writer.Provider == DatabaseProvider.Sqlite)
            {
                await writer.Command("BEGIN IMMEDIATE", 0).ExecuteNonQueryAsync(ct);
                return new StepSession(writer, null);
            }
            // PostgreSQL: one snapshot for the whole step, and a write racing another host's fails (serialization
            // failure: the step runs again from a fresh read) instead of acting on a task read before that host's commit.
            return new StepSession(writer, await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct));
        }
        catch
        {
            await writer.ReleaseAsync(healthy: false);
            throw;
        }
    }

    /// <summary>Commits; the states of the instances written become the cached ones.</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        if (_transaction is null) await _writer.Command("COMMIT", 0).ExecuteNonQueryAsync(ct);
        else await _transaction.CommitAsync(ct);
        _committed = true;
        foreach (var (id, revision, state) in _saved) _writer.States.Put(id, revision, state);
    }

    private readonly List<(Guid Id, Guid Revision, Execution.InstanceState State)> _saved = [];

    /// <summary>The instance state this transaction wrote, for the cache once it commits.</summary>
    public void Saved(Guid instanceId, Guid revision, Execution.InstanceState state) => _saved.Add((instanceId, revision, state));

    /// <summary>The committed state of the instance at this revision if this process holds it; else null.</summary>
    public Execution.InstanceState? CachedState(Guid instanceId, Guid revision) =>
        _writer.States.TryTake(instanceId, revision, out var state) ? state : null;

    /// <summary>The steps written in this transaction; after the commit the engine acts on what they created.</summary>
    public List<Execution.Step> Written { get; } = [];

    /// <summary>Called instances cancelled in this transaction, so one not yet started is never started.</summary>
    public HashSet<Guid> CancelledChildren { get; } = [];

    /// <summary>How deep signals thrown by signalled cases go in this transaction (a loop is refused).</summary>
    public int SignalDepth { get; set; }

    /// <summary>Timers armed or moved in this transaction: the alarm is set for them after the commit.</summary>
    public List<AlarmTime> AlarmsToSet { get; } = [];

    /// <summary>Timers that went away or were paused in this transaction: their alarms are removed after the commit.</summary>
    public List<Guid> AlarmsToSilence { get; } = [];

    /// <summary>Runs a statement with positional parameters <c>@p0</c>, <c>@p1</c>…; returns the rows it changed.</summary>
    public Task<int> ExecuteAsync(string sql, CancellationToken ct, params object?[] args) =>
        Prepare(sql, args).ExecuteNonQueryAsync(ct);

    /// <summary>The first column of the first row, or null.</summary>
    public async Task<object?> ScalarAsync(string sql, CancellationToken ct, params object?[] args)
    {
        var value = await Prepare(sql, args).ExecuteScalarAsync(ct);
        return value is DBNull ? null : value;
    }

    /// <summary>The first row mapped by <paramref name="map"/>, or null when there is none.</summary>
    public async Task<T?> SingleOrDefaultAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken ct, params object?[] args)
        where T : class
    {
        await using var reader = await Prepare(sql, args).ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? map(reader) : null;
    }

    /// <summary>Whether the query gives a row.</summary>
    public async Task<bool> ExistsAsync(string sql, CancellationToken ct, params object?[] args)
    {
        await using var reader = await Prepare(sql, args).ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct);
    }

    /// <summary>Every row mapped by <paramref name="map"/>.</summary>
    public async Task<List<T>> ListAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken ct, params object?[] args)
    {
        var rows = new List<T>();
        await using var reader = await Prepare(sql, args).ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add(map(reader));
        return rows;
    }

    private DbCommand Prepare(string sql, object?[] args)
    {
        var command = _writer.Command(sql, args.Length);
        command.Transaction = _transaction;
        for (var i = 0; i < args.Length; i++) command.Parameters[i].Value = Databases.Parameter(args[i], _writer.Provider);
        return command;
    }

    /// <summary>Rolls back unless committed, and ends the process's write turn.</summary>
    public async ValueTask DisposeAsync()
    {
        var healthy = true;
        try
        {
            if (_transaction is not null) await _transaction.DisposeAsync(); // rolls back when not committed
            else if (!_committed) await _writer.Command("ROLLBACK", 0).ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch
        {
            healthy = false;
        }
        await _writer.ReleaseAsync(healthy);
    }
}
