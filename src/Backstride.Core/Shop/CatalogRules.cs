using System.Globalization;
using System.Text.RegularExpressions;
using Backstride.Core.Validation;

namespace Backstride.Core.Shop;

/// <summary>What the owner typed for a product, before the rules have passed it.</summary>
public sealed record ProductDraft(
    string? Slug,
    string? Name,
    string? Summary,
    string? Description,
    string? Ingredients,
    string? Directions,
    string? SafetyText,
    bool IsPublished)
{
    /// <summary>Copies a draft that passed <see cref="ProductRules.Validate"/>; the caller sets the dates and IsSample.</summary>
    public void ApplyTo(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        product.Slug = Slug!.Trim();
        product.Name = Name!.Trim();
        product.NormalizedName = product.Name.ToUpperInvariant();
        product.Summary = Summary?.Trim() ?? "";
        product.Description = Description?.Trim() ?? "";
        product.Ingredients = Ingredients?.Trim() ?? "";
        product.Directions = Directions?.Trim() ?? "";
        product.SafetyText = SafetyText?.Trim() ?? "";
        product.IsPublished = IsPublished;
    }
}

/// <summary>
/// What a product must hold to be saved. A hidden product may be saved half written while the owner prepares it;
/// a published one needs every text, the safety text above all.
/// </summary>
public static partial class ProductRules
{
    public const string SlugField = "Slug";
    public const string NameField = "Name";
    public const string SummaryField = "Summary";
    public const string DescriptionField = "Description";
    public const string IngredientsField = "Ingredients";
    public const string DirectionsField = "Directions";
    public const string SafetyTextField = "SafetyText";

    public const int MaxSlugLength = 80;
    public const int MaxNameLength = 120;
    public const int MaxTextLength = 4_000;

    /// <summary>Addresses under /shop/ taken by the shop's own pages: a product there could never be reached.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string>(StringComparer.Ordinal)
    {
        "cart", "checkout", "terms", "my-orders", "order-status", "orders", "images",
    };

    public static ValidationErrors Validate(ProductDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new ValidationErrors();

        var slug = draft.Slug?.Trim();
        if (string.IsNullOrEmpty(slug))
        {
            errors.Add(SlugField, "Enter the product's web address, e.g. copper-back-cream.");
        }
        else if (slug.Length > MaxSlugLength)
        {
            errors.Add(SlugField, string.Create(CultureInfo.InvariantCulture,
                $"Keep the web address to {MaxSlugLength} characters."));
        }
        else if (!SlugPattern().IsMatch(slug))
        {
            errors.Add(SlugField, "Use lower-case letters and digits, with single hyphens between words, e.g. copper-back-cream.");
        }
        else if (ReservedSlugs.Contains(slug))
        {
            errors.Add(SlugField, $"\"{slug}\" is the address of one of the shop's own pages; choose another.");
        }

        var name = draft.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(NameField, "Enter the product's name.");
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(NameField, string.Create(CultureInfo.InvariantCulture,
                $"Keep the name to {MaxNameLength} characters."));
        }
        else if (name.Any(char.IsControl))
        {
            errors.Add(NameField, "The name must fit on one line.");
        }

        Text(errors, draft.IsPublished, SummaryField, draft.Summary, "the summary");
        Text(errors, draft.IsPublished, DescriptionField, draft.Description, "the description");
        Text(errors, draft.IsPublished, IngredientsField, draft.Ingredients, "the ingredients");
        Text(errors, draft.IsPublished, DirectionsField, draft.Directions, "the directions");
        Text(errors, draft.IsPublished, SafetyTextField, draft.SafetyText, "the safety text");

        return errors;
    }

    private static void Text(ValidationErrors errors, bool published, string field, string? value, string what)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (published)
            {
                errors.Add(field, string.Create(CultureInfo.InvariantCulture,
                    $"A published product needs {what}. Fill it in, or keep the product hidden for now."));
            }
        }
        else if (trimmed.Length > MaxTextLength)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture,
                $"Keep {what} to {MaxTextLength:N0} characters; this has {trimmed.Length:N0}."));
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}

/// <summary>What the owner typed for a variant (a size). Stock is not here: it changes only through a stock adjustment with a reason.</summary>
public sealed record VariantDraft(
    string? Sku,
    string? Name,
    decimal? Price,
    int? LowStockThreshold,
    bool IsActive,
    int Position)
{
    /// <summary>Copies a draft that passed <see cref="VariantRules.Validate"/>; leaves Stock and ProductId alone.</summary>
    public void ApplyTo(ProductVariant variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        variant.Sku = Sku!.Trim();
        variant.Name = Name!.Trim();
        variant.Price = Price!.Value;
        variant.LowStockThreshold = LowStockThreshold ?? VariantRules.DefaultLowStockThreshold;
        variant.IsActive = IsActive;
        variant.Position = Position;
    }
}

public static class VariantRules
{
    public const string SkuField = "Sku";
    public const string NameField = "Name";
    public const string PriceField = "Price";
    public const string LowStockThresholdField = "LowStockThreshold";
    public const string PositionField = "Position";

    public const int MaxSkuLength = 40;
    public const int MaxNameLength = 80;
    public const decimal MinPrice = 0.01m;
    public const decimal MaxPrice = 10_000m;
    public const int MaxLowStockThreshold = 10_000;
    public const int DefaultLowStockThreshold = 5;
    public const int MaxPosition = 1_000;

    public static ValidationErrors Validate(VariantDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new ValidationErrors();

        var sku = draft.Sku?.Trim();
        if (string.IsNullOrEmpty(sku))
        {
            errors.Add(SkuField, "Enter the SKU (the stock-keeping code on the box).");
        }
        else if (sku.Length > MaxSkuLength)
        {
            errors.Add(SkuField, string.Create(CultureInfo.InvariantCulture,
                $"Keep the SKU to {MaxSkuLength} characters."));
        }
        else if (sku.Any(char.IsControl))
        {
            errors.Add(SkuField, "The SKU must fit on one line.");
        }

        var name = draft.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(NameField, "Enter what tells this size apart, e.g. 50 ml tube.");
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(NameField, string.Create(CultureInfo.InvariantCulture,
                $"Keep the size name to {MaxNameLength} characters."));
        }
        else if (name.Any(char.IsControl))
        {
            errors.Add(NameField, "The size name must fit on one line.");
        }

        if (draft.Price is not { } price)
        {
            errors.Add(PriceField, "Enter the price.");
        }
        else if (price < MinPrice || price > MaxPrice || !OrderPricing.IsWholeCents(price))
        {
            errors.Add(PriceField, "Enter a price from 0.01 to 10,000, with at most two decimals.");
        }

        if (draft.LowStockThreshold is < 0 or > MaxLowStockThreshold)
        {
            errors.Add(LowStockThresholdField, "Enter a low-stock level from 0 to 10,000.");
        }

        if (draft.Position is < 0 or > MaxPosition)
        {
            errors.Add(PositionField, "Enter a position from 0 to 1,000.");
        }

        return errors;
    }
}
