namespace Backstride.Core.Shop;

/// <summary>A WBC product as the shop shows it; what is bought is one of its variants (a size).</summary>
public sealed class Product
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The product's address: /shop/{slug}. Lower-case letters, digits and hyphens.</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }

    /// <summary>Upper-cased invariant name, for search that behaves the same on every database.</summary>
    public required string NormalizedName { get; set; }

    public required string Summary { get; set; }

    public required string Description { get; set; }

    public required string Ingredients { get; set; }

    public required string Directions { get; set; }

    public required string SafetyText { get; set; }

    /// <summary>Hidden products are not listed or sold; the owner prepares them before publishing.</summary>
    public bool IsPublished { get; set; }

    /// <summary>Part of the sample catalog a fresh install seeds; shown as sample data until the owner replaces it.</summary>
    public bool IsSample { get; set; }

    public List<ProductVariant> Variants { get; set; } = [];

    public List<ProductImage> Images { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A size of a product, with its own price and stock.</summary>
public sealed class ProductVariant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProductId { get; set; }

    public Product? Product { get; set; }

    public required string Sku { get; set; }

    /// <summary>What tells the sizes apart, e.g. "50 ml tube".</summary>
    public required string Name { get; set; }

    /// <summary>Price in the shop's one currency, with two decimals.</summary>
    public decimal Price { get; set; }

    /// <summary>Units on hand. Only ever decremented by a conditional update that keeps it at or above zero.</summary>
    public int Stock { get; set; }

    /// <summary>At or below this the variant is on the low-stock list and the owner gets an e-mail.</summary>
    public int LowStockThreshold { get; set; } = 5;

    public int Position { get; set; }

    public bool IsActive { get; set; } = true;
}

public sealed class ProductImage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProductId { get; set; }

    /// <summary>The stored file's name in the data folder's shop-images directory (never a name a user typed).</summary>
    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required string AltText { get; set; }

    public int Position { get; set; }
}

/// <summary>How many are left, as the shop says it: in stock, only N left, out of stock.</summary>
public enum StockLevel
{
    InStock,
    Low,
    OutOfStock,
}

public static class StockText
{
    /// <summary>"Only N left" is shown at or below this, whatever the owner's reorder threshold.</summary>
    public const int FewLeft = 5;

    public static StockLevel Level(int stock) => stock <= 0 ? StockLevel.OutOfStock : stock <= FewLeft ? StockLevel.Low : StockLevel.InStock;

    public static string Describe(int stock) => Level(stock) switch
    {
        StockLevel.OutOfStock => "Out of stock",
        StockLevel.Low => stock == 1 ? "Only 1 left" : $"Only {stock.ToString(System.Globalization.CultureInfo.InvariantCulture)} left",
        _ => "In stock",
    };
}
