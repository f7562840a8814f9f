using Backstride.Data.Shop;
using Backstride.Web.Features.Shop;
using Backstride.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Backstride.Web.Tests.Shop;

public sealed class OrderEmailBySmtpTests(BackstrideAppWithSmtp app) : IClassFixture<BackstrideAppWithSmtp>
{
    [Fact]
    public async Task PlacedOrder_SendsTheBuyerAConfirmationWithNumberItemsAndTotal()
    {
        var guest = app.NewRunner();
        var product = await app.NewProductAsync(("50 ml tube", 14.95m, 20), ("100 ml tube", 24.95m, 20));
        await guest.AddToCartAsync(product, 0, 2);
        await guest.AddToCartAsync(product, 1, 1);
        var email = RunnerClient.UniqueEmail();

        var number = await guest.CheckOutAsync(email, payment: "BankTransfer");
        var mail = await app.Smtp.WaitForMessageToAsync(email);

        var body = mail.TextBody ?? "";
        Assert.Equal($"Your WBC order {number}", mail.Subject);
        Assert.Contains($"Order number: {number}", body, StringComparison.Ordinal);
        Assert.Contains($"{product.Name}, 50 ml tube × 2: $29.90", body, StringComparison.Ordinal);
        Assert.Contains($"{product.Name}, 100 ml tube × 1: $24.95", body, StringComparison.Ordinal);
        Assert.Contains("Shipping (Standard delivery (3–5 working days)): free", body, StringComparison.Ordinal);
        Assert.Contains("Total: $54.85", body, StringComparison.Ordinal);
        Assert.Contains($"Reference: {number}", body, StringComparison.Ordinal);
        Assert.Contains($"/shop/order-status?number={number}", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShippedOrder_SendsTheBuyerTheTrackingNumberWithTheItemsAndTotal()
    {
        var guest = app.NewRunner();
        var product = await app.NewProductAsync(("50 ml tube", 14.95m, 20));
        await guest.AddToCartAsync(product, 0, 1);
        var email = RunnerClient.UniqueEmail();
        var number = await guest.CheckOutAsync(email, payment: "PayOnDelivery");
        await app.Smtp.WaitForMessageToAsync(email);

        // What the admin order page does on "Mark shipped": the store's change, then the e-mail.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var orders = scope.ServiceProvider.GetRequiredService<OrderStore>();
            var order = await orders.FindForCustomerAsync(number, email);
            var shipped = await orders.MarkShippedAsync(order!.Id, "1Z999AA10123456784", new AdminActor(Guid.NewGuid(), "owner@example.com"));
            Assert.Equal(ShopOutcome.Saved, shipped.Outcome);
            await scope.ServiceProvider.GetRequiredService<OrderEmails>().SendShippedAsync((await orders.FindAsync(order.Id))!);
        }

        var mail = await app.Smtp.WaitForMessageToAsync(email, subjectContains: "has shipped");
        var body = mail.TextBody ?? "";
        Assert.Equal($"Your WBC order {number} has shipped", mail.Subject);
        Assert.Contains("Tracking number: 1Z999AA10123456784", body, StringComparison.Ordinal);
        Assert.Contains($"{product.Name}, 50 ml tube × 1: $14.95", body, StringComparison.Ordinal);
        Assert.Contains("Total: $20.90", body, StringComparison.Ordinal);
    }
}
