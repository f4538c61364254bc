using Microsoft.Data.Sqlite;

namespace KxHome.Workflows.Persistence;

/// <summary>Errors that mean "the database was busy, try the same step again".</summary>
internal static class Transient
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const string SerializationFailure = "40001";
    private const string DeadlockDetected = "40P01";

    /// <summary>How often a step is tried in all before the error is passed on.</summary>
    public const int MaxAttempts = 30;

    /// <summary>A random wait before the next attempt, up to 1 ms, 2 ms, 4 ms … 64 ms as the attempts go on.</summary>
    public static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * (1 << Math.Min(attempt - 1, 6)));

    public static bool IsBusy(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }) return true;
            if (e is Npgsql.PostgresException { SqlState: SerializationFailure or DeadlockDetected }) return true;
        }
        return false;
    }
}
