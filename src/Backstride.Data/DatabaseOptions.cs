using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Backstride.Data;

public enum DatabaseProvider
{
    /// <summary>The embedded default: one file, one machine.</summary>
    Sqlite = 0,

    /// <summary>For several app instances behind a load balancer.</summary>
    Postgres = 1,
}

/// <summary>Which database Backstride keeps its data in; bound from the "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty means the embedded default: backstride.db in the data folder.</summary>
    public string? ConnectionString { get; set; }

    public const string SqliteMigrationsAssembly = "Backstride.Data.Sqlite";
    public const string PostgresMigrationsAssembly = "Backstride.Data.Postgres";

    public static string SqliteConnectionStringFor(string databaseFile) =>
        new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = true }.ToString();
}

public static class DatabaseSetup
{
    /// <summary>The one place that turns options into a configured provider: the app, design-time tools and tests all use it.</summary>
    public static DbContextOptionsBuilder UseBackstrideDatabase(this DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        return options.Provider switch
        {
            DatabaseProvider.Sqlite => builder
                .UseSqlite(options.ConnectionString, sqlite => sqlite.MigrationsAssembly(DatabaseOptions.SqliteMigrationsAssembly))
                .AddInterceptors(SqlitePragmas.Instance),
            DatabaseProvider.Postgres => builder
                // No retrying execution strategy: registration runs in an explicit transaction, which it forbids.
                .UseNpgsql(options.ConnectionString, postgres => postgres
                    .MigrationsAssembly(DatabaseOptions.PostgresMigrationsAssembly)),
            _ => throw new InvalidOperationException($"Unknown database provider '{options.Provider}'."),
        };
    }

    /// <summary>Applies every pending migration on either database; run once at start-up by each instance.</summary>
    public static async Task MigrateAsync(BackstrideDbContext db, CancellationToken cancellationToken = default)
    {
        // Creating the history table first spares a fresh database the logged (harmless) error of reading a missing one.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while a check-in is written; the mode is stored in the file, so once is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
