using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Backstride.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Tests.Shop;

/// <summary>Many checkouts at the same moment, each with its own context and connection, as concurrent requests would.</summary>
public sealed class CheckoutConcurrencyTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PlaceOrder_200ShoppersFor50InStock_Exactly50OrdersAndStockZero(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 14.95m, stock: 50);
        var carts = await ShopTestData.NewCartsAsync(database, variant, count: 200);

        var (results, milliseconds, elapsed) = await ShopTestData.CheckoutAllAtOnceTimedAsync(database, carts, () => ShopTestData.Draft());
        Array.Sort(milliseconds);
        // Reported, not asserted: speed is the benchmarks' business; the README quotes this line.
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{provider}: 200 checkouts in {elapsed.TotalSeconds:0.00} s = {200 / elapsed.TotalSeconds:0} per second; " +
            $"p50 {milliseconds[99]:0} ms, p99 {milliseconds[197]:0} ms, max {milliseconds[^1]:0} ms"));

        Assert.Equal(50, results.Count(r => r.Outcome == CheckoutOutcome.Placed));
        var soldOut = results.Where(r => r.Outcome == CheckoutOutcome.SoldOut).ToList();
        Assert.Equal(150, soldOut.Count);
        Assert.All(soldOut, r => Assert.Contains(r.Problems, p => p.Contains("sold out", StringComparison.Ordinal)));
        Assert.Equal(0, (await ShopTestData.VariantAsync(database, variant.Id)).Stock);
        await using var db = ShopTestData.Context(database);
        Assert.Equal(50, await db.OrderLines.CountAsync(l => l.VariantId == variant.Id));
        // The sold-out shoppers keep their carts; the buyers' carts are gone with their orders.
        Assert.Equal(150, await db.CartLines.CountAsync(l => l.VariantId == variant.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PlaceOrder_SameKeySent20TimesAtOnce_MakesOneOrderAndShowsItToEveryRetry(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 9.95m, stock: 50);
        var carts = await ShopTestData.NewCartsAsync(database, variant, count: 20);
        var key = Guid.NewGuid().ToString("N");
        var email = $"double-click+{Guid.NewGuid():N}@example.com";

        var results = await ShopTestData.CheckoutAllAtOnceAsync(database, carts, () => ShopTestData.Draft(key, email));

        // Every answer shows the one order: none says the cart was empty, the stock gone or the prices changed.
        Assert.All(results, AssertShowsAnOrder);
        var placed = Assert.Single(results, r => r.Outcome == CheckoutOutcome.Placed);
        var repeats = results.Where(r => r.Outcome == CheckoutOutcome.AlreadyPlaced).ToList();
        Assert.Equal(19, repeats.Count);
        Assert.All(results, r => Assert.Equal(placed.Order!.Id, r.Order!.Id));
        Assert.All(repeats, r => Assert.Equal(placed.Order!.Number, r.Order!.Number));
        Assert.Equal(49, (await ShopTestData.VariantAsync(database, variant.Id)).Stock);
        await using var db = ShopTestData.Context(database);
        Assert.Equal(1, await db.Orders.CountAsync(o => o.IdempotencyKey == key));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PlaceOrder_SameCartAndKeySent10TimesAtOnce_EveryAnswerShowsTheOneOrder(DatabaseProvider provider)
    {
        // A double click as it really comes: one cart, one form, the same key each time. The requests that lose find the
        // cart gone; they must still answer with the order, not "your cart is empty".
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 9.95m, stock: 50);
        var cartId = await ShopTestData.NewCartAsync(database, (variant, 1));
        var key = Guid.NewGuid().ToString("N");
        var email = $"double-click+{Guid.NewGuid():N}@example.com";

        var results = await ShopTestData.CheckoutAllAtOnceAsync(database, Enumerable.Repeat(cartId, 10),
            () => ShopTestData.Draft(key, email));

        Assert.All(results, AssertShowsAnOrder);
        var placed = Assert.Single(results, r => r.Outcome == CheckoutOutcome.Placed);
        Assert.All(results, r => Assert.Equal(placed.Order!.Id, r.Order!.Id));
        Assert.Equal(49, (await ShopTestData.VariantAsync(database, variant.Id)).Stock);
        await using var db = ShopTestData.Context(database);
        Assert.Equal(1, await db.Orders.CountAsync(o => o.IdempotencyKey == key));
        Assert.False(await db.Carts.AnyAsync(c => c.Id == cartId));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PlaceOrder_SameCartSent10TimesAtOnceWithDifferentKeys_MakesOneOrderAndTakesTheStockOnce(
        DatabaseProvider provider)
    {
        // Two tabs (or ten) with the same cart: each form has its own key, so only the claim on the cart stops a second order.
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 9.95m, stock: 50);
        var cartId = await ShopTestData.NewCartAsync(database, (variant, 1));

        var results = await ShopTestData.CheckoutAllAtOnceAsync(database, Enumerable.Repeat(cartId, 10), () => ShopTestData.Draft());

        Assert.Single(results, r => r.Outcome == CheckoutOutcome.Placed);
        Assert.Equal(9, results.Count(r => r.Outcome == CheckoutOutcome.EmptyCart));
        Assert.Equal(49, (await ShopTestData.VariantAsync(database, variant.Id)).Stock);
        await using var db = ShopTestData.Context(database);
        Assert.Equal(1, await db.OrderLines.CountAsync(l => l.VariantId == variant.Id));
        Assert.False(await db.Carts.AnyAsync(c => c.Id == cartId));
        Assert.Equal(0, await db.CartLines.CountAsync(l => l.CartId == cartId));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PlaceOrder_CodeLimitedTo5With20OrdersAtOnce_Exactly5GetTheDiscount(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 20.00m, stock: 100);
        var code = $"LIMIT5-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        await using (var setup = ShopTestData.Context(database))
        {
            setup.DiscountCodes.Add(new DiscountCode
            {
                Code = code, Kind = DiscountKind.Percent, Value = 10m, UsageLimit = 5, CreatedAt = TestDatabase.Now,
            });
            await setup.SaveChangesAsync();
        }
        var carts = await ShopTestData.NewCartsAsync(database, variant, count: 20);

        var results = await ShopTestData.CheckoutAllAtOnceAsync(database, carts, () => ShopTestData.Draft(discountCode: code));

        var placed = results.Where(r => r.Outcome == CheckoutOutcome.Placed).ToList();
        Assert.Equal(5, placed.Count);
        Assert.All(placed, r => Assert.Equal(2.00m, r.Order!.Discount));
        var refused = results.Where(r => r.Outcome == CheckoutOutcome.DiscountRefused).ToList();
        Assert.Equal(15, refused.Count);
        Assert.All(refused, r => Assert.Equal([DiscountRules.UsedUpMessage], r.Errors.For(CheckoutRules.DiscountCodeField)));
        Assert.Equal(95, (await ShopTestData.VariantAsync(database, variant.Id)).Stock);
        await using var db = ShopTestData.Context(database);
        Assert.Equal(5, (await db.DiscountCodes.AsNoTracking().SingleAsync(d => d.Code == code)).TimesUsed);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PlaceOrder_OncePerCustomerCodeUsedByOneCustomer10TimesAtOnce_OnlyOneOrderGetsTheDiscount(
        DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 20.00m, stock: 100);
        var code = $"ONCE-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        await using (var setup = ShopTestData.Context(database))
        {
            setup.DiscountCodes.Add(new DiscountCode
            {
                Code = code, Kind = DiscountKind.Percent, Value = 10m, PerCustomerLimit = 1, CreatedAt = TestDatabase.Now,
            });
            await setup.SaveChangesAsync();
        }
        // One customer, ten carts and ten forms (ten keys), all sent at the same moment with the code.
        var carts = await ShopTestData.NewCartsAsync(database, variant, count: 10);
        var email = $"once+{Guid.NewGuid():N}@example.com";

        var results = await ShopTestData.CheckoutAllAtOnceAsync(database, carts,
            () => ShopTestData.Draft(email: email, discountCode: code));

        var placed = Assert.Single(results, r => r.Outcome == CheckoutOutcome.Placed);
        Assert.Equal(2.00m, placed.Order!.Discount);
        var refused = results.Where(r => r.Outcome == CheckoutOutcome.DiscountRefused).ToList();
        Assert.Equal(9, refused.Count);
        Assert.All(refused, r => Assert.Equal([DiscountRules.AlreadyUsedMessage], r.Errors.For(CheckoutRules.DiscountCodeField)));
        Assert.Equal(99, (await ShopTestData.VariantAsync(database, variant.Id)).Stock);
        await using var db = ShopTestData.Context(database);
        Assert.Equal(1, await db.Orders.CountAsync(o => o.DiscountCode == code));
        Assert.Equal(1, (await db.DiscountCodes.AsNoTracking().SingleAsync(d => d.Code == code)).TimesUsed);
    }

    private static void AssertShowsAnOrder(CheckoutResult result)
    {
        Assert.True(result.Outcome is CheckoutOutcome.Placed or CheckoutOutcome.AlreadyPlaced,
            $"{result.Outcome}: {string.Join(" ", result.Problems)}");
        Assert.NotNull(result.Order);
    }
}
