using Backstride.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Tests;

public sealed class MigrationsTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    // Comparing the model with a provider's migrations needs no server, so both providers are always checked.
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Host=unused")]
    [InlineData(DatabaseProvider.Postgres, "Host=unused;Database=unused")]
    public void Migrations_MatchTheModel_NoPendingChangesForEitherProvider(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<BackstrideDbContext>();
        builder.UseBackstrideDatabase(new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : connectionString,
        });
        using var db = new BackstrideDbContext(builder.Options, FixedDiaryOwner.Nobody);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model changed without a {provider} migration: add one to each migrations project (see the README).");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Migrate_AtStartUp_LeavesNoMigrationPending(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        await using var db = database.Context(owner: null);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Sqlite_FreshDatabaseFile_WritesAheadWithAJournalAndEnforcesForeignKeys()
    {
        var database = databases.For(DatabaseProvider.Sqlite);
        await using var db = database.Context(owner: null);
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();

        command.CommandText = "PRAGMA journal_mode;";
        var journal = (string?)await command.ExecuteScalarAsync();
        command.CommandText = "PRAGMA foreign_keys;";
        var foreignKeys = (long?)await command.ExecuteScalarAsync();
        command.CommandText = "PRAGMA busy_timeout;";
        var busyTimeout = (long?)await command.ExecuteScalarAsync();

        Assert.Equal("wal", journal);
        Assert.Equal(1, foreignKeys);
        Assert.Equal(5000, busyTimeout);
    }
}
