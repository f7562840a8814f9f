using System.Data.Common;
using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Backstride.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Backstride.Data.Tests.Shop;

public sealed class CheckoutTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PlaceOrder_ThreeAt14_95_MoneyRoundTripsExactly(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 14.95m, stock: 10);
        var cartId = await ShopTestData.NewCartAsync(database, (variant, 3));

        var result = await ShopTestData.CheckoutAsync(database, cartId, ShopTestData.Draft());

        Assert.Equal(CheckoutOutcome.Placed, result.Outcome);
        await using var db = ShopTestData.Context(database);
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Id == result.Order!.Id);
        var line = Assert.Single(order.Lines);
        Assert.Equal(14.95m, line.UnitPrice);
        Assert.Equal(44.85m, line.LineTotal);
        Assert.Equal(44.85m, order.Subtotal);
        // Below the free-shipping threshold of 50: the flat rate applies.
        Assert.Equal(5.95m, order.Shipping);
        Assert.Equal(50.80m, order.Total);
        Assert.Equal(0m, order.RefundedAmount);
        Assert.Equal(14.95m, (await ShopTestData.VariantAsync(database, variant.Id)).Price);
        Assert.Equal(7, (await ShopTestData.VariantAsync(database, variant.Id)).Stock);
        Assert.Equal("US", order.ShippingAddress.Country);
        Assert.StartsWith(OrderNumbers.Prefix, order.Number, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PlaceOrder_Placed_DeletesTheCartAndShowsTheOrderAgainForTheSameKey(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 9.95m, stock: 10);
        var cartId = await ShopTestData.NewCartAsync(database, (variant, 2));
        var draft = ShopTestData.Draft();

        var first = await ShopTestData.CheckoutAsync(database, cartId, draft);
        var reload = await ShopTestData.CheckoutAsync(database, cartId, draft);

        Assert.Equal(CheckoutOutcome.Placed, first.Outcome);
        Assert.Equal(CheckoutOutcome.AlreadyPlaced, reload.Outcome);
        Assert.Equal(first.Order!.Number, reload.Order!.Number);
        Assert.Equal(8, (await ShopTestData.VariantAsync(database, variant.Id)).Stock);
        await using var db = ShopTestData.Context(database);
        Assert.False(await db.Carts.AnyAsync(c => c.Id == cartId));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PlaceOrder_SecondLineSoldJustBeforeTheTransaction_TakesNoStockFromTheFirst(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        // Stock is taken in variant id order: the first line's variant gets the smaller id, so its stock goes first.
        var ids = new[] { Guid.CreateVersion7(), Guid.CreateVersion7() }.Order().ToArray();
        var first = await ShopTestData.NewVariantAsync(database, 10.00m, stock: 10, variantName: "50 ml tube", id: ids[0]);
        var second = await ShopTestData.NewVariantAsync(database, 20.00m, stock: 5, variantName: "100 ml tube", id: ids[1]);
        var cartId = await ShopTestData.NewCartAsync(database, (first, 2), (second, 3));
        // Another shopper buys all but one of the second line after this checkout has checked the stock.
        var rival = new BeforeFirstTransaction(async () =>
        {
            await using var other = ShopTestData.Context(database);
            await other.ProductVariants.Where(v => v.Id == second.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(v => v.Stock, 1));
        });
        var draft = ShopTestData.Draft();

        var result = await ShopTestData.CheckoutAsync(database, cartId, draft, false, rival);

        Assert.Equal(CheckoutOutcome.SoldOut, result.Outcome);
        Assert.Equal(["WBC Copper Cream, 100 ml tube: only 1 left."], result.Problems);
        Assert.Null(result.Order);
        Assert.Equal(10, (await ShopTestData.VariantAsync(database, first.Id)).Stock);
        Assert.Equal(1, (await ShopTestData.VariantAsync(database, second.Id)).Stock);
        await using var db = ShopTestData.Context(database);
        Assert.False(await db.Orders.AnyAsync(o => o.IdempotencyKey == draft.IdempotencyKey));
        Assert.True(await db.Carts.AnyAsync(c => c.Id == cartId));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PlaceOrder_SecondLineShortAlready_RefusesBeforeTakingAnyStock(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var first = await ShopTestData.NewVariantAsync(database, 10.00m, stock: 10);
        var second = await ShopTestData.NewVariantAsync(database, 20.00m, stock: 0, variantName: "100 ml tube");
        var cartId = await ShopTestData.NewCartAsync(database, (first, 2), (second, 1));

        var result = await ShopTestData.CheckoutAsync(database, cartId, ShopTestData.Draft());

        Assert.Equal(CheckoutOutcome.SoldOut, result.Outcome);
        Assert.Equal(["WBC Copper Cream, 100 ml tube is sold out."], result.Problems);
        Assert.Equal(10, (await ShopTestData.VariantAsync(database, first.Id)).Stock);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PlaceOrder_PriceChangedSinceAdded_AsksForConfirmationThenChargesTheNewPrice(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 14.95m, stock: 10);
        var cartId = await ShopTestData.NewCartAsync(database, (variant, 1));
        await using (var owner = ShopTestData.Context(database))
        {
            await owner.ProductVariants.Where(v => v.Id == variant.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(v => v.Price, 15.95m));
        }
        var draft = ShopTestData.Draft();

        // Shown the change, the customer confirms by submitting the same form again.
        var unconfirmed = await ShopTestData.CheckoutAsync(database, cartId, draft);
        var stockAfterUnconfirmed = (await ShopTestData.VariantAsync(database, variant.Id)).Stock;
        decimal priceInCart;
        await using (var db = ShopTestData.Context(database))
        {
            priceInCart = (await db.CartLines.AsNoTracking().SingleAsync(l => l.CartId == cartId)).PriceWhenAdded;
        }
        var confirmed = await ShopTestData.CheckoutAsync(database, cartId, draft);

        Assert.Equal(CheckoutOutcome.PricesChanged, unconfirmed.Outcome);
        Assert.Equal(["WBC Copper Cream, 50 ml tube: 14.95 → 15.95 USD"], unconfirmed.Problems);
        Assert.Equal(10, stockAfterUnconfirmed);
        Assert.Equal(15.95m, priceInCart);
        Assert.Equal(CheckoutOutcome.Placed, confirmed.Outcome);
        Assert.Equal(15.95m, Assert.Single(confirmed.Order!.Lines).UnitPrice);
        Assert.Equal(15.95m, confirmed.Order!.Subtotal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PlaceOrder_PriceChangesAgainAfterTheWarning_WarnsAgainAndAPostedConfirmationSkipsNothing(
        DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 14.95m, stock: 10);
        var cartId = await ShopTestData.NewCartAsync(database, (variant, 1));
        await SetPriceAsync(database, variant.Id, 15.95m);
        var draft = ShopTestData.Draft();

        // A crafted "prices confirmed" does not skip the check the customer has not yet seen.
        var crafted = await ShopTestData.CheckoutAsync(database, cartId, draft, pricesConfirmed: true);
        // Between the warning and the customer's confirmation the price changes once more.
        await SetPriceAsync(database, variant.Id, 16.95m);
        var confirmedTooLate = await ShopTestData.CheckoutAsync(database, cartId, draft, pricesConfirmed: true);
        var confirmed = await ShopTestData.CheckoutAsync(database, cartId, draft);

        Assert.Equal(CheckoutOutcome.PricesChanged, crafted.Outcome);
        Assert.Equal(["WBC Copper Cream, 50 ml tube: 14.95 → 15.95 USD"], crafted.Problems);
        Assert.Equal(CheckoutOutcome.PricesChanged, confirmedTooLate.Outcome);
        Assert.Equal(["WBC Copper Cream, 50 ml tube: 15.95 → 16.95 USD"], confirmedTooLate.Problems);
        Assert.Equal(CheckoutOutcome.Placed, confirmed.Outcome);
        Assert.Equal(16.95m, Assert.Single(confirmed.Order!.Lines).UnitPrice);
        Assert.Equal(9, (await ShopTestData.VariantAsync(database, variant.Id)).Stock);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PlaceOrder_SameSubmissionPlacedJustBeforeTheTransaction_ShowsThatOrderInsteadOfAnEmptyCart(
        DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 9.95m, stock: 10);
        var cartId = await ShopTestData.NewCartAsync(database, (variant, 2));
        var draft = ShopTestData.Draft();
        // The first of a double click commits its order (and deletes the cart) after the second has looked the key up
        // and read the cart, just before the second's transaction.
        CheckoutResult? first = null;
        var rival = new BeforeFirstTransaction(async () => first = await ShopTestData.CheckoutAsync(database, cartId, draft));

        var second = await ShopTestData.CheckoutAsync(database, cartId, draft, false, rival);

        Assert.Equal(CheckoutOutcome.Placed, first?.Outcome);
        Assert.Equal(CheckoutOutcome.AlreadyPlaced, second.Outcome);
        Assert.Equal(first!.Order!.Id, second.Order!.Id);
        Assert.Equal(8, (await ShopTestData.VariantAsync(database, variant.Id)).Stock);
        await using var db = ShopTestData.Context(database);
        Assert.Equal(1, await db.Orders.CountAsync(o => o.IdempotencyKey == draft.IdempotencyKey));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PlaceOrder_MissingAddress_IsInvalidAndOrdersNothing(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 14.95m, stock: 10);
        var cartId = await ShopTestData.NewCartAsync(database, (variant, 1));
        var draft = ShopTestData.Draft() with { Line1 = " ", City = null };

        var result = await ShopTestData.CheckoutAsync(database, cartId, draft);

        Assert.Equal(CheckoutOutcome.Invalid, result.Outcome);
        Assert.NotEmpty(result.Errors.For(CheckoutRules.Line1Field));
        Assert.NotEmpty(result.Errors.For(CheckoutRules.CityField));
        Assert.Equal(10, (await ShopTestData.VariantAsync(database, variant.Id)).Stock);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PlaceOrder_UnknownDiscountCode_IsRefusedBesideTheField(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 14.95m, stock: 10);
        var cartId = await ShopTestData.NewCartAsync(database, (variant, 1));

        var result = await ShopTestData.CheckoutAsync(database, cartId, ShopTestData.Draft(discountCode: "NOSUCHCODE"));

        Assert.Equal(CheckoutOutcome.DiscountRefused, result.Outcome);
        Assert.Equal([DiscountRules.NotValidMessage], result.Errors.For(CheckoutRules.DiscountCodeField));
        Assert.Equal(10, (await ShopTestData.VariantAsync(database, variant.Id)).Stock);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PlaceOrder_TakingStockToTheThreshold_ReportsTheVariantOnce(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 5.00m, stock: 7, lowStockThreshold: 5);

        var above = await ShopTestData.CheckoutAsync(database, await ShopTestData.NewCartAsync(database, (variant, 1)), ShopTestData.Draft());
        var crossing = await ShopTestData.CheckoutAsync(database, await ShopTestData.NewCartAsync(database, (variant, 1)), ShopTestData.Draft());
        var below = await ShopTestData.CheckoutAsync(database, await ShopTestData.NewCartAsync(database, (variant, 1)), ShopTestData.Draft());

        Assert.Empty(above.NowLowOnStock);
        var low = Assert.Single(crossing.NowLowOnStock);
        Assert.Equal(5, low.Stock);
        Assert.Equal("WBC Copper Cream", low.Product!.Name);
        Assert.Empty(below.NowLowOnStock);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PlaceOrder_SomeoneElsesCart_IsEmpty(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var owner = await database.NewRunnerAsync();
        var variant = await ShopTestData.NewVariantAsync(database, 14.95m, stock: 10);
        var cartId = await ShopTestData.NewCartAsync(database, (variant, 1));
        await using (var db = ShopTestData.Context(database))
        {
            await db.Carts.Where(c => c.Id == cartId).ExecuteUpdateAsync(set => set.SetProperty(c => c.UserId, (Guid?)owner));
        }

        var result = await ShopTestData.CheckoutAsync(database, cartId, ShopTestData.Draft());

        Assert.Equal(CheckoutOutcome.EmptyCart, result.Outcome);
        Assert.Equal(10, (await ShopTestData.VariantAsync(database, variant.Id)).Stock);
    }

    private static async Task SetPriceAsync(TestDatabase database, Guid variantId, decimal price)
    {
        await using var owner = ShopTestData.Context(database);
        await owner.ProductVariants.Where(v => v.Id == variantId)
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.Price, price));
    }

    /// <summary>Runs an action once, just before the context's first transaction begins: a rival request at the worst moment.</summary>
    private sealed class BeforeFirstTransaction(Func<Task> action) : DbTransactionInterceptor
    {
        private int _done;

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
            CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                await action();
            }
            return result;
        }
    }
}
