using Backstride.Core.Runs;
using Backstride.Data.Diary;
using Backstride.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Tests.Diary;

public sealed class DiaryOwnershipTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 20, 7, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Queries_AnotherRunnersRows_AreInvisible(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var owner = await database.NewRunnerAsync();
        var other = await database.NewRunnerAsync();
        var run = await database.AddRunAsync(owner, TestDatabase.Run(Morning));
        await database.AddCheckInAsync(owner, TestDatabase.CheckIn(Morning.AddHours(1), run.Id));
        await using var db = database.Context(other);

        var found = await new RunStore(db, database.Clock).FindAsync(run.Id);
        var history = await new HistoryQuery(db).LoadAsync(page: 1);

        Assert.Null(found);
        Assert.Empty(history.Entries);
        Assert.Equal(0, await db.CheckIns.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Queries_WithoutASignedInRunner_SeeNoDiaryRows(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var owner = await database.NewRunnerAsync();
        await database.AddRunAsync(owner, TestDatabase.Run(Morning));
        await using var db = database.Context(owner: null);

        Assert.Equal(0, await db.Runs.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveChanges_ChangingAnotherRunnersRow_ThrowsAndChangesNothing(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var owner = await database.NewRunnerAsync();
        var intruder = await database.NewRunnerAsync();
        var run = await database.AddRunAsync(owner, TestDatabase.Run(Morning));
        await using (var db = database.Context(intruder))
        {
            // As if a bug attached a row it never read through the filter.
            var forged = new Run { Id = run.Id, UserId = owner, StartedAt = Morning, DistanceMetres = 1, Duration = TimeSpan.FromMinutes(1) };
            db.Runs.Attach(forged);
            db.Entry(forged).Property(r => r.DistanceMetres).IsModified = true;

            await Assert.ThrowsAsync<DiaryOwnershipException>(() => db.SaveChangesAsync());
        }

        await using var ownersView = database.Context(owner);
        Assert.Equal(10_000, (await ownersView.Runs.SingleAsync(r => r.Id == run.Id)).DistanceMetres);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveChanges_AddingARowToAnotherRunnersDiary_Throws(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var owner = await database.NewRunnerAsync();
        var intruder = await database.NewRunnerAsync();
        await using var db = database.Context(intruder);
        db.Runs.Add(new Run { UserId = owner, StartedAt = Morning, DistanceMetres = 1000, Duration = TimeSpan.FromMinutes(6) });

        await Assert.ThrowsAsync<DiaryOwnershipException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveChanges_AddingWithoutASignedInRunner_Throws(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        await using var db = database.Context(owner: null);
        db.Runs.Add(new Run { StartedAt = Morning, DistanceMetres = 1000, Duration = TimeSpan.FromMinutes(6) });

        await Assert.ThrowsAsync<DiaryOwnershipException>(() => db.SaveChangesAsync());
    }
}
