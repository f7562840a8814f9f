using System.Globalization;
using Backstride.Core.Shop;
using Backstride.Data.Shop;
using CsvHelper;

namespace Backstride.Web.Features.Admin;

/// <summary>The orders of the list's current filter as CSV, for the owner's spreadsheet or accountant.</summary>
public static class OrdersExport
{
    public const string Url = "/admin/orders.csv";

    public static readonly string[] Header =
    [
        "number", "created", "email", "name", "country", "status", "payment", "shipping",
        "subtotal", "discount", "shipping_cost", "tax", "total", "refunded", "currency", "items",
    ];

    // A cell a customer typed (a name, an e-mail) that starts with = + - @ would run as a formula in a spreadsheet:
    // CsvHelper puts a single quote in front (and quotes the field). The BOM makes Excel read the file as UTF-8.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
    };

    public static void MapOrdersExport(this WebApplication app) =>
        app.MapGet(Url, async (HttpRequest request, OrderStore orders, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var matching = await orders.ExportAsync(OrderFilter.From(request.Query).ToSearch(), cancellationToken);
            var fileName = string.Create(CultureInfo.InvariantCulture, $"orders-{clock.GetUtcNow():yyyyMMdd-HHmm}.csv");
            return Results.File(ToCsv(matching), "text/csv; charset=utf-8", fileName);
        }).RequireAuthorization(AdminRole.Policy).ExcludeFromDescription();

    public static byte[] ToCsv(IEnumerable<Order> orders)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteHeader(Header);
            foreach (var order in orders)
            {
                csv.WriteRecord(Row(order));
            }
        }
        return buffer.ToArray();
    }

    private static string[] Row(Order order) =>
    [
        order.Number,
        order.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        order.Email,
        order.ShippingAddress.Name,
        order.ShippingAddress.Country,
        order.Status.ToString(),
        order.PaymentStatus.ToString(),
        order.ShippingStatus.ToString(),
        Amount(order.Subtotal),
        Amount(order.Discount),
        Amount(order.Shipping),
        Amount(order.Tax),
        Amount(order.Total),
        Amount(order.RefundedAmount),
        order.Currency,
        string.Join("; ", order.Lines.Select(line =>
            string.Create(CultureInfo.InvariantCulture, $"{line.Quantity} × {line.Sku}"))),
    ];

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
