using Backstride.Core.CheckIns;
using Backstride.Core.Imports;
using Backstride.Core.Insights;
using Backstride.Core.Medication;
using Backstride.Core.Plans;
using Backstride.Core.Profiles;
using Backstride.Core.Runners;
using Backstride.Core.Runs;
using Backstride.Core.Shop;
using Backstride.Core.Training;
using Backstride.Data.Accounts;
using Backstride.Data.Tests.Infrastructure;
using Backstride.Data.Tests.Shop;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Backstride.Data.Tests.Diary;

public sealed class AccountDeletionTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task DeleteAsync_RunnerWithARowInEveryTable_LeavesNoRowLinkedToThem(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var runner = await SeedRunnerAsync(database);
        var before = await AccountRowsIn.CountAsync(database, runner.UserId);

        var result = await DeleteAsync(database, runner.UserId);

        // The seed reaches every table that points at an account, so a new table is deleted here or this test fails.
        Assert.All(before, table => Assert.True(table.Value > 0, $"The seed left {table.Key} empty."));
        Assert.All(await AccountRowsIn.CountAsync(database, runner.UserId), table => Assert.Equal(0, table.Value));
        Assert.True(result.AccountFound);
        Assert.Equal([runner.BatchId], result.ImportBatchIds);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task DeleteAsync_AnotherRunnersRows_AreUntouched(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var leaving = await SeedRunnerAsync(database);
        var staying = await SeedRunnerAsync(database);
        var before = await AccountRowsIn.CountAsync(database, staying.UserId);

        await DeleteAsync(database, leaving.UserId);

        Assert.Equal(before, await AccountRowsIn.CountAsync(database, staying.UserId));
        await using var db = database.Context(owner: null);
        var order = await db.Orders.SingleAsync(o => o.Id == staying.OrderId);
        Assert.Equal(staying.Email, order.Email);
        Assert.Equal("Ada Lovelace", order.ShippingAddress.Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task DeleteAsync_RunnersOrder_KeepsNumberAmountsAndLinesButNothingThatFindsThem(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var runner = await SeedRunnerAsync(database);

        await DeleteAsync(database, runner.UserId);

        await using var db = database.Context(owner: null);
        var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == runner.OrderId);
        Assert.Equal(runner.OrderNumber, order.Number);
        Assert.Equal(24.90m, order.Total);
        Assert.Equal(OrderStatus.Completed, order.Status);
        Assert.Equal("WBC Copper Cream", Assert.Single(order.Lines).ProductName);
        Assert.Null(order.UserId);
        Assert.EndsWith("@deleted.invalid", order.Email, StringComparison.Ordinal);
        Assert.Equal(order.Email.ToUpperInvariant(), order.NormalizedEmail);
        Assert.Equal(new ShippingAddress
        {
            Name = "Deleted", Line1 = "", Line2 = null, City = "", Region = null, PostalCode = "", Country = "GB",
        }, order.ShippingAddress);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task DeleteAsync_AccountAlreadyGone_ReportsNotFound(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var runner = await SeedRunnerAsync(database);
        await DeleteAsync(database, runner.UserId);

        var again = await DeleteAsync(database, runner.UserId);

        Assert.False(again.AccountFound);
        Assert.Equal(0, again.TotalRowsDeleted);
    }

    private static async Task<AccountDeletionResult> DeleteAsync(TestDatabase database, Guid userId)
    {
        // As on the page: the context of the runner who is leaving.
        await using var db = database.Context(userId);
        return await new AccountDeletion(db, database.Clock).DeleteAsync(userId);
    }

    private sealed record SeededRunner(Guid UserId, string Email, Guid OrderId, string OrderNumber, Guid BatchId);

    /// <summary>A runner with at least one row in every diary, shop and Identity table that can belong to a person.</summary>
    private static async Task<SeededRunner> SeedRunnerAsync(TestDatabase database)
    {
        var userId = await database.NewRunnerAsync();
        var variant = await ShopTestData.NewVariantAsync(database, 12.45m, 10);
        var now = TestDatabase.Now;
        await using var db = database.Context(userId);
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email!).SingleAsync();

        var shoe = new Shoe { Name = "Pegasus", NormalizedName = "PEGASUS", CreatedAt = now };
        var run = new Run
        {
            StartedAt = now.AddDays(-1), DistanceMetres = 10_000, Duration = TimeSpan.FromMinutes(50), ShoeId = shoe.Id,
            Notes = "Felt my back at 8 km", CreatedAt = now, UpdatedAt = now,
        };
        var checkIn = new CheckIn
        {
            RunId = run.Id, RecordedAt = now.AddDays(-1).AddHours(1), Pain = 4, Locations = PainLocation.Centre,
            CreatedAt = now, UpdatedAt = now,
        };
        var batch = new ImportBatch
        {
            CreatedAt = now, TotalFiles = 1, DoneFiles = 1, Status = ImportStatus.Completed,
            Files = { new ImportFile { Position = 0, FileName = "morning.fit", Outcome = ImportOutcome.Imported, RunId = run.Id } },
        };
        db.AddRange(shoe, run, checkIn, batch);
        db.Add(new RunTrack { RunId = run.Id, EncodedSamples = [1, 2, 3], SampleCount = 1 });
        db.Add(new PlanSession { CheckInId = checkIn.Id, CreatedAt = now, Steps = { new PlanStepRecord { StepId = "heat", UpdatedAt = now } } });
        db.Add(new BackProfile { Version = 1, CreatedAt = now, Ddd = DddDiagnosis.NotSure, BloodThinners = true });
        db.Add(new RunnerSettings { UserId = userId, TimeZoneId = "Europe/London", BirthYear = 1980 });
        db.Add(new DoseLogEntry { TakenAt = now.AddHours(-3), ProductId = "advil", Units = 1, CreatedAt = now });
        db.Add(new TrainingPlan { UserId = userId, CreatedAt = now, LevelSince = now, CalendarToken = Guid.NewGuid().ToString("N") });
        db.Add(new ExerciseProgress { ExerciseId = "bridge", Sets = 2, Amount = 10 });
        db.Add(new StrengthSession { StartedAt = now.AddDays(-2), Sets = { new SetRecord { ExerciseId = "bridge", SetNumber = 1, Amount = 10, Effort = 5 } } });
        db.Add(new SelfExperiment
        {
            OptionA = ExperimentOption.Heat, OptionB = ExperimentOption.WbcCream, BlockLength = 3, BlockPairs = 2, Seed = 42,
            Order = "AB,BA", StartedAt = now, CreatedAt = now,
        });

        db.Add(new Cart
        {
            UserId = userId, CreatedAt = now, UpdatedAt = now,
            Lines = { new CartLine { VariantId = variant.Id, Quantity = 1, PriceWhenAdded = variant.Price, AddedAt = now } },
        });
        var order = new Order
        {
            Number = $"WBC-{Guid.NewGuid():N}"[..12].ToUpperInvariant(),
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            UserId = userId,
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            ShippingAddress = new ShippingAddress
            {
                Name = "Ada Lovelace", Line1 = "12 St James's Square", Line2 = "Flat 3", City = "London", Region = "Greater London",
                PostalCode = "SW1Y 4JH", Country = "GB",
            },
            ShippingMethod = "Standard delivery",
            Currency = "USD",
            Subtotal = 24.90m,
            Total = 24.90m,
            Status = OrderStatus.Completed,
            PaymentStatus = PaymentStatus.Paid,
            ShippingStatus = ShippingStatus.Delivered,
            CreatedAt = now.AddDays(-10),
            UpdatedAt = now.AddDays(-5),
            Lines =
            {
                new OrderLine
                {
                    VariantId = variant.Id, ProductName = "WBC Copper Cream", VariantName = "50 ml tube", Sku = variant.Sku,
                    UnitPrice = 12.45m, Quantity = 2, LineTotal = 24.90m,
                },
            },
        };
        db.Add(order);

        var role = new IdentityRole<Guid> { Id = Guid.NewGuid(), Name = $"Tester-{Guid.NewGuid():N}" };
        role.NormalizedName = role.Name.ToUpperInvariant();
        db.Roles.Add(role);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = userId, RoleId = role.Id });
        db.UserClaims.Add(new IdentityUserClaim<Guid> { UserId = userId, ClaimType = "nickname", ClaimValue = "Ada" });
        db.UserLogins.Add(new IdentityUserLogin<Guid> { UserId = userId, LoginProvider = "Test", ProviderKey = Guid.NewGuid().ToString("N"), ProviderDisplayName = "Test" });
        db.UserTokens.Add(new IdentityUserToken<Guid> { UserId = userId, LoginProvider = "Test", Name = "refresh", Value = "secret" });
        await db.SaveChangesAsync();
        return new SeededRunner(userId, email, order.Id, order.Number, batch.Id);
    }
}

/// <summary>Counts through the shared model walk in tests/Shared/AccountRows.cs, on this test's database.</summary>
internal static class AccountRowsIn
{
    public static async Task<Dictionary<string, int>> CountAsync(TestDatabase database, Guid userId)
    {
        await using var db = database.Context(owner: null);
        return await Backstride.Tests.Shared.AccountRows.CountAsync(db, userId);
    }
}
