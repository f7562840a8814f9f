using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Admin;

/// <summary>What to reorder, and one form to record a delivery, a count or a loss, always with its reason.</summary>
public sealed class StockModel(CatalogAdminStore catalog) : PageModel
{
    public IReadOnlyList<ProductVariant> LowStock { get; private set; } = [];

    public IReadOnlyList<StockChoice> Choices { get; private set; } = [];

    [BindProperty]
    public StockForm Stock { get; set; } = new();

    public StockFormView StockView => new(Stock, Choices, "/admin/stock");

    public async Task OnGetAsync(Guid? variant, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Stock = new StockForm { VariantId = variant };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await Stock.SaveStockAsync(catalog, ModelState, AdminRole.ActorOf(User), cancellationToken) is { } saved)
        {
            TempData["Notice"] = AdminPages.StockNotice(saved);
            return Redirect("/admin/stock");
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        LowStock = await catalog.LowStockAsync(cancellationToken);
        var products = await catalog.AllAsync(cancellationToken);
        // Low ones first, as the owner most often comes here to record their delivery.
        var low = LowStock.Select(v => v.Id).ToHashSet();
        Choices =
        [
            .. products
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .SelectMany(p => p.Variants.OrderBy(v => v.Position).Select(v => (Product: p, Variant: v)))
                .OrderBy(pair => low.Contains(pair.Variant.Id) ? 0 : 1)
                .Select(pair => StockChoice.Of(pair.Variant, pair.Product.Name)),
        ];
    }
}
