using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Admin;

/// <summary>The owner's start page: what needs doing today (payments to check, parcels to send, stock to order).</summary>
public sealed class DashboardModel(OrderStore orders, CatalogAdminStore catalog,
    Microsoft.Extensions.Options.IOptions<Shop.ShopOptions> shopOptions) : PageModel
{
    /// <summary>Customers paying by bank transfer would be shown the sample account: the owner must see that first.</summary>
    public bool SampleBankDetails => shopOptions.Value.HasSampleBankDetails;

    public int AwaitingPayment { get; private set; }

    public int AwaitingShipping { get; private set; }

    public IReadOnlyList<ProductVariant> LowStock { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Only the totals are wanted, so one row a page.
        AwaitingPayment = (await orders.SearchAsync(
            new OrderSearch(null, OrderStatus.Placed, PaymentStatus.Pending, null, 1, 1), cancellationToken)).Total;
        AwaitingShipping = (await orders.SearchAsync(
            new OrderSearch(null, OrderStatus.Placed, null, ShippingStatus.NotShipped, 1, 1), cancellationToken)).Total;
        LowStock = await catalog.LowStockAsync(cancellationToken);
    }
}
