namespace Backstride.Core.Shop;

/// <summary>The shop's money settings: one currency, a flat shipping rate that is free from a threshold, one tax rate.</summary>
public sealed record ShopRules(
    string Currency,
    decimal FlatShipping,
    decimal FreeShippingFrom,
    decimal TaxRatePercent,
    int MaxPerLine,
    string ShippingMethodName)
{
    public static ShopRules Default => new("USD", 5.95m, 50m, 0m, 10, "Standard delivery (3–5 working days)");
}

/// <summary>One line as it is priced now: the variant's current price, not the price when it was added to the cart.</summary>
public sealed record PricedLine(Guid VariantId, decimal UnitPrice, int Quantity);

/// <summary>An order's money, each amount in cents: Total = Subtotal − Discount + Shipping + Tax.</summary>
public sealed record OrderTotals(decimal Subtotal, decimal Discount, decimal Shipping, decimal Tax, decimal Total);
