using Microsoft.Data.Sqlite;
using Npgsql;

namespace Backstride.Data.Shop;

/// <summary>
/// Failures that say "another transaction was in the way; the same work may succeed if tried again", on either database.
/// Only work that is safe to repeat from the start (a whole transaction) may be retried on them.
/// </summary>
internal static class TransientFailures
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // The low byte is the primary code, also when SQLite reports an extended one (e.g. SQLITE_BUSY_SNAPSHOT).
                case SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked:
                    return true;
                case PostgresException postgres when postgres.SqlState is PostgresErrorCodes.SerializationFailure
                    or PostgresErrorCodes.DeadlockDetected:
                    return true;
            }
        }
        return false;
    }
}
