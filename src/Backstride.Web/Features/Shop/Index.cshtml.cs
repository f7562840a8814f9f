using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Backstride.Web.Features.Shop;

[AllowAnonymous]
public sealed class ShopIndexModel(CatalogStore catalog, IOptions<ShopOptions> options) : PageModel
{
    public const int MaxSearchLength = CatalogStore.MaxSearchLength;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public IReadOnlyList<Product> Products { get; private set; } = [];

    public string Currency => options.Value.Currency;

    /// <summary>The sample catalog of a fresh install says so, until the owner replaces it.</summary>
    public bool ShowsSamples => Products.Any(p => p.IsSample);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var search = Search?.Trim();
        if (search is { Length: > MaxSearchLength })
        {
            search = search[..MaxSearchLength];
        }
        Products = await catalog.PublishedAsync(string.IsNullOrEmpty(search) ? null : search, cancellationToken);
    }
}
