using Backstride.Core.Shop;
using Backstride.Core.Validation;
using Backstride.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Shop;

/// <summary>
/// The owner's catalog: products, variants, images and stock. Every change is saved together with its audit entry.
/// Stock only moves by conditional updates, so an adjustment racing a checkout can never take it below zero or lose a sale.
/// </summary>
// Every change here shows in the shop at once on this instance (the snapshot is dropped), within 2 s on others.
public sealed class CatalogAdminStore(BackstrideDbContext db, TimeProvider clock, CatalogSnapshot? snapshot = null)
{
    public const string ChangeField = "Change";
    public const string StockField = "Stock";
    public const string ReasonField = "Reason";
    public const string FileNameField = "FileName";
    public const string ContentTypeField = "ContentType";
    public const string AltTextField = "AltText";

    public const int MaxStock = 1_000_000;
    public const int MaxReasonLength = 200;
    public const int MaxAltTextLength = ShopColumns.AltTextLength;

    private const int MaxFileNameLength = ShopColumns.FileNameLength;
    private const int MaxContentTypeLength = ShopColumns.ContentTypeLength;

    // A set of stock racing with checkouts tries again this often before telling the owner.
    private const int SetStockAttempts = 3;

    public async Task<List<Product>> AllAsync(CancellationToken ct = default) =>
        (await WithVariantsAndImages().ToListAsync(ct))
            .OrderBy(p => p.NormalizedName, StringComparer.Ordinal).ThenBy(p => p.Id).ToList();

    public Task<Product?> FindAsync(Guid id, CancellationToken ct = default) =>
        WithVariantsAndImages().FirstOrDefaultAsync(p => p.Id == id, ct);

    public async Task<ShopResult<Product>> SaveProductAsync(Guid? id, ProductDraft draft, AdminActor actor,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        var errors = ProductRules.Validate(draft);
        if (!errors.IsValid)
        {
            return ShopResult<Product>.Invalid(errors);
        }
        Product? product = null;
        if (id is { } existingId)
        {
            product = await db.Products.FirstOrDefaultAsync(p => p.Id == existingId, ct);
            if (product is null)
            {
                return ShopResult<Product>.NotFound();
            }
        }
        var slug = draft.Slug!.Trim();
        var selfId = product?.Id ?? Guid.Empty;
        if (await SlugTakenAsync(slug, selfId, ct))
        {
            return ShopResult<Product>.Invalid(SlugTaken());
        }

        var now = clock.GetUtcNow();
        var before = product is null ? null : ProductFields.Of(product);
        if (product is null)
        {
            product = new Product
            {
                Slug = slug, Name = "", NormalizedName = "", Summary = "", Description = "", Ingredients = "", Directions = "",
                SafetyText = "", CreatedAt = now,
            };
            db.Products.Add(product);
        }
        draft.ApplyTo(product);
        // Saved by the owner, the product is theirs now, no longer the sample that came with the shop.
        product.IsSample = false;
        product.UpdatedAt = now;
        var after = ProductFields.Of(product);
        AuditLog.Record(db, actor, now, before is null ? "product.create" : "product.update", "Product", product.Id,
            before is null
                ? $"Created product {after.Name} at /shop/{after.Slug}, {Visibility(after.IsPublished)}."
                : $"{after.Name}: {ProductFields.Changes(before, after)}");
        try
        {
            await db.SaveChangesAsync(ct);
            snapshot?.Invalidate();
        }
        catch (DbUpdateException)
        {
            // Another admin saved the same address a moment earlier: the unique index refused ours.
            db.ChangeTracker.Clear();
            if (!await SlugTakenAsync(slug, selfId, ct))
            {
                throw;
            }
            return ShopResult<Product>.Invalid(SlugTaken());
        }
        return ShopResult<Product>.Saved(product);
    }

    public async Task<ShopResult<ProductVariant>> SaveVariantAsync(Guid productId, Guid? variantId, VariantDraft draft,
        AdminActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        var errors = VariantRules.Validate(draft);
        if (!errors.IsValid)
        {
            return ShopResult<ProductVariant>.Invalid(errors);
        }
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null)
        {
            return ShopResult<ProductVariant>.NotFound();
        }
        ProductVariant? variant = null;
        if (variantId is { } existingId)
        {
            variant = await db.ProductVariants.FirstOrDefaultAsync(v => v.Id == existingId && v.ProductId == productId, ct);
            if (variant is null)
            {
                return ShopResult<ProductVariant>.NotFound();
            }
        }
        var sku = draft.Sku!.Trim();
        var selfId = variant?.Id ?? Guid.Empty;
        if (await SkuTakenAsync(sku, selfId, ct))
        {
            return ShopResult<ProductVariant>.Invalid(SkuTaken());
        }

        var now = clock.GetUtcNow();
        var before = variant is null ? null : VariantFields.Of(variant);
        if (variant is null)
        {
            variant = new ProductVariant { ProductId = productId, Sku = sku, Name = "", Stock = 0 };
            db.ProductVariants.Add(variant);
        }
        draft.ApplyTo(variant);
        product.UpdatedAt = now;
        var after = VariantFields.Of(variant);
        AuditLog.Record(db, actor, now, before is null ? "variant.create" : "variant.update", "ProductVariant", variant.Id,
            before is null
                ? $"Added {ShopText.LineName(product.Name, after.Name)} ({after.Sku}) at {ShopText.Money(after.Price)}, " +
                    $"{(after.IsActive ? "on sale" : "not on sale")}, stock 0."
                : $"{ShopText.LineName(product.Name, after.Name)}: {VariantFields.Changes(before, after)}");
        try
        {
            await db.SaveChangesAsync(ct);
            snapshot?.Invalidate();
        }
        catch (DbUpdateException)
        {
            // Another admin saved the same SKU a moment earlier: the unique index refused ours.
            db.ChangeTracker.Clear();
            if (!await SkuTakenAsync(sku, selfId, ct))
            {
                throw;
            }
            return ShopResult<ProductVariant>.Invalid(SkuTaken());
        }
        return ShopResult<ProductVariant>.Saved(variant);
    }

    /// <summary>Adds to or takes from the stock (a delivery, a breakage) with the reason; never below zero.</summary>
    public async Task<ShopResult<ProductVariant>> AdjustStockAsync(Guid variantId, int change, string? reason, AdminActor actor,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var errors = new ValidationErrors();
        if (change == 0)
        {
            errors.Add(ChangeField, "Enter how many to add (e.g. 20) or take away (e.g. -3).");
        }
        else if (change is < -MaxStock or > MaxStock)
        {
            errors.Add(ChangeField, $"Enter a change of at most {ShopText.Count(MaxStock)} either way.");
        }
        var why = CheckReason(reason, errors);
        if (!errors.IsValid)
        {
            return ShopResult<ProductVariant>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Relative and conditional, so units a checkout takes meanwhile are never overwritten.
        var changed = await db.ProductVariants
            .Where(v => v.Id == variantId && v.Stock + change >= 0 && v.Stock + change <= MaxStock)
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.Stock, v => v.Stock + change), ct);
        if (changed == 0)
        {
            await transaction.RollbackAsync(ct);
            var current = await db.ProductVariants.AsNoTracking().FirstOrDefaultAsync(v => v.Id == variantId, ct);
            return current is null
                ? ShopResult<ProductVariant>.NotFound()
                : ShopResult<ProductVariant>.Refused(change < 0
                    ? $"Stock cannot go below 0: there are {ShopText.Count(current.Stock)} in stock."
                    : $"Stock cannot go above {ShopText.Count(MaxStock)}.");
        }
        // Read after the write, inside the transaction: the number this adjustment produced.
        var variant = await db.ProductVariants.AsNoTracking().Include(v => v.Product).FirstAsync(v => v.Id == variantId, ct);
        AuditLog.Record(db, actor, now, "stock.adjust", "ProductVariant", variant.Id,
            $"{Name(variant)}: Stock {ShopText.Count(variant.Stock - change)} → {ShopText.Count(variant.Stock)} ({why})");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        snapshot?.Invalidate();
        return ShopResult<ProductVariant>.Saved(variant);
    }

    /// <summary>Sets the stock to a counted number, with the reason (e.g. "stock count").</summary>
    public async Task<ShopResult<ProductVariant>> SetStockAsync(Guid variantId, int stock, string? reason, AdminActor actor,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var errors = new ValidationErrors();
        if (stock is < 0 or > MaxStock)
        {
            errors.Add(StockField, $"Enter a stock from 0 to {ShopText.Count(MaxStock)}.");
        }
        var why = CheckReason(reason, errors);
        if (!errors.IsValid)
        {
            return ShopResult<ProductVariant>.Invalid(errors);
        }

        for (var attempt = 0; attempt < SetStockAttempts; attempt++)
        {
            var variant = await db.ProductVariants.AsNoTracking().Include(v => v.Product)
                .FirstOrDefaultAsync(v => v.Id == variantId, ct);
            if (variant is null)
            {
                return ShopResult<ProductVariant>.NotFound();
            }
            var before = variant.Stock;
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Compare-and-set: if an order took stock since it was read, the audit's "before" would be wrong; read again.
            var updated = await db.ProductVariants.Where(v => v.Id == variantId && v.Stock == before)
                .ExecuteUpdateAsync(setter => setter.SetProperty(v => v.Stock, stock), ct);
            if (updated == 0)
            {
                await transaction.RollbackAsync(ct);
                continue;
            }
            variant.Stock = stock;
            AuditLog.Record(db, actor, now, "stock.set", "ProductVariant", variant.Id,
                $"{Name(variant)}: Stock {ShopText.Count(before)} → {ShopText.Count(stock)} ({why})");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            snapshot?.Invalidate();
            return ShopResult<ProductVariant>.Saved(variant);
        }
        return ShopResult<ProductVariant>.Refused("Orders are taking this stock right now. Try again in a moment.");
    }

    public async Task<ShopResult<ProductImage>> AddImageAsync(Guid productId, string fileName, string contentType, string altText,
        AdminActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > MaxFileNameLength)
        {
            errors.Add(FileNameField, "The image file has no usable name.");
        }
        if (string.IsNullOrWhiteSpace(contentType) || contentType.Length > MaxContentTypeLength)
        {
            errors.Add(ContentTypeField, "The image file has no usable type.");
        }
        var alt = altText?.Trim();
        if (string.IsNullOrEmpty(alt))
        {
            errors.Add(AltTextField, "Describe the picture for people who cannot see it, e.g. \"50 ml tube, front\".");
        }
        else if (alt.Length > MaxAltTextLength || alt.Any(char.IsControl))
        {
            errors.Add(AltTextField, $"Describe the picture on one line, up to {ShopText.Count(MaxAltTextLength)} characters.");
        }
        if (!errors.IsValid)
        {
            return ShopResult<ProductImage>.Invalid(errors);
        }
        var product = await db.Products.Include(p => p.Images).FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null)
        {
            return ShopResult<ProductImage>.NotFound();
        }
        var now = clock.GetUtcNow();
        var image = new ProductImage
        {
            ProductId = productId,
            FileName = fileName,
            ContentType = contentType,
            AltText = alt!,
            Position = product.Images.Count == 0 ? 0 : product.Images.Max(i => i.Position) + 1,
        };
        product.Images.Add(image);
        db.ProductImages.Add(image);
        product.UpdatedAt = now;
        AuditLog.Record(db, actor, now, "image.add", "Product", product.Id, $"{product.Name}: image added ({alt}).");
        await db.SaveChangesAsync(ct);
        snapshot?.Invalidate();
        return ShopResult<ProductImage>.Saved(image);
    }

    public async Task<bool> RemoveImageAsync(Guid imageId, AdminActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var image = await db.ProductImages.FirstOrDefaultAsync(i => i.Id == imageId, ct);
        if (image is null)
        {
            return false;
        }
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == image.ProductId, ct);
        var now = clock.GetUtcNow();
        db.ProductImages.Remove(image);
        if (product is not null)
        {
            product.UpdatedAt = now;
        }
        AuditLog.Record(db, actor, now, "image.remove", "Product", image.ProductId,
            $"{product?.Name ?? "Product"}: image removed ({image.AltText}).");
        await db.SaveChangesAsync(ct);
        snapshot?.Invalidate();
        return true;
    }

    /// <summary>Variants on sale at or below their low-stock threshold, emptiest first.</summary>
    public async Task<List<ProductVariant>> LowStockAsync(CancellationToken ct = default) =>
        (await db.ProductVariants.AsNoTracking().Include(v => v.Product)
            .Where(v => v.IsActive && v.Stock <= v.LowStockThreshold)
            .ToListAsync(ct))
        .OrderBy(v => v.Stock)
        .ThenBy(v => v.Product?.NormalizedName ?? "", StringComparer.Ordinal)
        .ThenBy(v => v.Position)
        .ThenBy(v => v.Id)
        .ToList();

    private IQueryable<Product> WithVariantsAndImages() =>
        db.Products.AsNoTracking().AsSplitQuery()
            .Include(p => p.Variants.OrderBy(v => v.Position).ThenBy(v => v.Id))
            .Include(p => p.Images.OrderBy(i => i.Position).ThenBy(i => i.Id));

    private static string? CheckReason(string? reason, ValidationErrors errors)
    {
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why))
        {
            errors.Add(ReasonField, "Say why the stock changes, e.g. delivery from supplier.");
        }
        else if (why.Length > MaxReasonLength || why.Any(char.IsControl))
        {
            errors.Add(ReasonField, $"Give the reason on one line, up to {ShopText.Count(MaxReasonLength)} characters.");
        }
        return why;
    }

    private static string Name(ProductVariant variant) =>
        $"{ShopText.LineName(variant.Product?.Name ?? "", variant.Name)} ({variant.Sku})";

    private static string Visibility(bool published) => published ? "published" : "hidden";

    private Task<bool> SlugTakenAsync(string slug, Guid selfId, CancellationToken ct) =>
        db.Products.AnyAsync(p => p.Slug == slug && p.Id != selfId, ct);

    private Task<bool> SkuTakenAsync(string sku, Guid selfId, CancellationToken ct) =>
        db.ProductVariants.AnyAsync(v => v.Sku == sku && v.Id != selfId, ct);

    private static ValidationErrors SlugTaken()
    {
        var errors = new ValidationErrors();
        errors.Add(ProductRules.SlugField, "Another product already has this web address; choose another.");
        return errors;
    }

    private static ValidationErrors SkuTaken()
    {
        var errors = new ValidationErrors();
        errors.Add(VariantRules.SkuField, "Another variant already has this SKU.");
        return errors;
    }

    private sealed record ProductFields(string Slug, string Name, string Summary, string Description, string Ingredients,
        string Directions, string SafetyText, bool IsPublished)
    {
        public static ProductFields Of(Product p) =>
            new(p.Slug, p.Name, p.Summary, p.Description, p.Ingredients, p.Directions, p.SafetyText, p.IsPublished);

        /// <summary>"Name 'A' → 'B'; description changed; hidden → published", or "no changes".</summary>
        public static string Changes(ProductFields before, ProductFields after)
        {
            var changes = new List<string>();
            if (before.Slug != after.Slug)
            {
                changes.Add($"address /shop/{before.Slug} → /shop/{after.Slug}");
            }
            if (before.Name != after.Name)
            {
                changes.Add($"name '{before.Name}' → '{after.Name}'");
            }
            Text(changes, "summary", before.Summary, after.Summary);
            Text(changes, "description", before.Description, after.Description);
            Text(changes, "ingredients", before.Ingredients, after.Ingredients);
            Text(changes, "directions", before.Directions, after.Directions);
            Text(changes, "safety text", before.SafetyText, after.SafetyText);
            if (before.IsPublished != after.IsPublished)
            {
                changes.Add($"{Visibility(before.IsPublished)} → {Visibility(after.IsPublished)}");
            }
            return changes.Count == 0 ? "saved with no changes." : string.Join("; ", changes) + ".";
        }

        private static void Text(List<string> changes, string what, string before, string after)
        {
            if (before != after)
            {
                changes.Add($"{what} changed");
            }
        }
    }

    private sealed record VariantFields(string Sku, string Name, decimal Price, int LowStockThreshold, bool IsActive, int Position)
    {
        public static VariantFields Of(ProductVariant v) => new(v.Sku, v.Name, v.Price, v.LowStockThreshold, v.IsActive, v.Position);

        public static string Changes(VariantFields before, VariantFields after)
        {
            var changes = new List<string>();
            if (before.Sku != after.Sku)
            {
                changes.Add($"SKU {before.Sku} → {after.Sku}");
            }
            if (before.Name != after.Name)
            {
                changes.Add($"name '{before.Name}' → '{after.Name}'");
            }
            if (before.Price != after.Price)
            {
                changes.Add($"Price {ShopText.Money(before.Price)} → {ShopText.Money(after.Price)}");
            }
            if (before.LowStockThreshold != after.LowStockThreshold)
            {
                changes.Add($"low-stock level {ShopText.Count(before.LowStockThreshold)} → {ShopText.Count(after.LowStockThreshold)}");
            }
            if (before.IsActive != after.IsActive)
            {
                changes.Add(after.IsActive ? "back on sale" : "taken off sale");
            }
            if (before.Position != after.Position)
            {
                changes.Add($"position {ShopText.Count(before.Position)} → {ShopText.Count(after.Position)}");
            }
            return changes.Count == 0 ? "saved with no changes." : string.Join("; ", changes) + ".";
        }
    }
}
