using System.Security.Cryptography;
using System.Text.Json;
using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;

namespace Backstride.Web.Features.Shop;

/// <summary>
/// Which orders this browser may show without asking again: the ones it placed or looked up with number and e-mail.
/// Kept as number + e-mail pairs in the protected "bs_orders" cookie, so the proof cannot be forged; a signed-in
/// customer also sees every order of their account.
/// </summary>
public sealed class OrderAccess(OrderStore orders, IDataProtectionProvider dataProtection, TimeProvider clock)
{
    public const string CookieName = "bs_orders";

    // Few enough that the cookie stays well under a browser's 4 KB limit, even with long addresses.
    public const int MaxRemembered = 8;

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Backstride.Shop.OrderAccess.v1");

    private sealed record Proof(string Number, string Email);

    public void Remember(HttpContext context, Order order)
    {
        var remembered = Read(context)
            .Where(p => !string.Equals(p.Number, order.Number, StringComparison.OrdinalIgnoreCase))
            .Prepend(new Proof(order.Number, order.Email))
            .Take(MaxRemembered)
            .ToList();
        context.Response.Cookies.Append(CookieName, _protector.Protect(JsonSerializer.Serialize(remembered)), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            Path = "/shop",
            Expires = clock.GetUtcNow() + Lifetime,
        });
    }

    /// <summary>The order with this number if this browser or the signed-in account may see it; otherwise null.</summary>
    public async Task<Order?> FindAsync(HttpContext context, string number, CancellationToken cancellationToken = default)
    {
        if (context.User.GetUserId() is { } userId)
        {
            var own = (await orders.ForUserAsync(userId, cancellationToken))
                .FirstOrDefault(o => string.Equals(o.Number, number, StringComparison.OrdinalIgnoreCase));
            if (own is not null)
            {
                return own;
            }
        }
        foreach (var proof in Read(context).Where(p => string.Equals(p.Number, number, StringComparison.OrdinalIgnoreCase)))
        {
            if (await orders.FindForCustomerAsync(proof.Number, proof.Email, cancellationToken) is { } order)
            {
                return order;
            }
        }
        return null;
    }

    private List<Proof> Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<List<Proof>>(_protector.Unprotect(value)) ?? [];
        }
        catch (Exception e) when (e is CryptographicException or JsonException)
        {
            // Forged, damaged, or protected with a key that is gone: the customer can look the order up again.
            return [];
        }
    }
}
