using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Admin;

public sealed class EditDiscountModel(DiscountStore discounts) : PageModel
{
    [BindProperty]
    public DiscountForm Input { get; set; } = new();

    public DiscountCode Code { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await discounts.FindAsync(id, cancellationToken) is not { } code)
        {
            return NotFound();
        }
        Code = code;
        Input = DiscountForm.From(code);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await discounts.FindAsync(id, cancellationToken) is not { } code)
        {
            return NotFound();
        }
        Code = code;
        var draft = Input.ToDraft();
        if (!ModelState.IsValid)
        {
            ModelState.AddRuleErrors(DiscountRules.Validate(draft), nameof(Input));
            return Page();
        }
        var result = await discounts.SaveAsync(id, draft, AdminRole.ActorOf(User), cancellationToken);
        if (result.Outcome == ShopOutcome.NotFound)
        {
            return NotFound();
        }
        if (result.Value is not { } saved)
        {
            ModelState.AddShopErrors(result, nameof(Input));
            return Page();
        }
        TempData["Notice"] = $"Discount code {saved.Code} saved.";
        return Redirect("/admin/discounts");
    }
}
