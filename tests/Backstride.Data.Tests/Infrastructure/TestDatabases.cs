using Backstride.Tests.Shared;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace Backstride.Data.Tests.Infrastructure;

/// <summary>
/// Every storage test runs once per database provider, in the manner of bitwarden/server's per-database
/// theories: SQLite always, PostgreSQL when the test server is there (skipped with its reason otherwise).
/// Each test class gets its own fresh database of each kind.
/// </summary>
public sealed class TestDatabases(PostgresServer postgres) : IAsyncLifetime
{
    private TestDatabase? _sqlite;
    private TestDatabase? _postgres;

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    public async ValueTask InitializeAsync()
    {
        _sqlite = await TestDatabase.CreateSqliteAsync();
        if (postgres.AdminConnectionString is not null)
        {
            _postgres = await TestDatabase.CreatePostgresAsync(await postgres.CreateDatabaseAsync());
        }
    }

    public TestDatabase For(DatabaseProvider provider)
    {
        var database = provider == DatabaseProvider.Sqlite ? _sqlite : _postgres;
        if (database is null)
        {
            Assert.Skip(postgres.MissingReason ?? $"No {provider} database.");
        }
        return database;
    }

    public ValueTask DisposeAsync()
    {
        _sqlite?.DeleteFiles();
        return ValueTask.CompletedTask;
    }
}
