using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Backstride.Web.Features.Shop;

/// <summary>
/// A guest's cart id, kept in the "bs_cart" cookie. The value is protected (encrypted and signed), so nobody can
/// guess or forge another person's cart id.
/// </summary>
public sealed class CartCookie(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    public const string Name = "bs_cart";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Backstride.Shop.CartCookie.v1");

    /// <summary>The cart id the cookie holds; null when there is none or it was tampered with.</summary>
    public Guid? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }
        try
        {
            return Guid.TryParseExact(_protector.Unprotect(value), "N", out var cartId) ? cartId : null;
        }
        catch (CryptographicException)
        {
            // Forged, damaged, or protected with a key that is gone: as if there were no cart.
            return null;
        }
    }

    public void Write(HttpContext context, Guid cartId) =>
        context.Response.Cookies.Append(Name, _protector.Protect(cartId.ToString("N")), Options(context, clock.GetUtcNow() + Lifetime));

    public void Clear(HttpContext context) => context.Response.Cookies.Delete(Name, Options(context, expires: null));

    private static CookieOptions Options(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        // Without it a browser that refuses non-essential cookies would lose the cart; a cart is what the visitor asked for.
        IsEssential = true,
        Path = "/",
        Expires = expires,
    };
}
