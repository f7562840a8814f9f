using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Admin;

public sealed class NewDiscountModel(DiscountStore discounts) : PageModel
{
    [BindProperty]
    public DiscountForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var draft = Input.ToDraft();
        if (!ModelState.IsValid)
        {
            ModelState.AddRuleErrors(DiscountRules.Validate(draft), nameof(Input));
            return Page();
        }
        var result = await discounts.SaveAsync(null, draft, AdminRole.ActorOf(User), cancellationToken);
        if (result.Value is not { } code)
        {
            ModelState.AddShopErrors(result, nameof(Input));
            return Page();
        }
        TempData["Notice"] = $"Discount code {code.Code} saved.";
        return Redirect("/admin/discounts");
    }
}
