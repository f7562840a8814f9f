namespace Backstride.Core.Shop;

public enum PaymentMethod
{
    PayOnDelivery,
    BankTransfer,
}

/// <summary>Where the order stands as a whole.</summary>
public enum OrderStatus
{
    Placed,
    Completed,
    Cancelled,
}

public enum PaymentStatus
{
    Pending,
    Paid,
    PartiallyRefunded,
    Refunded,
}

public enum ShippingStatus
{
    NotShipped,
    Shipped,
    Delivered,
}

/// <summary>A placed order. Lines copy the product's name and price at the time, so later edits never change it.</summary>
public sealed class Order
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The number the customer sees and types on the status page, e.g. "WBC-7F3K9Q2M".</summary>
    public required string Number { get; set; }

    /// <summary>From the checkout form; the same submission twice finds this order instead of placing another.</summary>
    public required string IdempotencyKey { get; set; }

    public Guid? UserId { get; set; }

    public required string Email { get; set; }

    public required string NormalizedEmail { get; set; }

    public required ShippingAddress ShippingAddress { get; set; }

    public required string ShippingMethod { get; set; }

    public PaymentMethod PaymentMethod { get; set; }

    public required string Currency { get; set; }

    public decimal Subtotal { get; set; }

    public decimal Discount { get; set; }

    public decimal Shipping { get; set; }

    public decimal Tax { get; set; }

    public decimal Total { get; set; }

    public decimal RefundedAmount { get; set; }

    public string? DiscountCode { get; set; }

    public OrderStatus Status { get; set; }

    public PaymentStatus PaymentStatus { get; set; }

    public ShippingStatus ShippingStatus { get; set; }

    public string? TrackingNumber { get; set; }

    public List<OrderLine> Lines { get; set; } = [];

    public List<OrderNote> Notes { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public DateTimeOffset? ShippedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }
}

public sealed record ShippingAddress
{
    public required string Name { get; init; }
    public required string Line1 { get; init; }
    public string? Line2 { get; init; }
    public required string City { get; init; }
    public string? Region { get; init; }
    public required string PostalCode { get; init; }

    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public required string Country { get; init; }
}

public sealed class OrderLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrderId { get; set; }

    public Guid VariantId { get; set; }

    public required string ProductName { get; set; }

    public required string VariantName { get; set; }

    public required string Sku { get; set; }

    public decimal UnitPrice { get; set; }

    public int Quantity { get; set; }

    public decimal LineTotal { get; set; }
}

/// <summary>A note on an order by the owner's staff (never shown to the customer).</summary>
public sealed class OrderNote
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrderId { get; set; }

    public required string Author { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum DiscountKind
{
    Percent,
    FixedAmount,
}

public sealed class DiscountCode
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Upper-case, as customers type it in any case.</summary>
    public required string Code { get; set; }

    public DiscountKind Kind { get; set; }

    /// <summary>Percent (0–100) or an amount in the shop's currency.</summary>
    public decimal Value { get; set; }

    /// <summary>For percent codes: the most it takes off one order.</summary>
    public decimal? MaxDiscount { get; set; }

    public DateTimeOffset? StartsAt { get; set; }

    public DateTimeOffset? EndsAt { get; set; }

    public int? UsageLimit { get; set; }

    public int? PerCustomerLimit { get; set; }

    /// <summary>Orders placed with it; incremented in the order's transaction by a conditional update.</summary>
    public int TimesUsed { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One change an admin made: who, what, when. Never updated or deleted.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ActorUserId { get; set; }

    public required string ActorEmail { get; set; }

    /// <summary>What was done, e.g. "product.update", "stock.adjust", "order.ship".</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    /// <summary>What changed, in plain words or JSON (before and after).</summary>
    public required string Details { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>A cart, for a guest (found by the cookie's cart id) or a signed-in user.</summary>
public sealed class Cart
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid? UserId { get; set; }

    public List<CartLine> Lines { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class CartLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CartId { get; set; }

    public Guid VariantId { get; set; }

    public int Quantity { get; set; }

    /// <summary>The price when added, so a change since can be shown before the order is placed.</summary>
    public decimal PriceWhenAdded { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}
