using System.Data.Common;
using Backstride.Core.Shop;
using Backstride.Data;
using Backstride.Data.Shop;
using Backstride.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Backstride.Web.Features.Shop;

/// <summary>
/// The cart of whoever is asking: a signed-in customer's by their account, a guest's by the cart cookie.
/// A guest cart still in the cookie when its owner is signed in is merged into their account's cart.
/// </summary>
public sealed class CurrentCart(CartStore carts, CartCookie cookie, BackstrideDbContext db, IOptions<ShopOptions> options,
    ILogger<CurrentCart> logger)
{
    public ShopRules Rules { get; } = options.Value.ToRules();

    public async Task<Cart?> FindAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        if (context.User.GetUserId() is { } userId)
        {
            await MergeGuestCartAsync(context, userId, cancellationToken);
            return await carts.FindForUserAsync(userId, cancellationToken);
        }
        return cookie.Read(context) is { } cartId ? await carts.FindAsync(cartId, cancellationToken) : null;
    }

    public async Task<CartView> ViewAsync(HttpContext context, CancellationToken cancellationToken = default) =>
        await carts.ViewAsync(await FindAsync(context, cancellationToken), Rules, cancellationToken);

    /// <summary>Adds to the cart, making one (and, for a guest, the cookie) when there is none yet.</summary>
    public async Task<CartChange> AddAsync(HttpContext context, Guid variantId, int quantity,
        CancellationToken cancellationToken = default)
    {
        var userId = context.User.GetUserId();
        var cart = await FindAsync(context, cancellationToken);
        var change = await carts.AddAsync(cart?.Id, userId, variantId, quantity, Rules, cancellationToken);
        if (userId is null && cart?.Id != change.Cart.Id)
        {
            cookie.Write(context, change.Cart.Id);
        }
        return change;
    }

    /// <summary>Called where a sign-in succeeds: the guest cart joins the account's cart and the cookie goes.</summary>
    public async Task MergeGuestCartAsync(HttpContext context, Guid userId, CancellationToken cancellationToken = default)
    {
        if (cookie.Read(context) is not { } guestCartId)
        {
            return;
        }
        await carts.MergeIntoUserAsync(guestCartId, userId, Rules, cancellationToken);
        cookie.Clear(context);
    }

    /// <summary>Items in the cart for the header; null when the database cannot say (the page still renders).</summary>
    public async Task<int?> CountAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        var userId = context.User.GetUserId();
        var guestCartId = userId is null ? cookie.Read(context) : null;
        if (userId is null && guestCartId is null)
        {
            return 0;
        }
        try
        {
            var cartsOfVisitor = userId is { } id
                ? db.Set<Cart>().Where(c => c.UserId == id)
                : db.Set<Cart>().Where(c => c.Id == guestCartId);
            return await cartsOfVisitor.SelectMany(c => c.Lines).SumAsync(l => l.Quantity, cancellationToken);
        }
        catch (DbException e)
        {
            // The header is also drawn on the error page; a count must never be why that page fails.
            logger.LogWarning(e, "Could not count the cart's items for the header.");
            return null;
        }
    }
}
