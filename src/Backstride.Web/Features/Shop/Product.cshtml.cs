using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Shop;

[AllowAnonymous]
public sealed class ShopProductModel(CatalogStore catalog, CurrentCart cart) : PageModel
{
    public const string VariantField = "VariantId";
    public const string QuantityField = "Quantity";

    [BindProperty]
    public Guid? VariantId { get; set; }

    [BindProperty]
    public int? Quantity { get; set; } = 1;

    public Product Product { get; private set; } = null!;

    public string Currency => cart.Rules.Currency;

    /// <summary>The sizes on sale, in the owner's order.</summary>
    public IReadOnlyList<ProductVariant> Variants { get; private set; } = [];

    /// <summary>The most of one size that can be chosen: what is left, and never above the per-order limit.</summary>
    public int MaxQuantity(ProductVariant variant) => Math.Min(variant.Stock, cart.Rules.MaxPerLine);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        VariantId = Variants.FirstOrDefault(v => v.Stock > 0)?.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        // Only ids of this product's sizes on sale count: anything else was not on the page.
        var variant = Variants.FirstOrDefault(v => v.Id == VariantId);
        if (variant is null)
        {
            ModelState.Remove(VariantField);
            ModelState.AddModelError(VariantField, "Choose one of the sizes shown.");
        }
        else if (variant.Stock <= 0)
        {
            ModelState.AddModelError(VariantField, $"{variant.Name} is sold out. Choose another size.");
        }
        else if (Quantity is not { } quantity || quantity < 1)
        {
            ModelState.Remove(QuantityField);
            ModelState.AddModelError(QuantityField, $"Choose how many, from 1 to {ShopText.Number(MaxQuantity(variant))}.");
        }
        else if (quantity > variant.Stock)
        {
            ModelState.AddModelError(QuantityField,
                $"Only {ShopText.Number(variant.Stock)} left of {variant.Name}. Choose {ShopText.Number(MaxQuantity(variant))} or fewer.");
        }
        else if (quantity > cart.Rules.MaxPerLine)
        {
            ModelState.AddModelError(QuantityField, $"At most {ShopText.Number(cart.Rules.MaxPerLine)} of one size per order.");
        }
        if (!ModelState.IsValid || variant is null || Quantity is not { } wanted)
        {
            return Page();
        }

        var change = await cart.AddAsync(HttpContext, variant.Id, wanted, cancellationToken);
        TempData["Notice"] = change.Message ?? $"Added to your cart: {ShopText.Number(wanted)} × {Product.Name}, {variant.Name}.";
        return Redirect("/shop/cart");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await catalog.PublishedBySlugAsync(slug, cancellationToken) is not { } product)
        {
            return false;
        }
        Product = product;
        Variants = product.Variants.Where(v => v.IsActive).OrderBy(v => v.Position).ThenBy(v => v.Price).ToList();
        return true;
    }
}
