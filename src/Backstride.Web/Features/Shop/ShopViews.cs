using Backstride.Core.Shop;

namespace Backstride.Web.Features.Shop;

/// <summary>The totals block of the cart, the checkout and an order; IdPrefix keeps its element ids apart.</summary>
public sealed record TotalsView(OrderTotals Totals, string Currency, string IdPrefix, string? DiscountCode = null,
    bool ShowZeroTax = false)
{
    public static TotalsView Of(Order order) =>
        new(new OrderTotals(order.Subtotal, order.Discount, order.Shipping, order.Tax, order.Total), order.Currency,
            "order", order.DiscountCode, ShowZeroTax: true);
}
