using System.Security.Claims;
using Backstride.Core.Shop;
using Backstride.Data;
using Backstride.Data.Shop;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Web.Features.Shop;

[AllowAnonymous]
public sealed class ShopCheckoutModel(CurrentCart cart, CheckoutService checkout, OrderStore orders, OrderAccess access,
    OrderEmails emails, BackstrideDbContext db, TimeProvider clock) : PageModel
{
    private const string Prefix = nameof(Input);

    [BindProperty]
    public CheckoutForm Input { get; set; } = new();

    public CartView Cart { get; private set; } = null!;

    /// <summary>The totals as they stand, with the discount code when it can be used.</summary>
    public OrderTotals Totals { get; private set; } = null!;

    /// <summary>The code the totals include (normalized); null when none is applied.</summary>
    public string? AppliedDiscount { get; private set; }

    /// <summary>Each line whose price changed since it went into the cart, shown before the order is placed.</summary>
    public IReadOnlyList<string> PriceChanges { get; private set; } = [];

    public ShopRules Rules => cart.Rules;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Input = new CheckoutForm
        {
            Email = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name,
            IdempotencyKey = CheckoutForm.NewIdempotencyKey(),
        };
        return await ShowAsync(reportDiscount: false, cancellationToken);
    }

    /// <summary>"Apply" the discount code: the same form again with the totals it gives, nothing ordered.</summary>
    public async Task<IActionResult> OnPostApplyAsync(CancellationToken cancellationToken)
    {
        // Only the code is checked here; the rest of the form is judged when the order is placed.
        ModelState.Clear();
        Input.IdempotencyKey = KeyOrNew(Input.IdempotencyKey);
        if (string.IsNullOrWhiteSpace(Input.DiscountCode))
        {
            AddErrorOnce(CheckoutRules.DiscountCodeField, "Enter a discount code to apply.");
        }
        return await ShowAsync(reportDiscount: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var key = KeyOrNew(Input.IdempotencyKey);
        Input.IdempotencyKey = key;
        // The same submission again (double click, retry, reload) shows the order it already made.
        if (await orders.FindByIdempotencyKeyAsync(key, cancellationToken) is { } earlier)
        {
            return ShowPlaced(earlier, placedNow: false);
        }

        var current = await cart.FindAsync(HttpContext, cancellationToken);
        if (current is null || current.Lines.Count == 0)
        {
            // The same submission may have placed its order (and deleted the cart) since the look-up above.
            if (await orders.FindByIdempotencyKeyAsync(key, cancellationToken) is { } placedMeanwhile)
            {
                return ShowPlaced(placedMeanwhile, placedNow: false);
            }
            TempData["Notice"] = "Your cart is empty, so nothing was ordered.";
            return Redirect("/shop/cart");
        }

        // A changed price comes back as PricesChanged and the cart takes the new prices; "Confirm new prices and place
        // the order" then simply submits again, and the order is placed unless a price changed once more.
        var result = await checkout.PlaceOrderAsync(current.Id, Input.ToDraft(), cart.Rules, User.GetUserId(),
            pricesConfirmed: false, cancellationToken);
        switch (result.Outcome)
        {
            case CheckoutOutcome.Placed when result.Order is { } order:
                await emails.SendConfirmationAsync(order);
                if (result.NowLowOnStock.Count > 0)
                {
                    await emails.SendLowStockAsync(result.NowLowOnStock);
                }
                return ShowPlaced(order, placedNow: true);
            case CheckoutOutcome.AlreadyPlaced when result.Order is { } order:
                return ShowPlaced(order, placedNow: false);
            case CheckoutOutcome.EmptyCart:
                TempData["Notice"] = "Your cart is empty, so nothing was ordered.";
                return Redirect("/shop/cart");
            case CheckoutOutcome.SoldOut:
                TempData[ShopCartModel.ProblemsKey] = string.Join('\n', result.Problems);
                return Redirect("/shop/cart");
            case CheckoutOutcome.PricesChanged:
                PriceChanges = result.Problems;
                return await ShowAsync(reportDiscount: true, cancellationToken);
            case CheckoutOutcome.DiscountRefused:
                ModelState.AddRuleErrors(result.Errors, Prefix);
                foreach (var problem in result.Problems)
                {
                    AddErrorOnce(CheckoutRules.DiscountCodeField, problem);
                }
                AddErrorOnce(CheckoutRules.DiscountCodeField, "This code cannot be used. Remove it or try another.");
                return await ShowAsync(reportDiscount: false, cancellationToken);
            default:
                // Invalid: each field says what is wrong, everything typed stays, and nothing was ordered.
                ModelState.AddRuleErrors(result.Errors, Prefix);
                foreach (var problem in result.Problems)
                {
                    ModelState.AddModelError(string.Empty, problem);
                }
                if (ModelState.IsValid)
                {
                    ModelState.AddModelError(string.Empty, "The order could not be placed. Check the form and try again; nothing was ordered.");
                }
                return await ShowAsync(reportDiscount: true, cancellationToken);
        }
    }

    private IActionResult ShowPlaced(Order order, bool placedNow)
    {
        // A key only this form carried found an order for someone else's address: not this submission.
        var email = Input.Email?.Trim();
        if (string.IsNullOrEmpty(email) || CheckoutRules.NormalizeEmail(email) != order.NormalizedEmail)
        {
            TempData["Notice"] = "This checkout form was already used. Check your details and place the order again.";
            return Redirect("/shop/checkout");
        }
        access.Remember(HttpContext, order);
        TempData["Notice"] = placedNow
            ? $"Thank you! Your order {order.Number} is placed. We have sent a confirmation to {order.Email}."
            : $"Your order {order.Number} was already placed; here it is. Nothing was ordered twice.";
        return Redirect($"/shop/orders/{order.Number}");
    }

    private async Task<IActionResult> ShowAsync(bool reportDiscount, CancellationToken cancellationToken)
    {
        Cart = await cart.ViewAsync(HttpContext, cancellationToken);
        if (Cart.Lines.Count == 0)
        {
            TempData["Notice"] = "Your cart is empty. Add something from the shop first.";
            return Redirect("/shop/cart");
        }
        var discount = await UsableDiscountAsync(reportDiscount, cancellationToken);
        AppliedDiscount = discount?.Code;
        Totals = OrderPricing.Compute(
            Cart.Lines.Select(l => new PricedLine(l.VariantId, l.UnitPrice, l.Quantity)).ToList(), cart.Rules, discount);
        return Page();
    }

    /// <summary>The typed code when it can be used now; the order itself checks it again when it is placed.</summary>
    private async Task<DiscountCode?> UsableDiscountAsync(bool reportWhyNot, CancellationToken cancellationToken)
    {
        var typed = Input.DiscountCode?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return null;
        }
        var code = CheckoutRules.NormalizeCode(typed);
        var found = await db.Set<DiscountCode>().AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
        var usedBefore = 0;
        if (found?.PerCustomerLimit is not null && !string.IsNullOrWhiteSpace(Input.Email))
        {
            var email = CheckoutRules.NormalizeEmail(Input.Email);
            usedBefore = await db.Set<Order>().CountAsync(
                o => o.NormalizedEmail == email && o.DiscountCode == code && o.Status != OrderStatus.Cancelled, cancellationToken);
        }
        if (DiscountRules.WhyNotUsable(found, clock.GetUtcNow(), usedBefore) is { } whyNot)
        {
            if (reportWhyNot)
            {
                AddErrorOnce(CheckoutRules.DiscountCodeField, whyNot);
            }
            return null;
        }
        return found;
    }

    private void AddErrorOnce(string field, string message)
    {
        var key = Prefix + "." + field;
        if (!ModelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
        {
            ModelState.AddModelError(key, message);
        }
    }

    // A key that is missing or not one this page made is replaced; CheckoutRules still limits what is stored.
    private static string KeyOrNew(string? key) =>
        Guid.TryParseExact(key, "N", out _) ? key! : CheckoutForm.NewIdempotencyKey();
}
