using Microsoft.Data.Sqlite;

namespace KxHome.Workflows.Persistence;

/// <summary>Errors that mean "the database was busy, try the same step again".</summary>
internal static class Transient
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const string SerializationFailure = "40001";
    private const string DeadlockDetected = "40P01";

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
