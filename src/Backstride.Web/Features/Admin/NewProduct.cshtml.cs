using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Admin;

/// <summary>A new product starts hidden: the owner adds its sizes and images, then publishes it.</summary>
public sealed class NewProductModel(CatalogAdminStore catalog) : PageModel
{
    [BindProperty]
    public ProductForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var draft = Input.ToDraft() with { IsPublished = false };
        if (!ModelState.IsValid)
        {
            ModelState.AddRuleErrors(ProductRules.Validate(draft), nameof(Input));
            return Page();
        }
        var result = await catalog.SaveProductAsync(null, draft, AdminRole.ActorOf(User), cancellationToken);
        if (result.Value is not { } product)
        {
            ModelState.AddShopErrors(result, nameof(Input));
            return Page();
        }
        TempData["Notice"] = "Product saved, hidden for now. Add its sizes and an image, then publish it.";
        return Redirect($"/admin/products/{product.Id}");
    }
}
