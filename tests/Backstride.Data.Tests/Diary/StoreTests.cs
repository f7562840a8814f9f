using Backstride.Data.Diary;
using Backstride.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Tests.Diary;

public sealed class StoreTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 20, 7, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RunStore_InvalidDraft_SavesNothing(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var owner = await database.NewRunnerAsync();
        await using var db = database.Context(owner);

        var result = await new RunStore(db, database.Clock).AddAsync(TestDatabase.Run(Morning, metres: -5, shoes: "New pair"));

        Assert.Equal(DiaryOutcome.Invalid, result.Outcome);
        Assert.Equal(0, await db.Runs.CountAsync());
        Assert.Equal(0, await db.Shoes.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RunStore_SameShoeNameInAnotherCase_IsOnePair(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var owner = await database.NewRunnerAsync();
        await database.AddRunAsync(owner, TestDatabase.Run(Morning, shoes: "Pegasus 40"));
        await database.AddRunAsync(owner, TestDatabase.Run(Morning.AddDays(1), shoes: "  PEGASUS 40 "));
        await database.AddRunAsync(owner, TestDatabase.Run(Morning.AddDays(2), shoes: "Clifton"));
        await using var db = database.Context(owner);

        var shoes = await new RunStore(db, database.Clock).ShoesAsync();

        Assert.Equal(["Clifton", "Pegasus 40"], shoes.Select(s => s.Name));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RunStore_TwoRunnersSameShoeName_EachHasTheirOwnPair(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var first = await database.NewRunnerAsync();
        var second = await database.NewRunnerAsync();

        await database.AddRunAsync(first, TestDatabase.Run(Morning, shoes: "Pegasus 40"));
        await database.AddRunAsync(second, TestDatabase.Run(Morning, shoes: "Pegasus 40"));

        await using var db = database.Context(second);
        Assert.Single(await new RunStore(db, database.Clock).ShoesAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RunStore_Delete_LeavesItsCheckInsStandalone(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var owner = await database.NewRunnerAsync();
        var run = await database.AddRunAsync(owner, TestDatabase.Run(Morning));
        var checkIn = await database.AddCheckInAsync(owner, TestDatabase.CheckIn(Morning.AddHours(1), run.Id, pain: 7));
        await using var db = database.Context(owner);

        var deleted = await new RunStore(db, database.Clock).DeleteAsync(run.Id);

        Assert.True(deleted);
        var kept = await db.CheckIns.AsNoTracking().SingleAsync(c => c.Id == checkIn.Id);
        Assert.Null(kept.RunId);
        Assert.Equal(7, kept.Pain);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RunStore_Latest_OrdersByInstantWhateverTheOffsetTyped(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var owner = await database.NewRunnerAsync();
        // 08:00 in New York is 13:00 UTC: later than 12:00 in Berlin (11:00 UTC) though its clock reads earlier.
        var newYork = await database.AddRunAsync(owner, TestDatabase.Run(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.FromHours(-5))));
        await database.AddRunAsync(owner, TestDatabase.Run(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.FromHours(1))));
        await using var db = database.Context(owner);

        var latest = await new RunStore(db, database.Clock).LatestAsync();

        Assert.Equal(newYork.Id, latest!.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 13, 0, 0, TimeSpan.Zero), latest.StartedAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CheckInStore_FollowUps_AreLaterCheckInsForTheSameRun(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var owner = await database.NewRunnerAsync();
        var run = await database.AddRunAsync(owner, TestDatabase.Run(Morning));
        var first = await database.AddCheckInAsync(owner, TestDatabase.CheckIn(Morning.AddHours(1), run.Id));
        var later = await database.AddCheckInAsync(owner, TestDatabase.CheckIn(Morning.AddHours(3), run.Id));
        var standalone = await database.AddCheckInAsync(owner, TestDatabase.CheckIn(Morning.AddHours(4)));
        await using var db = database.Context(owner);

        var followUps = await new CheckInStore(db, database.Clock).FollowUpIdsAsync([first, later, standalone]);

        Assert.Equal([later.Id], followUps);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task HistoryQuery_StandaloneCheckInsBetweenRuns_AppearOnExactlyOnePageInOrder(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var owner = await database.NewRunnerAsync();
        var allStandalone = new List<Guid>();
        for (var day = 0; day < 45; day++)
        {
            await database.AddRunAsync(owner, TestDatabase.Run(Morning.AddDays(-day)));
            allStandalone.Add((await database.AddCheckInAsync(owner, TestDatabase.CheckIn(Morning.AddDays(-day).AddHours(5)))).Id);
        }
        // One from before the first run ever, which belongs on the last page.
        allStandalone.Add((await database.AddCheckInAsync(owner, TestDatabase.CheckIn(Morning.AddDays(-60)))).Id);
        await using var db = database.Context(owner);
        var history = new HistoryQuery(db);

        var pages = new[] { await history.LoadAsync(1), await history.LoadAsync(2), await history.LoadAsync(3) };

        Assert.Equal([true, true, false], pages.Select(p => p.HasNext));
        Assert.Equal([20, 20, 5], pages.Select(p => p.Entries.Count(e => e.Run is not null)));
        var shown = pages.SelectMany(p => p.Entries).Where(e => e.Run is null).Select(e => e.CheckIns[0].Id).ToList();
        Assert.Equal(allStandalone.Order(), shown.Order());
        var times = pages.SelectMany(p => p.Entries).Select(e => e.At).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task HistoryQuery_PastTheLastPage_IsEmpty(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var owner = await database.NewRunnerAsync();
        await database.AddRunAsync(owner, TestDatabase.Run(Morning));
        await database.AddCheckInAsync(owner, TestDatabase.CheckIn(Morning.AddDays(-3)));
        await using var db = database.Context(owner);

        var beyond = await new HistoryQuery(db).LoadAsync(page: 2);
        var absurd = await new HistoryQuery(db).LoadAsync(page: int.MaxValue);

        Assert.Empty(beyond.Entries);
        Assert.False(beyond.HasNext);
        Assert.Empty(absurd.Entries);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task HistoryQuery_DiaryWithoutRuns_PagesItsCheckIns(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var owner = await database.NewRunnerAsync();
        for (var day = 0; day < 25; day++)
        {
            await database.AddCheckInAsync(owner, TestDatabase.CheckIn(Morning.AddDays(-day)));
        }
        await using var db = database.Context(owner);
        var history = new HistoryQuery(db);

        var first = await history.LoadAsync(1);
        var second = await history.LoadAsync(2);

        Assert.Equal(20, first.Entries.Count);
        Assert.True(first.HasNext);
        Assert.Equal(5, second.Entries.Count);
        Assert.False(second.HasNext);
        Assert.Equal(Morning, first.Entries[0].At);
    }
}
