using Backstride.Core.CheckIns;
using Backstride.Core.Runs;
using Backstride.Data.Accounts;
using Backstride.Data.Diary;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Backstride.Data.Tests.Infrastructure;

/// <summary>A real SQLite file with the real migrations applied; each test class gets its own.</summary>
public sealed class SqliteDatabase : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "backstride-data-tests", Guid.NewGuid().ToString("N"));

    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Now);

    public DatabaseOptions Options { get; private set; } = new();

    public string File => Path.Combine(_directory, "backstride.db");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        Options = new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = DatabaseOptions.SqliteConnectionStringFor(File),
        };
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

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        return ValueTask.CompletedTask;
    }
}
