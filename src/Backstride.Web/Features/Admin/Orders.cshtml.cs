using System.Globalization;
using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Admin;

/// <summary>Orders, newest first, 50 a page: searched by number, e-mail or name, filtered by the three statuses.</summary>
public sealed class OrdersModel(OrderStore orders) : PageModel
{
    public OrderFilter Filter { get; private set; } = new(null, null, null, null);

    public IReadOnlyList<Order> Orders { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount => Math.Max(1, (Total + OrderFilter.PageSize - 1) / OrderFilter.PageSize);

    public string ExportUrl => OrdersExport.Url + Filter.ToQueryString();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filter = OrderFilter.From(Request.Query);
        PageNumber = int.TryParse(Request.Query["page"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1
            ? page
            : 1;
        var (items, total) = await orders.SearchAsync(Filter.ToSearch(PageNumber), cancellationToken);
        Orders = items;
        Total = total;
    }
}
