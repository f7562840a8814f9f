using Backstride.Core.Shop;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Shop;

/// <summary>What customers see of the catalog: published products, their active variants and their images.</summary>
public sealed class CatalogStore(BackstrideDbContext db, CatalogSnapshot? snapshot = null)
{
    public const int MaxSearchLength = 100;

    /// <summary>
    /// Published products by name. A small shop has a handful of products, so the search runs here rather than in SQL:
    /// it then ignores case the same way on every database, whatever its collation.
    /// </summary>
    public async Task<List<Product>> PublishedAsync(string? search, CancellationToken ct = default)
    {
        IEnumerable<Product> products = await PublishedProductsAsync(ct);
        var text = search?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            string wanted = text.Length > MaxSearchLength ? text[..MaxSearchLength] : text;
            products = products.Where(p => Matches(p.Name, wanted) || Matches(p.Summary, wanted) || Matches(p.Ingredients, wanted));
        }
        return products.OrderBy(p => p.NormalizedName, StringComparer.Ordinal).ThenBy(p => p.Id).ToList();
    }

    public async Task<Product?> PublishedBySlugAsync(string slug, CancellationToken ct = default)
    {
        var wanted = slug.Trim().ToLowerInvariant();
        return (await PublishedProductsAsync(ct)).FirstOrDefault(p => p.Slug == wanted);
    }

    private async Task<IReadOnlyList<Product>> PublishedProductsAsync(CancellationToken ct) => snapshot is null
        ? await Published().ToListAsync(ct)
        : await snapshot.GetAsync(token => Published().ToListAsync(token), ct);

    /// <summary>The product the plan's cream step links to: the first published one (the sample cream on a fresh install).</summary>
    public async Task<Product?> SampleCreamAsync(CancellationToken ct = default) =>
        (await db.Products.AsNoTracking().Where(p => p.IsPublished).ToListAsync(ct))
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.NormalizedName, StringComparer.Ordinal).ThenBy(p => p.Id)
            .FirstOrDefault();

    private IQueryable<Product> Published() =>
        db.Products.AsNoTracking().AsSplitQuery()
            .Include(p => p.Variants.Where(v => v.IsActive).OrderBy(v => v.Position).ThenBy(v => v.Id))
            .Include(p => p.Images.OrderBy(i => i.Position).ThenBy(i => i.Id))
            .Where(p => p.IsPublished);

    private static bool Matches(string field, string text) => field.Contains(text, StringComparison.OrdinalIgnoreCase);
}
