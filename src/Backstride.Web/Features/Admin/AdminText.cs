using System.Globalization;
using Backstride.Core.Shop;

namespace Backstride.Web.Features.Admin;

/// <summary>The owner's short words for statuses and times (the customer's longer ones are in the shop's ShopText).</summary>
public static class AdminText
{
    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.Placed => "Placed",
        OrderStatus.Completed => "Completed",
        OrderStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    public static string Payment(PaymentStatus status) => status switch
    {
        PaymentStatus.Pending => "Not paid",
        PaymentStatus.Paid => "Paid",
        PaymentStatus.PartiallyRefunded => "Partly refunded",
        PaymentStatus.Refunded => "Refunded",
        _ => status.ToString(),
    };

    public static string Shipping(ShippingStatus status) => status switch
    {
        ShippingStatus.NotShipped => "Not shipped",
        ShippingStatus.Shipped => "Shipped",
        ShippingStatus.Delivered => "Delivered",
        _ => status.ToString(),
    };

    /// <summary>Admin pages show instants in UTC, saying so: the owner and the server may be in different zones.</summary>
    public static string When(DateTimeOffset at) =>
        at.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
