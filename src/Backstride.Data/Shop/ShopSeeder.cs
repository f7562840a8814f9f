using Backstride.Core.Shop;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Shop;

/// <summary>A fresh install's shop: the sample catalog, marked as sample, for the owner to edit or replace.</summary>
public static class ShopSeeder
{
    /// <summary>Seeds the sample catalog when the shop has no products at all; run at start-up after the migrations.</summary>
    public static async Task SeedSampleCatalogIfEmptyAsync(BackstrideDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        // Any product, even a hidden one, means the owner has started: the samples never come back once removed.
        if (await db.Products.AnyAsync(ct))
        {
            return;
        }
        var now = clock.GetUtcNow();
        foreach (var sample in SampleCatalog.Products)
        {
            var product = new Product
            {
                Slug = sample.Slug,
                Name = sample.Name,
                NormalizedName = sample.Name.ToUpperInvariant(),
                Summary = sample.Summary,
                Description = sample.Description,
                Ingredients = sample.Ingredients,
                Directions = sample.Directions,
                SafetyText = sample.SafetyText,
                IsPublished = true,
                IsSample = true,
                CreatedAt = now,
                UpdatedAt = now,
            };
            for (var position = 0; position < sample.Variants.Count; position++)
            {
                var variant = sample.Variants[position];
                product.Variants.Add(new ProductVariant
                {
                    ProductId = product.Id,
                    Sku = variant.Sku,
                    Name = variant.Name,
                    Price = variant.Price,
                    Stock = variant.Stock,
                    LowStockThreshold = VariantRules.DefaultLowStockThreshold,
                    Position = position,
                    IsActive = true,
                });
            }
            db.Products.Add(product);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Several instances starting together: another one seeded first (the unique slugs refused ours).
            db.ChangeTracker.Clear();
            if (!await db.Products.AnyAsync(ct))
            {
                throw;
            }
        }
    }
}
