namespace Backstride.Core.Shop;

/// <summary>What the owner can do to an order from the admin pages.</summary>
public enum OrderAction
{
    MarkPaid,
    MarkShipped,
    MarkDelivered,
    Cancel,
    Refund,
}

/// <summary>
/// Which admin actions an order's three statuses allow. Payment and shipping move independently
/// (pay on delivery ships before it is paid); a cancelled order never ships, and a shipped one is refunded, not cancelled.
/// </summary>
public static class OrderTransitions
{
    /// <summary>Null when the action is allowed now; otherwise a sentence for the owner saying why not.</summary>
    public static string? WhyNot(Order order, OrderAction action)
    {
        ArgumentNullException.ThrowIfNull(order);
        var cancelled = order.Status == OrderStatus.Cancelled;

        return action switch
        {
            // A bank transfer can arrive after the order was cancelled; recording it is what lets the owner refund it.
            OrderAction.MarkPaid => order.PaymentStatus != PaymentStatus.Pending
                ? "This order is already marked paid."
                : null,

            OrderAction.MarkShipped => cancelled ? "A cancelled order cannot be shipped."
                : order.PaymentStatus == PaymentStatus.Refunded ? "A refunded order cannot be shipped."
                : order.ShippingStatus != ShippingStatus.NotShipped ? "This order has already been shipped."
                : null,

            OrderAction.MarkDelivered => cancelled ? "A cancelled order cannot be delivered."
                : order.ShippingStatus == ShippingStatus.NotShipped ? "Mark the order shipped before marking it delivered."
                : order.ShippingStatus == ShippingStatus.Delivered ? "This order is already marked delivered."
                : null,

            OrderAction.Cancel => cancelled ? "This order is already cancelled."
                : order.ShippingStatus != ShippingStatus.NotShipped ? "A shipped order cannot be cancelled; refund it instead."
                : order.Status == OrderStatus.Completed ? "A completed order cannot be cancelled; refund it instead."
                : null,

            OrderAction.Refund => order.PaymentStatus == PaymentStatus.Pending ? "Only a paid order can be refunded."
                : order.PaymentStatus == PaymentStatus.Refunded || order.RefundedAmount >= order.Total
                    ? "This order has already been refunded in full."
                : null,

            _ => "Unknown action.",
        };
    }
}
