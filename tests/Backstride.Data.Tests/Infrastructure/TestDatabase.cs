using Backstride.Core.CheckIns;
using Backstride.Core.Runs;
using Backstride.Data.Accounts;
using Backstride.Data.Diary;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Backstride.Data.Tests.Infrastructure;

/// <summary>One real database (a SQLite file, or a database on the test PostgreSQL server) with the real migrations applied.</summary>
public sealed class TestDatabase
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "backstride-data-tests", Guid.NewGuid().ToString("N"));

    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Now);

    public DatabaseOptions Options { get; private set; } = new();

    public DatabaseProvider Provider => Options.Provider;

    public static async Task<TestDatabase> CreateSqliteAsync()
    {
        var database = new TestDatabase();
        Directory.CreateDirectory(database._directory);
        database.Options = new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = DatabaseOptions.SqliteConnectionStringFor(Path.Combine(database._directory, "backstride.db")),
        };
        await database.MigrateAsync();
        return database;
    }

    public static async Task<TestDatabase> CreatePostgresAsync(string connectionString)
    {
        var database = new TestDatabase
        {
            Options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString },
        };
        await database.MigrateAsync();
        return database;
    }

    private async Task MigrateAsync()
    {
        await using var db = Context(owner: null);
        await DatabaseSetup.MigrateAsync(db);
    }

    public BackstrideDbContext Context(Guid? owner)
    {
        var builder = new DbContextOptionsBuilder<BackstrideDbContext>();
        builder.UseBackstrideDatabase(Options);
        return new BackstrideDbContext(builder.Options, new FixedDiaryOwner(owner));
    }

    /// <summary>A new account, as registration makes it; diary rows need one to belong to.</summary>
    public async Task<Guid> NewRunnerAsync()
    {
        await using var db = Context(owner: null);
        var email = $"runner+{Guid.NewGuid():N}@example.com";
        var account = new UserAccount
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = Now,
        };
        db.Users.Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    }

    public static RunDraft Run(DateTimeOffset startedAt, double metres = 10_000, string? shoes = null) =>
        new(startedAt, metres, TimeSpan.FromMinutes(50), Surface.Road, shoes, StretchedBefore: false, Effort: 5, Notes: null);

    public static CheckInDraft CheckIn(DateTimeOffset recordedAt, Guid? runId = null, int pain = 4) =>
        new(runId, recordedAt, pain, PainLocation.Centre, Stiffness.Mild, LegSpread.No, null, PainOnset.RightAfter, null);

    public async Task<Run> AddRunAsync(Guid owner, RunDraft draft)
    {
        await using var db = Context(owner);
        var result = await new RunStore(db, Clock).AddAsync(draft);
        Assert.Equal(DiaryOutcome.Saved, result.Outcome);
        return result.Value!;
    }

    public async Task<CheckIn> AddCheckInAsync(Guid owner, CheckInDraft draft)
    {
        await using var db = Context(owner);
        var result = await new CheckInStore(db, Clock).AddAsync(draft);
        Assert.Equal(DiaryOutcome.Saved, result.Outcome);
        return result.Value!;
    }

    public void DeleteFiles()
    {
        if (!Directory.Exists(_directory))
        {
            return;
        }
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
