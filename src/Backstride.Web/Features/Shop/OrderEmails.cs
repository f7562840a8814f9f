using Backstride.Core.Shop;
using Backstride.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace Backstride.Web.Features.Shop;

/// <summary>
/// The shop's e-mails, in plain text, through the project's one <see cref="IEmailSender"/>. They are sent after the
/// order or change is saved; a failure to send is logged and never undoes or loses the order.
/// </summary>
public sealed class OrderEmails(IEmailSender sender, IOptions<ShopOptions> shopOptions, IOptions<AppOptions> appOptions,
    IHttpContextAccessor httpContextAccessor, ILogger<OrderEmails> logger)
{
    private ShopOptions Shop => shopOptions.Value;

    public Task SendConfirmationAsync(Order order)
    {
        List<string> body =
        [
            "Thank you for your order from WBC.",
            "",
            $"Order number: {order.Number}",
            $"Placed on: {ShopText.Date(order.CreatedAt)}",
            "",
            .. Items(order),
            .. Totals(order),
            "Payment",
            .. PaymentInstructions(order),
            "",
            .. Address(order),
            .. StatusLink(order),
        ];
        return SendAsync(order.Email, $"Your WBC order {order.Number}", body, "confirmation", order.Number);
    }

    public Task SendShippedAsync(Order order)
    {
        List<string> body =
        [
            $"Good news: your WBC order {order.Number} is on its way.",
            "",
            $"Tracking number: {(string.IsNullOrWhiteSpace(order.TrackingNumber) ? "not given" : order.TrackingNumber)}",
            "",
            .. Items(order),
            .. Totals(order),
        ];
        if (ShopText.AwaitsBankTransfer(order))
        {
            body.AddRange(["Payment", .. PaymentInstructions(order), ""]);
        }
        body.AddRange([.. Address(order), .. StatusLink(order)]);
        return SendAsync(order.Email, $"Your WBC order {order.Number} has shipped", body, "shipped", order.Number);
    }

    public Task SendCancelledAsync(Order order)
    {
        List<string> body =
        [
            $"Your WBC order {order.Number} has been cancelled.",
            "",
            order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded
                ? "You have already paid for it; we will refund what is left and send an e-mail when we have."
                : "You have not been charged for it. If you have sent a bank transfer, we will send it back.",
            "",
            .. Items(order),
            .. Totals(order),
            .. StatusLink(order),
        ];
        return SendAsync(order.Email, $"Your WBC order {order.Number} has been cancelled", body, "cancelled", order.Number);
    }

    public Task SendRefundedAsync(Order order, decimal amount)
    {
        List<string> body =
        [
            $"We have refunded {ShopText.Money(amount, order.Currency)} for your WBC order {order.Number}.",
            "",
            $"Refunded so far: {ShopText.Money(order.RefundedAmount, order.Currency)} of {ShopText.Money(order.Total, order.Currency)}.",
            "It can take a few working days to show in your account.",
            "",
            .. StatusLink(order),
        ];
        return SendAsync(order.Email, $"Refund for your WBC order {order.Number}", body, "refund", order.Number);
    }

    /// <summary>To the owner (Shop:OwnerEmail); without one, the list is only logged.</summary>
    public Task SendLowStockAsync(IReadOnlyList<ProductVariant> variants)
    {
        if (variants.Count == 0)
        {
            return Task.CompletedTask;
        }
        var lines = variants.Select(v =>
            $"- {(v.Product?.Name is { } product ? product + ", " : "")}{v.Name} (SKU {v.Sku}): {ShopText.Number(v.Stock)} left, threshold {ShopText.Number(v.LowStockThreshold)}")
            .ToList();
        if (string.IsNullOrWhiteSpace(Shop.OwnerEmail))
        {
            logger.LogWarning("Low stock, and no Shop:OwnerEmail to tell: {Variants}", string.Join("; ", lines));
            return Task.CompletedTask;
        }
        List<string> body =
        [
            "These products are at or below their low-stock threshold:",
            "",
            .. lines,
            "",
            $"Restock them in the shop's admin pages: {BaseUrl()}/admin",
        ];
        var subject = variants.Count == 1 ? "Low stock: 1 product size" : $"Low stock: {ShopText.Number(variants.Count)} product sizes";
        return SendAsync(Shop.OwnerEmail, subject, body, "low-stock", orderNumber: null);
    }

    private static IEnumerable<string> Items(Order order) =>
    [
        "Items",
        .. order.Lines.Select(line =>
            $"- {line.ProductName}, {line.VariantName} × {ShopText.Number(line.Quantity)}: {ShopText.Money(line.LineTotal, order.Currency)}"),
        "",
    ];

    private static IEnumerable<string> Totals(Order order)
    {
        string Money(decimal amount) => ShopText.Money(amount, order.Currency);
        var lines = new List<string> { $"Subtotal: {Money(order.Subtotal)}" };
        if (order.Discount > 0)
        {
            lines.Add($"Discount{(order.DiscountCode is { } code ? " (" + code + ")" : "")}: −{Money(order.Discount)}");
        }
        lines.Add($"Shipping ({order.ShippingMethod}): {(order.Shipping == 0 ? "free" : Money(order.Shipping))}");
        lines.Add($"Tax: {Money(order.Tax)}");
        lines.Add($"Total: {Money(order.Total)}");
        lines.Add($"All amounts in {order.Currency}.");
        lines.Add("");
        return lines;
    }

    private IEnumerable<string> PaymentInstructions(Order order)
    {
        var total = ShopText.Money(order.Total, order.Currency);
        if (order.PaymentMethod != PaymentMethod.BankTransfer)
        {
            return [$"Pay on delivery: pay {total} when your parcel arrives."];
        }
        return
        [
            $"Please pay {total} by bank transfer to:",
            $"  Bank: {Shop.BankName}",
            $"  Account: {Shop.BankAccount}",
            $"  Reference: {order.Number}",
            "Use the order number as the reference, so we can match your payment. We send your order once it has arrived.",
        ];
    }

    private static IEnumerable<string> Address(Order order) =>
    [
        $"Delivery ({order.ShippingMethod}) to",
        .. ShopText.AddressLines(order.ShippingAddress).Select(line => "  " + line),
        "",
    ];

    private IEnumerable<string> StatusLink(Order order) =>
    [
        "See your order's status (you will need this e-mail address):",
        $"{BaseUrl()}/shop/order-status?number={Uri.EscapeDataString(order.Number)}",
        "",
        "WBC",
    ];

    // Built on the configured public address, never on a Host header alone when one is set (AppOptions.BaseUrlFor).
    private string BaseUrl() => httpContextAccessor.HttpContext?.Request is { } request
        ? appOptions.Value.BaseUrlFor(request)
        : appOptions.Value.PublicUrl.TrimEnd('/');

    private async Task SendAsync(string to, string subject, List<string> body, string kind, string? orderNumber)
    {
        try
        {
            // Not the request's token: a buyer who closes the page at once still gets the e-mail.
            await sender.SendAsync(new EmailMessage(to, subject, string.Join("\n", body)), CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The order is saved; only the e-mail is missing, and the log says which.
            logger.LogError(e, "Could not send the {Kind} e-mail for order {OrderNumber} to {Recipient}; the order is kept.",
                kind, orderNumber ?? "(none)", to);
        }
    }
}
