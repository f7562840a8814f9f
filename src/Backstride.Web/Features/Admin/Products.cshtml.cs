using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Backstride.Web.Features.Shop;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Backstride.Web.Features.Admin;

/// <summary>Every product, hidden ones too, with what a customer would see of it.</summary>
public sealed class ProductsModel(CatalogAdminStore catalog, IOptions<ShopOptions> shop) : PageModel
{
    public IReadOnlyList<Product> Products { get; private set; } = [];

    public string Currency => shop.Value.Currency;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Products = await catalog.AllAsync(cancellationToken);
}
