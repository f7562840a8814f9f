using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Shop;

/// <summary>A signed-in customer's own orders, found by their account (never by e-mail alone).</summary>
[Authorize]
public sealed class ShopMyOrdersModel(OrderStore orders) : PageModel
{
    public IReadOnlyList<Order> Orders { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.GetUserId() is not { } userId)
        {
            return Challenge();
        }
        Orders = (await orders.ForUserAsync(userId, cancellationToken)).OrderByDescending(o => o.CreatedAt).ToList();
        return Page();
    }
}
