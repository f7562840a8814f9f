namespace Backstride.Core.Shop;

/// <summary>The one place an order's totals are computed; the cart, the checkout and the e-mails all show these.</summary>
public static class OrderPricing
{
    /// <param name="discount">A code the caller has already found usable (<see cref="DiscountRules.WhyNotUsable"/>); null for none.</param>
    public static OrderTotals Compute(IReadOnlyList<PricedLine> lines, ShopRules rules, DiscountCode? discount)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfNegative(rules.FlatShipping, nameof(rules));
        ArgumentOutOfRangeException.ThrowIfNegative(rules.FreeShippingFrom, nameof(rules));
        ArgumentOutOfRangeException.ThrowIfNegative(rules.TaxRatePercent, nameof(rules));

        var subtotal = 0m;
        foreach (var line in lines)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(line.UnitPrice, nameof(lines));
            ArgumentOutOfRangeException.ThrowIfNegative(line.Quantity, nameof(lines));
            subtotal += line.UnitPrice * line.Quantity;
        }
        subtotal = RoundMoney(subtotal);

        var discountAmount = DiscountOn(subtotal, discount);

        // The threshold is about what the customer pays for goods, so a discount can take an order below it.
        var shipping = lines.Count == 0 || subtotal - discountAmount >= rules.FreeShippingFrom
            ? 0m
            : RoundMoney(rules.FlatShipping);

        var tax = RoundMoney((subtotal - discountAmount + shipping) * rules.TaxRatePercent / 100m);
        var total = subtotal - discountAmount + shipping + tax;

        return new OrderTotals(subtotal, discountAmount, shipping, tax, total);
    }

    /// <summary>To cents, halves away from zero (2.345 → 2.35), as a till and most customers expect; not banker's rounding.</summary>
    public static decimal RoundMoney(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>True for an amount with at most two decimals (14.95, 15, 15.50), as prices and codes must be.</summary>
    internal static bool IsWholeCents(decimal amount) => amount == Math.Round(amount, 2);

    private static decimal DiscountOn(decimal subtotal, DiscountCode? discount)
    {
        if (discount is null)
        {
            return 0m;
        }

        var amount = discount.Kind switch
        {
            DiscountKind.Percent => RoundMoney(subtotal * discount.Value / 100m),
            DiscountKind.FixedAmount => RoundMoney(discount.Value),
            _ => 0m,
        };
        if (discount.Kind == DiscountKind.Percent && discount.MaxDiscount is { } cap)
        {
            amount = Math.Min(amount, RoundMoney(cap));
        }

        // A code never takes off more than the goods cost, nor adds to the price.
        return Math.Clamp(amount, 0m, subtotal);
    }
}
