using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Admin;

/// <summary>The latest admin changes to the shop: who did what to which item, and when.</summary>
public sealed class AuditModel(AuditLog audit) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await audit.RecentAsync(Shown, cancellationToken);

    /// <summary>Where the entry's item is in the admin, when it still has a page.</summary>
    public static string? LinkOf(AuditEntry entry) => entry.EntityType switch
    {
        "Product" => "/admin/products/" + entry.EntityId,
        "Order" => "/admin/orders/" + entry.EntityId,
        "DiscountCode" => "/admin/discounts/" + entry.EntityId,
        _ => null,
    };
}
