using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Backstride.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Backstride.Data.Tests.Shop;

/// <summary>Products, carts and checkouts for the shop tests; every call makes its own rows, so tests never share data.</summary>
internal static class ShopTestData
{
    public static readonly ShopRules Rules = ShopRules.Default;

    public static readonly AdminActor Owner = new(Guid.NewGuid(), "owner@example.com");

    // Enough connections for the races to be real, few enough that 200 checkouts queue in the pool instead of
    // exceeding the test server's max_connections (100) alongside the other test classes' pools.
    private const int PostgresPoolSize = 40;

    /// <summary>A context of its own, as each web request has; the interceptors let a test act at a chosen moment.</summary>
    public static BackstrideDbContext Context(TestDatabase database, params IInterceptor[] interceptors)
    {
        var options = database.Provider == DatabaseProvider.Postgres
            ? new DatabaseOptions
            {
                Provider = DatabaseProvider.Postgres,
                ConnectionString = new NpgsqlConnectionStringBuilder(database.Options.ConnectionString)
                {
                    MaxPoolSize = PostgresPoolSize,
                }.ConnectionString,
            }
            : database.Options;
        var builder = new DbContextOptionsBuilder<BackstrideDbContext>();
        builder.UseBackstrideDatabase(options);
        if (interceptors.Length > 0)
        {
            builder.AddInterceptors(interceptors);
        }
        return new BackstrideDbContext(builder.Options, FixedDiaryOwner.Nobody);
    }

    /// <summary>A published product with one variant on sale.</summary>
    public static async Task<ProductVariant> NewVariantAsync(TestDatabase database, decimal price, int stock,
        string productName = "WBC Copper Cream", string variantName = "50 ml tube", Guid? id = null, int lowStockThreshold = 5)
    {
        await using var db = Context(database);
        var product = new Product
        {
            Slug = $"cream-{Guid.NewGuid():N}",
            Name = productName,
            NormalizedName = productName.ToUpperInvariant(),
            Summary = "A cream for after running.",
            Description = "Description.",
            Ingredients = "Water, copper gluconate.",
            Directions = "Rub in gently.",
            SafetyText = "For use on the skin only.",
            IsPublished = true,
            CreatedAt = TestDatabase.Now,
            UpdatedAt = TestDatabase.Now,
        };
        var variant = new ProductVariant
        {
            Id = id ?? Guid.CreateVersion7(),
            ProductId = product.Id,
            Sku = $"SKU-{Guid.NewGuid():N}",
            Name = variantName,
            Price = price,
            Stock = stock,
            LowStockThreshold = lowStockThreshold,
        };
        product.Variants.Add(variant);
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return variant;
    }

    /// <summary>A guest cart holding these lines at the variants' current prices.</summary>
    public static async Task<Guid> NewCartAsync(TestDatabase database, params (ProductVariant Variant, int Quantity)[] lines)
    {
        await using var db = Context(database);
        var cart = NewCart(lines);
        db.Carts.Add(cart);
        await db.SaveChangesAsync();
        return cart.Id;
    }

    /// <summary>Many guest carts, each holding the same line: one per shopper in a race.</summary>
    public static async Task<List<Guid>> NewCartsAsync(TestDatabase database, ProductVariant variant, int count, int quantity = 1)
    {
        await using var db = Context(database);
        var carts = Enumerable.Range(0, count).Select(_ => NewCart((variant, quantity))).ToList();
        db.Carts.AddRange(carts);
        await db.SaveChangesAsync();
        return carts.Select(c => c.Id).ToList();
    }

    public static CheckoutDraft Draft(string? key = null, string? email = null, string? discountCode = null) =>
        new(email ?? $"buyer+{Guid.NewGuid():N}@example.com", "Ada Runner", "1 High Street", null, "Springfield", null,
            "12345", "us", discountCode, PaymentMethod.PayOnDelivery, AcceptedTerms: true, key ?? Guid.NewGuid().ToString("N"));

    /// <summary>One checkout in its own context, as one request would place it.</summary>
    public static async Task<CheckoutResult> CheckoutAsync(TestDatabase database, Guid cartId, CheckoutDraft draft,
        bool pricesConfirmed = false, params IInterceptor[] interceptors)
    {
        await using var db = Context(database, interceptors);
        return await new CheckoutService(db, database.Clock).PlaceOrderAsync(cartId, draft, Rules, userId: null, pricesConfirmed);
    }

    /// <summary>Every cart checked out at once, each on its own thread and context, with a draft of its own.</summary>
    public static Task<CheckoutResult[]> CheckoutAllAtOnceAsync(TestDatabase database, IEnumerable<Guid> cartIds,
        Func<CheckoutDraft> draft)
    {
        var drafts = cartIds.Select(cartId => (CartId: cartId, Draft: draft())).ToList();
        return Task.WhenAll(drafts.Select(c => Task.Run(() => CheckoutAsync(database, c.CartId, c.Draft))));
    }

    /// <summary>As <see cref="CheckoutAllAtOnceAsync"/>, also timing each checkout (for the README's throughput and p99).</summary>
    public static async Task<(CheckoutResult[] Results, double[] Milliseconds, TimeSpan Elapsed)> CheckoutAllAtOnceTimedAsync(
        TestDatabase database, IEnumerable<Guid> cartIds, Func<CheckoutDraft> draft)
    {
        var drafts = cartIds.Select(cartId => (CartId: cartId, Draft: draft())).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var timed = await Task.WhenAll(drafts.Select(c => Task.Run(async () =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var result = await CheckoutAsync(database, c.CartId, c.Draft);
            return (Result: result, Ms: System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        })));
        return (timed.Select(t => t.Result).ToArray(), timed.Select(t => t.Ms).ToArray(), clock.Elapsed);
    }

    public static async Task<ProductVariant> VariantAsync(TestDatabase database, Guid id)
    {
        await using var db = Context(database);
        return await db.ProductVariants.AsNoTracking().SingleAsync(v => v.Id == id);
    }

    public static async Task<Order> PlacedOrderAsync(TestDatabase database, ProductVariant variant, int quantity)
    {
        var cartId = await NewCartAsync(database, (variant, quantity));
        var result = await CheckoutAsync(database, cartId, Draft());
        Assert.Equal(CheckoutOutcome.Placed, result.Outcome);
        return result.Order!;
    }

    private static Cart NewCart(params (ProductVariant Variant, int Quantity)[] lines)
    {
        var cart = new Cart { CreatedAt = TestDatabase.Now, UpdatedAt = TestDatabase.Now };
        var added = TestDatabase.Now;
        foreach (var (variant, quantity) in lines)
        {
            // Later lines were added later, so the cart shows them in the order given.
            added = added.AddSeconds(1);
            cart.Lines.Add(new CartLine
            {
                CartId = cart.Id, VariantId = variant.Id, Quantity = quantity, PriceWhenAdded = variant.Price, AddedAt = added,
            });
        }
        return cart;
    }
}
