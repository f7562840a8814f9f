using System.Globalization;
using Backstride.Core.Shop;

namespace Backstride.Core.Tests.Shop;

public sealed class OrderTransitionsTests
{
    private static Order OrderIn(OrderStatus status, PaymentStatus payment, ShippingStatus shipping, decimal refunded = 0m) => new()
    {
        Number = "WBC-7F3K9Q2M",
        IdempotencyKey = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture),
        Email = "sam@example.com",
        NormalizedEmail = "SAM@EXAMPLE.COM",
        ShippingAddress = new ShippingAddress { Name = "Sam", Line1 = "12 Riverside Path", City = "Portland", PostalCode = "97201", Country = "US" },
        ShippingMethod = "Standard delivery (3–5 working days)",
        Currency = "USD",
        Subtotal = 39.85m,
        Shipping = 5.95m,
        Total = 45.80m,
        RefundedAmount = refunded,
        Status = status,
        PaymentStatus = payment,
        ShippingStatus = shipping,
    };

    /// <summary>The table: an order's statuses, an action, and whether the owner may take it.</summary>
    [Theory]
    // A new order, paid by neither method yet.
    [InlineData(OrderStatus.Placed, PaymentStatus.Pending, ShippingStatus.NotShipped, OrderAction.MarkPaid, true)]
    [InlineData(OrderStatus.Placed, PaymentStatus.Pending, ShippingStatus.NotShipped, OrderAction.MarkShipped, true)]
    [InlineData(OrderStatus.Placed, PaymentStatus.Pending, ShippingStatus.NotShipped, OrderAction.MarkDelivered, false)]
    [InlineData(OrderStatus.Placed, PaymentStatus.Pending, ShippingStatus.NotShipped, OrderAction.Cancel, true)]
    [InlineData(OrderStatus.Placed, PaymentStatus.Pending, ShippingStatus.NotShipped, OrderAction.Refund, false)]
    // Paid by bank transfer, waiting to ship.
    [InlineData(OrderStatus.Placed, PaymentStatus.Paid, ShippingStatus.NotShipped, OrderAction.MarkPaid, false)]
    [InlineData(OrderStatus.Placed, PaymentStatus.Paid, ShippingStatus.NotShipped, OrderAction.MarkShipped, true)]
    [InlineData(OrderStatus.Placed, PaymentStatus.Paid, ShippingStatus.NotShipped, OrderAction.Cancel, true)]
    [InlineData(OrderStatus.Placed, PaymentStatus.Paid, ShippingStatus.NotShipped, OrderAction.Refund, true)]
    // Pay on delivery: shipped before it is paid.
    [InlineData(OrderStatus.Placed, PaymentStatus.Pending, ShippingStatus.Shipped, OrderAction.MarkPaid, true)]
    [InlineData(OrderStatus.Placed, PaymentStatus.Pending, ShippingStatus.Shipped, OrderAction.MarkShipped, false)]
    [InlineData(OrderStatus.Placed, PaymentStatus.Pending, ShippingStatus.Shipped, OrderAction.MarkDelivered, true)]
    [InlineData(OrderStatus.Placed, PaymentStatus.Pending, ShippingStatus.Shipped, OrderAction.Cancel, false)]
    [InlineData(OrderStatus.Placed, PaymentStatus.Pending, ShippingStatus.Shipped, OrderAction.Refund, false)]
    // Paid and shipped.
    [InlineData(OrderStatus.Placed, PaymentStatus.Paid, ShippingStatus.Shipped, OrderAction.MarkDelivered, true)]
    [InlineData(OrderStatus.Placed, PaymentStatus.Paid, ShippingStatus.Shipped, OrderAction.Cancel, false)]
    [InlineData(OrderStatus.Placed, PaymentStatus.Paid, ShippingStatus.Shipped, OrderAction.Refund, true)]
    // Delivered and complete.
    [InlineData(OrderStatus.Completed, PaymentStatus.Paid, ShippingStatus.Delivered, OrderAction.MarkPaid, false)]
    [InlineData(OrderStatus.Completed, PaymentStatus.Paid, ShippingStatus.Delivered, OrderAction.MarkShipped, false)]
    [InlineData(OrderStatus.Completed, PaymentStatus.Paid, ShippingStatus.Delivered, OrderAction.MarkDelivered, false)]
    [InlineData(OrderStatus.Completed, PaymentStatus.Paid, ShippingStatus.Delivered, OrderAction.Cancel, false)]
    [InlineData(OrderStatus.Completed, PaymentStatus.Paid, ShippingStatus.Delivered, OrderAction.Refund, true)]
    // Cancelled before payment.
    [InlineData(OrderStatus.Cancelled, PaymentStatus.Pending, ShippingStatus.NotShipped, OrderAction.MarkPaid, true)]
    [InlineData(OrderStatus.Cancelled, PaymentStatus.Pending, ShippingStatus.NotShipped, OrderAction.MarkShipped, false)]
    [InlineData(OrderStatus.Cancelled, PaymentStatus.Pending, ShippingStatus.NotShipped, OrderAction.MarkDelivered, false)]
    [InlineData(OrderStatus.Cancelled, PaymentStatus.Pending, ShippingStatus.NotShipped, OrderAction.Cancel, false)]
    [InlineData(OrderStatus.Cancelled, PaymentStatus.Pending, ShippingStatus.NotShipped, OrderAction.Refund, false)]
    // Cancelled after payment: the money goes back.
    [InlineData(OrderStatus.Cancelled, PaymentStatus.Paid, ShippingStatus.NotShipped, OrderAction.MarkShipped, false)]
    [InlineData(OrderStatus.Cancelled, PaymentStatus.Paid, ShippingStatus.NotShipped, OrderAction.Refund, true)]
    // Refunds.
    [InlineData(OrderStatus.Placed, PaymentStatus.PartiallyRefunded, ShippingStatus.Shipped, OrderAction.Refund, true)]
    [InlineData(OrderStatus.Placed, PaymentStatus.PartiallyRefunded, ShippingStatus.Shipped, OrderAction.MarkPaid, false)]
    [InlineData(OrderStatus.Placed, PaymentStatus.Refunded, ShippingStatus.NotShipped, OrderAction.Refund, false)]
    [InlineData(OrderStatus.Placed, PaymentStatus.Refunded, ShippingStatus.NotShipped, OrderAction.MarkShipped, false)]
    public void WhyNot_StatusesAndAction_AllowsOnlyWhatTheTableSays(
        OrderStatus status, PaymentStatus payment, ShippingStatus shipping, OrderAction action, bool allowed)
    {
        // Arrange
        var order = OrderIn(status, payment, shipping);

        // Act
        var why = OrderTransitions.WhyNot(order, action);

        // Assert
        if (allowed)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(why));
        }
    }

    [Fact]
    public void WhyNot_CancelShippedOrder_SaysRefundInstead()
    {
        // Arrange
        var order = OrderIn(OrderStatus.Placed, PaymentStatus.Paid, ShippingStatus.Shipped);

        // Act
        var why = OrderTransitions.WhyNot(order, OrderAction.Cancel);

        // Assert
        Assert.Equal("A shipped order cannot be cancelled; refund it instead.", why);
    }

    [Fact]
    public void WhyNot_ShipCancelledOrder_SaysCancelled()
    {
        // Arrange
        var order = OrderIn(OrderStatus.Cancelled, PaymentStatus.Pending, ShippingStatus.NotShipped);

        // Act
        var why = OrderTransitions.WhyNot(order, OrderAction.MarkShipped);

        // Assert
        Assert.Equal("A cancelled order cannot be shipped.", why);
    }

    [Fact]
    public void WhyNot_RefundUnpaidOrder_SaysOnlyPaidOrders()
    {
        // Arrange
        var order = OrderIn(OrderStatus.Placed, PaymentStatus.Pending, ShippingStatus.NotShipped);

        // Act
        var why = OrderTransitions.WhyNot(order, OrderAction.Refund);

        // Assert
        Assert.Equal("Only a paid order can be refunded.", why);
    }

    [Fact]
    public void WhyNot_RefundWhenRefundsAlreadyReachTotal_SaysRefundedInFull()
    {
        // Arrange: a status left behind, but the money is all back.
        var order = OrderIn(OrderStatus.Placed, PaymentStatus.PartiallyRefunded, ShippingStatus.Shipped, refunded: 45.80m);

        // Act
        var why = OrderTransitions.WhyNot(order, OrderAction.Refund);

        // Assert
        Assert.Equal("This order has already been refunded in full.", why);
    }

    [Fact]
    public void WhyNot_DeliverBeforeShipping_SaysShipFirst()
    {
        // Arrange
        var order = OrderIn(OrderStatus.Placed, PaymentStatus.Paid, ShippingStatus.NotShipped);

        // Act
        var why = OrderTransitions.WhyNot(order, OrderAction.MarkDelivered);

        // Assert
        Assert.Equal("Mark the order shipped before marking it delivered.", why);
    }

    [Fact]
    public void WhyNot_EveryStateAndAction_AnswersNullOrASentence()
    {
        foreach (var status in Enum.GetValues<OrderStatus>())
        foreach (var payment in Enum.GetValues<PaymentStatus>())
        foreach (var shipping in Enum.GetValues<ShippingStatus>())
        foreach (var action in Enum.GetValues<OrderAction>())
        {
            // Act
            var why = OrderTransitions.WhyNot(OrderIn(status, payment, shipping), action);

            // Assert
            Assert.True(why is null || (why.Length > 1 && why.EndsWith('.')), why);
        }
    }

    [Fact]
    public void WhyNot_CancelledOrder_NeverShipsOrDelivers()
    {
        foreach (var payment in Enum.GetValues<PaymentStatus>())
        foreach (var shipping in Enum.GetValues<ShippingStatus>())
        {
            // Arrange
            var order = OrderIn(OrderStatus.Cancelled, payment, shipping);

            // Act and assert
            Assert.NotNull(OrderTransitions.WhyNot(order, OrderAction.MarkShipped));
            Assert.NotNull(OrderTransitions.WhyNot(order, OrderAction.MarkDelivered));
            Assert.NotNull(OrderTransitions.WhyNot(order, OrderAction.Cancel));
        }
    }
}
