using Backstride.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Tests;

public sealed class MigrationsTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task SqliteMigrations_MatchTheModel_NoPendingChanges()
    {
        await using var db = database.Context(owner: null);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQLite migration: run dotnet ef migrations add (see README).");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Migrate_FreshDatabaseFile_WritesAheadWithAJournalAndEnforcesForeignKeys()
    {
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
