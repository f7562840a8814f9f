using System.Globalization;
using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Backstride.Web.Features.Shop;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Backstride.Web.Features.Admin;

public sealed class DiscountsModel(DiscountStore discounts, IOptions<ShopOptions> shop, TimeProvider clock) : PageModel
{
    public IReadOnlyList<DiscountCode> Codes { get; private set; } = [];

    public string Currency => shop.Value.Currency;

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Codes = await discounts.AllAsync(cancellationToken);
    }

    /// <summary>"20 % off, at most $10.00" or "$5.00 off".</summary>
    public string Takes(DiscountCode code) => code.Kind == DiscountKind.Percent
        ? code.Value.ToString("0.##", CultureInfo.InvariantCulture) + " % off"
            + (code.MaxDiscount is { } cap ? ", at most " + ShopText.Money(cap, Currency) : "")
        : ShopText.Money(code.Value, Currency) + " off";

    /// <summary>Whether a customer could use it now, leaving out their own earlier uses.</summary>
    public string State(DiscountCode code) =>
        !code.IsActive ? "Switched off" : DiscountRules.WhyNotUsable(code, Now, usedByThisCustomer: 0) ?? "Usable now";

    public static string Limits(DiscountCode code)
    {
        var used = string.Create(CultureInfo.InvariantCulture, $"Used {code.TimesUsed}");
        var total = code.UsageLimit is { } limit ? string.Create(CultureInfo.InvariantCulture, $" of {limit}") : " (no limit)";
        var each = code.PerCustomerLimit is { } perCustomer
            ? string.Create(CultureInfo.InvariantCulture, $"; {perCustomer} per customer")
            : "";
        return used + total + each;
    }

    public static string Dates(DiscountCode code)
    {
        if (code.StartsAt is { } from)
        {
            return code.EndsAt is { } ends ? AdminText.When(from) + " to " + AdminText.When(ends) : "From " + AdminText.When(from);
        }
        return code.EndsAt is { } until ? "Until " + AdminText.When(until) : "Any time";
    }
}
