using Backstride.Data.Shop;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Shop;

[AllowAnonymous]
public sealed class ShopCartModel(CurrentCart cart, CartStore carts) : PageModel
{
    /// <summary>Set by the checkout when stock ran out; one sentence per line it could not fill.</summary>
    public const string ProblemsKey = "ShopProblems";

    public CartView Cart { get; private set; } = null!;

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public string Currency => cart.Rules.Currency;

    public decimal FreeShippingFrom => cart.Rules.FreeShippingFrom;

    public int MaxPerLine => cart.Rules.MaxPerLine;

    public bool CanCheckOut => Cart.Lines.Count > 0 && Cart.Lines.All(l => !l.NotEnoughStock);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Cart = await cart.ViewAsync(HttpContext, cancellationToken);
        Problems = TempData[ProblemsKey] is string problems
            ? problems.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            : [];
    }

    public Task<IActionResult> OnPostUpdateAsync(Guid variantId, int? quantity, CancellationToken cancellationToken) =>
        SetQuantityAsync(variantId, quantity, cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(Guid variantId, CancellationToken cancellationToken) =>
        SetQuantityAsync(variantId, 0, cancellationToken);

    private async Task<IActionResult> SetQuantityAsync(Guid variantId, int? quantity, CancellationToken cancellationToken)
    {
        var view = await cart.ViewAsync(HttpContext, cancellationToken);
        // Only a line of this visitor's own cart can change; any other id was not on their page.
        var line = view.Lines.FirstOrDefault(l => l.VariantId == variantId);
        if (view.CartId is not { } cartId || line is null)
        {
            TempData["Notice"] = "That item is no longer in your cart.";
            return Redirect("/shop/cart");
        }
        var most = Math.Min(line.Stock, cart.Rules.MaxPerLine);
        if (quantity is not { } wanted || wanted < 0)
        {
            TempData["Notice"] = $"Choose a quantity from 0 (remove) to {ShopText.Number(most)} for {line.ProductName}, {line.VariantName}.";
            return Redirect("/shop/cart");
        }
        if (wanted > line.Stock)
        {
            TempData["Notice"] = line.Stock == 0
                ? $"{line.ProductName}, {line.VariantName} is sold out. Remove it to check out."
                : $"Only {ShopText.Number(line.Stock)} left of {line.ProductName}, {line.VariantName}. Choose {ShopText.Number(most)} or fewer.";
            return Redirect("/shop/cart");
        }
        if (wanted > cart.Rules.MaxPerLine)
        {
            TempData["Notice"] = $"At most {ShopText.Number(cart.Rules.MaxPerLine)} of one size per order.";
            return Redirect("/shop/cart");
        }
        var change = await carts.SetQuantityAsync(cartId, variantId, wanted, cart.Rules, cancellationToken);
        TempData["Notice"] = change.Message ?? (wanted == 0
            ? $"Removed {line.ProductName}, {line.VariantName} from your cart."
            : "Cart updated.");
        return Redirect("/shop/cart");
    }
}
