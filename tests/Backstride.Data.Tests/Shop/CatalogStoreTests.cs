using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Backstride.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Tests.Shop;

public sealed class CatalogStoreTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AdjustStock_Delivery_AddsAndRecordsItInPlainWords(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 14.95m, stock: 12);
        await using var db = ShopTestData.Context(database);

        var result = await new CatalogAdminStore(db, database.Clock)
            .AdjustStockAsync(variant.Id, 8, "delivery from supplier", ShopTestData.Owner);

        Assert.Equal(ShopOutcome.Saved, result.Outcome);
        Assert.Equal(20, result.Value!.Stock);
        Assert.Equal(20, (await ShopTestData.VariantAsync(database, variant.Id)).Stock);
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityId == variant.Id.ToString("D"));
        Assert.Equal("stock.adjust", audit.Action);
        Assert.EndsWith("Stock 12 → 20 (delivery from supplier)", audit.Details, StringComparison.Ordinal);
        Assert.Equal(ShopTestData.Owner.UserId, audit.ActorUserId);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AdjustStock_BelowZero_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 14.95m, stock: 2);
        await using var db = ShopTestData.Context(database);
        var store = new CatalogAdminStore(db, database.Clock);

        var tooMany = await store.AdjustStockAsync(variant.Id, -3, "breakage", ShopTestData.Owner);
        var noReason = await store.AdjustStockAsync(variant.Id, -1, "  ", ShopTestData.Owner);

        Assert.Equal(ShopOutcome.Refused, tooMany.Outcome);
        Assert.Equal(ShopOutcome.Invalid, noReason.Outcome);
        Assert.NotEmpty(noReason.Errors.For(CatalogAdminStore.ReasonField));
        Assert.Equal(2, (await ShopTestData.VariantAsync(database, variant.Id)).Stock);
        Assert.False(await db.AuditEntries.AnyAsync(e => e.EntityId == variant.Id.ToString("D")));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SetStock_Count_SetsAndRecordsBeforeAndAfter(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 14.95m, stock: 12);
        await using var db = ShopTestData.Context(database);

        var result = await new CatalogAdminStore(db, database.Clock).SetStockAsync(variant.Id, 9, "stock count", ShopTestData.Owner);

        Assert.Equal(ShopOutcome.Saved, result.Outcome);
        Assert.Equal(9, (await ShopTestData.VariantAsync(database, variant.Id)).Stock);
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityId == variant.Id.ToString("D"));
        Assert.EndsWith("Stock 12 → 9 (stock count)", audit.Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveProduct_SlugOfAnotherProduct_IsAFieldErrorAndSavesNothing(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var slug = $"cream-{Guid.NewGuid():N}";
        var draft = new ProductDraft(slug, "Copper cream", null, null, null, null, null, IsPublished: false);
        await using var db = ShopTestData.Context(database);
        var store = new CatalogAdminStore(db, database.Clock);

        var first = await store.SaveProductAsync(null, draft, ShopTestData.Owner);
        var second = await store.SaveProductAsync(null, draft with { Name = "Another cream" }, ShopTestData.Owner);

        Assert.Equal(ShopOutcome.Saved, first.Outcome);
        Assert.Equal(ShopOutcome.Invalid, second.Outcome);
        Assert.NotEmpty(second.Errors.For(ProductRules.SlugField));
        Assert.Equal(1, await db.Products.CountAsync(p => p.Slug == slug));
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityId == first.Value!.Id.ToString("D"));
        Assert.Equal("product.create", audit.Action);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveVariant_NewPrice_IsRecordedAsBeforeAndAfter(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 14.95m, stock: 5);
        await using var db = ShopTestData.Context(database);

        var result = await new CatalogAdminStore(db, database.Clock).SaveVariantAsync(variant.ProductId, variant.Id,
            new VariantDraft(variant.Sku, variant.Name, 15.95m, 5, IsActive: true, Position: 0), ShopTestData.Owner);

        Assert.Equal(ShopOutcome.Saved, result.Outcome);
        Assert.Equal(15.95m, (await ShopTestData.VariantAsync(database, variant.Id)).Price);
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityId == variant.Id.ToString("D"));
        Assert.Contains("Price 14.95 → 15.95", audit.Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CartAdd_MoreThanInStock_IsCappedWithAMessage(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var variant = await ShopTestData.NewVariantAsync(database, 14.95m, stock: 3);
        await using var db = ShopTestData.Context(database);
        var carts = new CartStore(db, database.Clock);

        var first = await carts.AddAsync(null, null, variant.Id, 2, ShopTestData.Rules);
        var second = await carts.AddAsync(first.Cart.Id, null, variant.Id, 2, ShopTestData.Rules);
        var view = await carts.ViewAsync(await carts.FindAsync(first.Cart.Id), ShopTestData.Rules);

        Assert.Null(first.Message);
        Assert.Equal(first.Cart.Id, second.Cart.Id);
        Assert.Equal("Only 3 of WBC Copper Cream, 50 ml tube left: your cart holds 3.", second.Message);
        var line = Assert.Single(view.Lines);
        Assert.Equal(3, line.Quantity);
        Assert.Equal(44.85m, line.LineTotal);
        Assert.Equal(3, view.ItemCount);
        Assert.False(line.PriceChanged);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CartMerge_GuestCartIntoUsersCart_SumsQuantitiesAndDeletesTheGuestCart(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var user = await database.NewRunnerAsync();
        var variant = await ShopTestData.NewVariantAsync(database, 14.95m, stock: 20);
        await using var db = ShopTestData.Context(database);
        var carts = new CartStore(db, database.Clock);
        var users = await carts.AddAsync(null, user, variant.Id, 2, ShopTestData.Rules);
        var guest = await carts.AddAsync(null, null, variant.Id, 3, ShopTestData.Rules);

        var merged = await carts.MergeIntoUserAsync(guest.Cart.Id, user, ShopTestData.Rules);

        Assert.Equal(users.Cart.Id, merged!.Id);
        Assert.Equal(5, Assert.Single(merged!.Lines).Quantity);
        Assert.Null(await carts.FindAsync(guest.Cart.Id));
        Assert.Equal(merged.Id, (await carts.FindForUserAsync(user))!.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Published_Search_IgnoresCaseAndHidesUnpublishedProducts(DatabaseProvider provider)
    {
        var database = databases.For(provider);
        var marker = $"Marker{Guid.NewGuid():N}";
        var shown = await ShopTestData.NewVariantAsync(database, 14.95m, stock: 5, productName: $"{marker} cream");
        var hidden = await ShopTestData.NewVariantAsync(database, 14.95m, stock: 5, productName: $"{marker} balm");
        await using var db = ShopTestData.Context(database);
        await db.Products.Where(p => p.Id == hidden.ProductId).ExecuteUpdateAsync(set => set.SetProperty(p => p.IsPublished, false));

        var found = await new CatalogStore(db).PublishedAsync(marker.ToUpperInvariant());

        var product = Assert.Single(found);
        Assert.Equal(shown.ProductId, product.Id);
        Assert.Equal(shown.Id, Assert.Single(product.Variants).Id);
    }

    [Fact]
    public async Task Seeder_RunTwice_SeedsTheSampleCatalogOnce()
    {
        // A database of its own: the seeder only seeds a shop without any product.
        var database = await TestDatabase.CreateSqliteAsync();
        try
        {
            await using (var db = database.Context(owner: null))
            {
                await ShopSeeder.SeedSampleCatalogIfEmptyAsync(db, database.Clock);
            }
            await using (var db = database.Context(owner: null))
            {
                await ShopSeeder.SeedSampleCatalogIfEmptyAsync(db, database.Clock);
            }

            await using var check = database.Context(owner: null);
            var products = await new CatalogStore(check).PublishedAsync(null);
            Assert.Equal(SampleCatalog.Products.Count, products.Count);
            Assert.All(products, p => Assert.True(p.IsSample));
            var cream = await new CatalogStore(check).SampleCreamAsync();
            Assert.Equal(SampleCatalog.Products[0].Slug, cream!.Slug);
            var firstVariant = SampleCatalog.Products[0].Variants[0];
            var seeded = await check.ProductVariants.AsNoTracking().SingleAsync(v => v.Sku == firstVariant.Sku);
            Assert.Equal(firstVariant.Price, seeded.Price);
            Assert.Equal(firstVariant.Stock, seeded.Stock);
        }
        finally
        {
            database.DeleteFiles();
        }
    }
}
