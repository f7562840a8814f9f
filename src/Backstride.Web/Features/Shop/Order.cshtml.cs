using Backstride.Core.Shop;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Backstride.Web.Features.Shop;

/// <summary>One order's confirmation and status, for the browser that placed or looked it up, or its account.</summary>
[AllowAnonymous]
public sealed class ShopOrderModel(OrderAccess access, IOptions<ShopOptions> options) : PageModel
{
    public Order Order { get; private set; } = null!;

    public ShopOptions Shop => options.Value;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(HttpContext, number, cancellationToken) is not { } order)
        {
            // Without proof of the e-mail address, the number alone shows nothing.
            return Redirect("/shop/order-status?number=" + Uri.EscapeDataString(number));
        }
        Order = order;
        return Page();
    }
}
