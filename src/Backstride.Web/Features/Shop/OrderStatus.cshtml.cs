using Backstride.Data.Shop;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Shop;

/// <summary>Finds an order by its number and the e-mail it was placed with; no account needed.</summary>
[AllowAnonymous]
public sealed class ShopOrderStatusModel(OrderStore orders, OrderAccess access) : PageModel
{
    public const int MaxNumberLength = 40;
    public const int MaxEmailLength = 254;

    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var number = Number?.Trim();
        var email = Email?.Trim();
        if (string.IsNullOrEmpty(number))
        {
            ModelState.AddModelError(nameof(Number), "Enter the order number from your confirmation, e.g. WBC-7F3K9Q2M.");
        }
        if (string.IsNullOrEmpty(email))
        {
            ModelState.AddModelError(nameof(Email), "Enter the e-mail address you ordered with.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var order = number!.Length <= MaxNumberLength && email!.Length <= MaxEmailLength
            ? await orders.FindForCustomerAsync(number, email, cancellationToken)
            : null;
        if (order is null)
        {
            // The same answer for a wrong number and a wrong address, so the page reveals nothing about either.
            ModelState.AddModelError(string.Empty,
                "We couldn't find an order with that number and e-mail address. Check both against your confirmation e-mail.");
            return Page();
        }
        access.Remember(HttpContext, order);
        return Redirect($"/shop/orders/{order.Number}");
    }
}
