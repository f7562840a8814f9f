using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Backstride.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Backstride.Data.Tests.Shop;

public sealed class OrderStoreTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Cancel_UnshippedOrder_ReturnsTheStockOnceAndRecordsWhoDidIt(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 14.95m, stock: 10);
        var order = await ShopTestData.PlacedOrderAsync(database, variant, quantity: 3);
        Assert.Equal(7, (await ShopTestData.VariantAsync(database, variant.Id)).Stock);

        ShopResult<Order> cancelled, again;
        await using (var db = ShopTestData.Context(database))
        {
            cancelled = await new OrderStore(db, database.Clock).CancelAsync(order.Id, "Customer changed their mind", ShopTestData.Owner);
        }
        await using (var db = ShopTestData.Context(database))
        {
            again = await new OrderStore(db, database.Clock).CancelAsync(order.Id, null, ShopTestData.Owner);
        }

        Assert.Equal(ShopOutcome.Saved, cancelled.Outcome);
        Assert.Equal(OrderStatus.Cancelled, cancelled.Value!.Status);
        Assert.Equal(ShopOutcome.Refused, again.Outcome);
        Assert.Equal(10, (await ShopTestData.VariantAsync(database, variant.Id)).Stock);
        await using var check = ShopTestData.Context(database);
        var saved = await check.Orders.AsNoTracking().Include(o => o.Notes).SingleAsync(o => o.Id == order.Id);
        Assert.Equal(OrderStatus.Cancelled, saved.Status);
        Assert.Equal(TestDatabase.Now, saved.CancelledAt);
        Assert.Equal("Cancelled: Customer changed their mind", Assert.Single(saved.Notes).Text);
        var audit = Assert.Single(await check.AuditEntries.AsNoTracking().Where(e => e.EntityId == order.Id.ToString("D")).ToListAsync());
        Assert.Equal("order.cancel", audit.Action);
        Assert.Equal(ShopTestData.Owner.Email, audit.ActorEmail);
        Assert.Contains("3 × ", audit.Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Cancel_ShippedOrder_IsRefusedAndKeepsTheStockSold(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 14.95m, stock: 10);
        var order = await ShopTestData.PlacedOrderAsync(database, variant, quantity: 2);
        await using var db = ShopTestData.Context(database);
        var store = new OrderStore(db, database.Clock);

        var shipped = await store.MarkShippedAsync(order.Id, "1Z999AA10123456784", ShopTestData.Owner);
        var cancelled = await store.CancelAsync(order.Id, null, ShopTestData.Owner);

        Assert.Equal(ShopOutcome.Saved, shipped.Outcome);
        Assert.Equal("1Z999AA10123456784", shipped.Value!.TrackingNumber);
        Assert.Equal(ShopOutcome.Refused, cancelled.Outcome);
        Assert.Equal(8, (await ShopTestData.VariantAsync(database, variant.Id)).Stock);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task MarkShipped_CancelledBetweenItsReadAndItsSave_IsRefusedAndTheOrderStaysCancelled(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 14.95m, stock: 10);
        var order = await ShopTestData.PlacedOrderAsync(database, variant, quantity: 2);
        // Context A has read the order and found it may ship; just before A saves, another admin (context B, a minute
        // later by its own clock) cancels it and its stock goes back.
        var later = new FakeTimeProvider(TestDatabase.Now.AddMinutes(1));
        ShopResult<Order>? cancelled = null;
        var rival = new BeforeFirstSave(async () =>
        {
            await using var b = ShopTestData.Context(database);
            cancelled = await new OrderStore(b, later).CancelAsync(order.Id, null, ShopTestData.Owner);
        });

        ShopResult<Order> shipped;
        await using (var a = ShopTestData.Context(database, rival))
        {
            shipped = await new OrderStore(a, database.Clock).MarkShippedAsync(order.Id, "1Z999AA10123456784", ShopTestData.Owner);
        }

        Assert.Equal(ShopOutcome.Saved, cancelled?.Outcome);
        Assert.Equal(ShopOutcome.Refused, shipped.Outcome);
        Assert.Equal(OrderStore.ChangedMeanwhileMessage, shipped.Message);
        await using var check = ShopTestData.Context(database);
        var saved = await check.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id);
        Assert.Equal(OrderStatus.Cancelled, saved.Status);
        Assert.Equal(ShippingStatus.NotShipped, saved.ShippingStatus);
        Assert.Null(saved.TrackingNumber);
        Assert.Null(saved.ShippedAt);
        Assert.Equal(TestDatabase.Now.AddMinutes(1), saved.UpdatedAt);
        Assert.Equal(10, (await ShopTestData.VariantAsync(database, variant.Id)).Stock);
        // Nothing of the refused change was saved, its audit entry included.
        var audit = Assert.Single(await check.AuditEntries.AsNoTracking().Where(e => e.EntityId == order.Id.ToString("D")).ToListAsync());
        Assert.Equal("order.cancel", audit.Action);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Refund_PartThenTheRest_EndsRefundedInFull(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 14.95m, stock: 10);
        var order = await ShopTestData.PlacedOrderAsync(database, variant, quantity: 3);
        await using var db = ShopTestData.Context(database);
        var store = new OrderStore(db, database.Clock);

        var beforePaid = await store.RefundAsync(order.Id, 5.00m, ShopTestData.Owner);
        await store.MarkPaidAsync(order.Id, ShopTestData.Owner);
        var tooMuch = await store.RefundAsync(order.Id, 50.81m, ShopTestData.Owner);
        var part = await store.RefundAsync(order.Id, 5.00m, ShopTestData.Owner);
        var partStatus = part.Value!.PaymentStatus;
        var rest = await store.RefundAsync(order.Id, 45.80m, ShopTestData.Owner);
        var more = await store.RefundAsync(order.Id, 0.01m, ShopTestData.Owner);

        Assert.Equal(ShopOutcome.Refused, beforePaid.Outcome);
        Assert.Equal(ShopOutcome.Invalid, tooMuch.Outcome);
        Assert.Equal(PaymentStatus.PartiallyRefunded, partStatus);
        Assert.Equal(ShopOutcome.Saved, rest.Outcome);
        Assert.Equal(ShopOutcome.Refused, more.Outcome);
        await using var check = ShopTestData.Context(database);
        var saved = await check.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id);
        Assert.Equal(50.80m, saved.Total);
        Assert.Equal(50.80m, saved.RefundedAmount);
        Assert.Equal(PaymentStatus.Refunded, saved.PaymentStatus);
        var refunds = await check.AuditEntries.AsNoTracking()
            .Where(e => e.EntityId == order.Id.ToString("D") && e.Action == "order.refund").ToListAsync();
        Assert.Equal(2, refunds.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task FindForCustomer_NumberInLowerCaseAndEmailInAnyCase_FindsTheOrderOnlyWithBoth(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 14.95m, stock: 10);
        var email = $"Ada.Runner+{Guid.NewGuid():N}@example.com";
        var cartId = await ShopTestData.NewCartAsync(database, (variant, 1));
        var placed = (await ShopTestData.CheckoutAsync(database, cartId, ShopTestData.Draft(email: email))).Order!;
        await using var db = ShopTestData.Context(database);
        var store = new OrderStore(db, database.Clock);

        var found = await store.FindForCustomerAsync(placed.Number.ToLowerInvariant(), email.ToUpperInvariant());
        var wrongEmail = await store.FindForCustomerAsync(placed.Number, "someone.else@example.com");

        Assert.Equal(placed.Id, found?.Id);
        Assert.Single(found!.Lines);
        Assert.Null(wrongEmail);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Search_ByNameInAnotherCase_FindsTheOrder(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 14.95m, stock: 10);
        var name = $"Grace {Guid.NewGuid():N}";
        var cartId = await ShopTestData.NewCartAsync(database, (variant, 1));
        var placed = (await ShopTestData.CheckoutAsync(database, cartId, ShopTestData.Draft() with { Name = name })).Order!;
        await using var db = ShopTestData.Context(database);
        var store = new OrderStore(db, database.Clock);

        var (items, total) = await store.SearchAsync(new OrderSearch(name.ToUpperInvariant(), OrderStatus.Placed, null, null));
        var (none, noneTotal) = await store.SearchAsync(new OrderSearch(name, OrderStatus.Cancelled, null, null));

        Assert.Equal(placed.Id, Assert.Single(items).Id);
        Assert.Equal(1, total);
        Assert.Empty(none);
        Assert.Equal(0, noneTotal);
    }

    /// <summary>Runs an action once, just before the context's first save: another admin's change at the worst moment.</summary>
    private sealed class BeforeFirstSave(Func<Task> action) : SaveChangesInterceptor
    {
        private int _done;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                await action();
            }
            return result;
        }
    }
}
