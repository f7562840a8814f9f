using Backstride.Core.Plans;
using Backstride.Core.Profiles;
using Backstride.Data.Diary;
using Backstride.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Tests.Diary;

public sealed class CareStoreTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly DateTimeOffset Evening = new(2026, 11, 25, 20, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task BackProfileStore_EverySave_IsANewVersionAndTheOldOnesStay(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var owner = await database.NewRunnerAsync();
        await using var db = database.Context(owner);
        var store = new BackProfileStore(db, database.Clock);

        await store.SaveAsync(new BackProfile { Ddd = DddDiagnosis.NotSure, HasIcePack = true });
        await store.SaveAsync(new BackProfile { Ddd = DddDiagnosis.Yes, HasIcePack = false, MedicationOptIn = true });
        var current = await store.CurrentAsync();

        Assert.Equal(2, current!.Version);
        Assert.Equal(DddDiagnosis.Yes, current.Ddd);
        Assert.True(current.MedicationOptIn);
        var first = await db.BackProfiles.AsNoTracking().SingleAsync(p => p.Version == 1);
        Assert.Equal(DddDiagnosis.NotSure, first.Ddd);
        Assert.True(first.HasIcePack);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task BackProfileStore_PregnantWithoutAWeek_RefusedAndNothingSaved(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var owner = await database.NewRunnerAsync();
        await using var db = database.Context(owner);
        var store = new BackProfileStore(db, database.Clock);

        var result = await store.SaveAsync(new BackProfile { Pregnant = true, PregnancyWeek = null });

        Assert.Equal(DiaryOutcome.Invalid, result.Outcome);
        Assert.NotEmpty(result.Errors.For(nameof(BackProfile.PregnancyWeek)));
        Assert.Null(await store.CurrentAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task DoseLogStore_ValidDose_IsCountedAndBadOnesAreRefused(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var owner = await database.NewRunnerAsync();
        await using var db = database.Context(owner);
        var store = new DoseLogStore(db, database.Clock);
        var now = database.Clock.GetUtcNow();

        var saved = await store.AddAsync("advil", now.AddHours(-3), 2);
        var unknown = await store.AddAsync("vicodin", now.AddHours(-1), 1);
        var inFuture = await store.AddAsync("advil", now.AddHours(2), 1);
        var zero = await store.AddAsync("advil", now, 0);
        var recent = await store.RecentAsync();

        Assert.Equal(DiaryOutcome.Saved, saved.Outcome);
        Assert.NotEmpty(unknown.Errors.For("ProductId"));
        Assert.NotEmpty(inFuture.Errors.For("TakenAt"));
        Assert.NotEmpty(zero.Errors.For("Units"));
        var dose = Assert.Single(recent);
        Assert.Equal(2, dose.Units);
        Assert.Equal(now.AddHours(-3), dose.TakenAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PlanSessionStore_OneSessionPerCheckIn_KeepsTimerAndAnswers(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var owner = await database.NewRunnerAsync();
        var checkIn = await database.AddCheckInAsync(owner, TestDatabase.CheckIn(Evening, pain: 5));
        await using (var db = database.Context(owner))
        {
            var store = new PlanSessionStore(db, database.Clock);
            var session = await store.ForCheckInAsync(checkIn.Id);
            await store.SaveSafetyAnswersAsync(session!, ["fever", "not-a-question"], Core.Triage.TriageLevel.Urgent);
            await store.UpdateStepAsync(session!, "heat", (record, now) => StepTimer.Start(record, now));
        }

        await using var again = database.Context(owner);
        var reloaded = await new PlanSessionStore(again, database.Clock).ForCheckInAsync(checkIn.Id);

        Assert.Equal(Core.Triage.TriageLevel.Urgent, reloaded!.TriageLevel);
        Assert.Equal(["fever"], reloaded.YesAnswers);
        var heat = Assert.Single(reloaded.Steps);
        Assert.Equal(database.Clock.GetUtcNow(), heat.TimerStartedAt);
        Assert.Equal(1, await again.PlanSessions.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CareRows_OfAnotherRunner_AreInvisible(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var owner = await database.NewRunnerAsync();
        var other = await database.NewRunnerAsync();
        var checkIn = await database.AddCheckInAsync(owner, TestDatabase.CheckIn(Evening));
        await using (var db = database.Context(owner))
        {
            await new BackProfileStore(db, database.Clock).SaveAsync(new BackProfile { HistoryOfCancer = true });
            await new DoseLogStore(db, database.Clock).AddAsync("advil", database.Clock.GetUtcNow().AddHours(-1), 1);
            await new PlanSessionStore(db, database.Clock).ForCheckInAsync(checkIn.Id);
        }

        await using var theirs = database.Context(other);

        Assert.Null(await new BackProfileStore(theirs, database.Clock).CurrentAsync());
        Assert.Empty(await new DoseLogStore(theirs, database.Clock).RecentAsync());
        Assert.Null(await new PlanSessionStore(theirs, database.Clock).ForCheckInAsync(checkIn.Id));
        Assert.Equal(0, await theirs.PlanSessions.CountAsync());
    }
}
