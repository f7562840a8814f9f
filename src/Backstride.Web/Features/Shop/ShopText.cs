using System.Globalization;
using Backstride.Core.Shop;

namespace Backstride.Web.Features.Shop;

/// <summary>How the shop writes money, statuses and dates, the same on every page and in every e-mail.</summary>
public static class ShopText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"$14.95" for US dollars; "14.95 EUR" style for a currency without a symbol here.</summary>
    public static string Money(decimal amount, string currency)
    {
        var sign = amount < 0 ? "−" : "";
        var digits = Amount(Math.Abs(amount));
        return currency switch
        {
            "USD" => $"{sign}${digits}",
            "EUR" => $"{sign}€{digits}",
            "GBP" => $"{sign}£{digits}",
            _ => $"{sign}{digits} {currency}",
        };
    }

    /// <summary>The amount alone, two decimals and a dot: "14.95".</summary>
    public static string Amount(decimal amount) => amount.ToString("0.00", Invariant);

    public static string Number(int value) => value.ToString(Invariant);

    public static string Date(DateTimeOffset at) => at.ToUniversalTime().ToString("d MMM yyyy", Invariant);

    public static string PaymentMethodText(PaymentMethod method) => method switch
    {
        PaymentMethod.PayOnDelivery => "Pay on delivery",
        PaymentMethod.BankTransfer => "Bank transfer",
        _ => method.ToString(),
    };

    public static string OrderStatusText(OrderStatus status) => status switch
    {
        OrderStatus.Placed => "Placed: we are getting it ready",
        OrderStatus.Completed => "Completed",
        OrderStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    public static string PaymentStatusText(Order order) => order.PaymentStatus switch
    {
        PaymentStatus.Pending => order.PaymentMethod == PaymentMethod.BankTransfer
            ? "Waiting for your bank transfer"
            : "You pay when the parcel arrives",
        PaymentStatus.Paid => "Paid",
        PaymentStatus.PartiallyRefunded => "Partly refunded: " + Money(order.RefundedAmount, order.Currency),
        PaymentStatus.Refunded => "Refunded: " + Money(order.RefundedAmount, order.Currency),
        _ => order.PaymentStatus.ToString(),
    };

    public static string ShippingStatusText(ShippingStatus status) => status switch
    {
        ShippingStatus.NotShipped => "Not shipped yet",
        ShippingStatus.Shipped => "Shipped",
        ShippingStatus.Delivered => "Delivered",
        _ => status.ToString(),
    };

    /// <summary>True while a bank-transfer order still waits for its money: the page and e-mail show where to pay.</summary>
    public static bool AwaitsBankTransfer(Order order) =>
        order.PaymentMethod == PaymentMethod.BankTransfer
        && order.PaymentStatus == PaymentStatus.Pending
        && order.Status != OrderStatus.Cancelled;

    /// <summary>The address as lines for a page or an e-mail, empty parts left out.</summary>
    public static IReadOnlyList<string> AddressLines(ShippingAddress address) =>
        new[]
        {
            address.Name,
            address.Line1,
            address.Line2,
            string.Join(" ", new[] { address.PostalCode, address.City }.Where(p => !string.IsNullOrWhiteSpace(p))),
            address.Region,
            address.Country,
        }.Where(line => !string.IsNullOrWhiteSpace(line)).Select(line => line!).ToList();

    /// <summary>"From $14.95" over a product's sizes on sale; null when none is.</summary>
    public static string? PriceFrom(Product product, string currency)
    {
        var prices = product.Variants.Where(v => v.IsActive).Select(v => v.Price).ToList();
        if (prices.Count == 0)
        {
            return null;
        }
        var lowest = prices.Min();
        return prices.Exists(p => p != lowest) ? "From " + Money(lowest, currency) : Money(lowest, currency);
    }

    /// <summary>A product's stock in words: the best-stocked size decides, so "Out of stock" means every size is.</summary>
    public static string Stock(Product product)
    {
        var active = product.Variants.Where(v => v.IsActive).ToList();
        return StockText.Describe(active.Count == 0 ? 0 : active.Max(v => v.Stock));
    }
}
