using Backstride.Core.Shop;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Shop;

/// <summary>The cart after a change, and a sentence when the change was not made as asked (e.g. capped by stock).</summary>
public sealed record CartChange(Cart Cart, string? Message);

/// <summary>A cart as the cart page and checkout show it: current prices, what is left, and the totals.</summary>
public sealed record CartView(Guid? CartId, IReadOnlyList<CartViewLine> Lines, OrderTotals Totals, int ItemCount);

public sealed record CartViewLine(Guid VariantId, string ProductName, string ProductSlug, string VariantName, decimal UnitPrice,
    decimal PriceWhenAdded, int Quantity, int Stock, decimal LineTotal)
{
    public bool PriceChanged => UnitPrice != PriceWhenAdded;

    public bool NotEnoughStock => Quantity > Stock;
}

/// <summary>
/// Carts for guests (found by the id in their cookie) and signed-in users. Quantities are capped by stock and by the
/// shop's per-order maximum when they are set; stock is only taken at checkout.
/// </summary>
public sealed class CartStore(BackstrideDbContext db, TimeProvider clock)
{
    public Task<Cart?> FindAsync(Guid cartId, CancellationToken ct = default) =>
        db.Carts.AsNoTracking().Include(c => c.Lines).FirstOrDefaultAsync(c => c.Id == cartId, ct);

    public async Task<Cart?> FindForUserAsync(Guid userId, CancellationToken ct = default) =>
        (await db.Carts.AsNoTracking().Include(c => c.Lines).Where(c => c.UserId == userId).ToListAsync(ct))
            .OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id)
            .FirstOrDefault();

    /// <summary>
    /// Adds to the cart, creating it when there is none yet (or the cookie's cart is gone). The quantity is added to a
    /// line already there and capped by stock and the per-order maximum, with a message saying so.
    /// </summary>
    public async Task<CartChange> AddAsync(Guid? cartId, Guid? userId, Guid variantId, int quantity, ShopRules rules,
        CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var cart = await TrackedCartAsync(cartId, userId, ct);
        var variant = await SellableVariantAsync(variantId, ct);
        if (variant is null)
        {
            return new CartChange(cart ?? NewCart(userId, now), "This product is no longer sold.");
        }
        if (quantity < 1)
        {
            return new CartChange(cart ?? NewCart(userId, now), "Choose a quantity of 1 or more.");
        }

        var line = cart?.Lines.FirstOrDefault(l => l.VariantId == variantId);
        var wanted = (long)(line?.Quantity ?? 0) + quantity;
        var (allowed, message) = Cap(variant, wanted, rules);
        if (allowed == 0)
        {
            return new CartChange(cart ?? NewCart(userId, now), message);
        }

        if (cart is null)
        {
            cart = NewCart(userId, now);
            db.Carts.Add(cart);
        }
        if (line is null)
        {
            AddLine(cart, new CartLine
            {
                CartId = cart.Id, VariantId = variantId, Quantity = allowed, PriceWhenAdded = variant.Price, AddedAt = now,
            });
        }
        else
        {
            line.Quantity = allowed;
            // The customer has just seen the current price on the page they added from.
            line.PriceWhenAdded = variant.Price;
        }
        cart.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return new CartChange(cart, message);
    }

    /// <summary>Sets a line's quantity (0 removes it), capped by stock and the per-order maximum.</summary>
    public async Task<CartChange> SetQuantityAsync(Guid cartId, Guid variantId, int quantity, ShopRules rules,
        CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var cart = await db.Carts.Include(c => c.Lines).FirstOrDefaultAsync(c => c.Id == cartId, ct);
        if (cart is null)
        {
            return new CartChange(NewCart(userId: null, now), "Your cart has expired; add the products again.");
        }
        var line = cart.Lines.FirstOrDefault(l => l.VariantId == variantId);
        if (line is null)
        {
            return new CartChange(cart, quantity > 0 ? "This product is not in your cart." : null);
        }

        string? message = null;
        if (quantity <= 0)
        {
            RemoveLine(cart, line);
        }
        else
        {
            var variant = await SellableVariantAsync(variantId, ct);
            if (variant is null)
            {
                return new CartChange(cart, "This product is no longer sold; remove it from your cart.");
            }
            (var allowed, message) = Cap(variant, quantity, rules);
            if (allowed == 0)
            {
                RemoveLine(cart, line);
            }
            else
            {
                line.Quantity = allowed;
            }
        }
        cart.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return new CartChange(cart, message);
    }

    /// <summary>
    /// At sign-in: the guest cart's lines move into the user's cart (quantities summed and capped) and the guest cart
    /// goes. Returns the user's cart, or null when there is none.
    /// </summary>
    public async Task<Cart?> MergeIntoUserAsync(Guid guestCartId, Guid userId, ShopRules rules, CancellationToken ct = default)
    {
        var guest = await db.Carts.Include(c => c.Lines).FirstOrDefaultAsync(c => c.Id == guestCartId, ct);
        if (guest is null || guest.UserId == userId)
        {
            return guest ?? await FindForUserAsync(userId, ct);
        }
        if (guest.UserId is not null)
        {
            // Someone else's cart: the cookie is stale or forged, so it is left alone.
            return await FindForUserAsync(userId, ct);
        }

        var now = clock.GetUtcNow();
        var userCart = await TrackedCartAsync(cartId: null, userId, ct);
        if (userCart is null)
        {
            // Simplest case: the guest cart becomes the user's.
            guest.UserId = userId;
            guest.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
            return guest;
        }

        var variantIds = guest.Lines.Select(l => l.VariantId).ToList();
        var variants = await db.ProductVariants.AsNoTracking().Include(v => v.Product)
            .Where(v => variantIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        foreach (var guestLine in guest.Lines)
        {
            if (!variants.TryGetValue(guestLine.VariantId, out var variant) || !IsSellable(variant))
            {
                continue;
            }
            var line = userCart.Lines.FirstOrDefault(l => l.VariantId == guestLine.VariantId);
            var (allowed, _) = Cap(variant, (long)(line?.Quantity ?? 0) + guestLine.Quantity, rules);
            if (allowed == 0)
            {
                continue;
            }
            if (line is null)
            {
                AddLine(userCart, new CartLine
                {
                    CartId = userCart.Id, VariantId = guestLine.VariantId, Quantity = allowed,
                    PriceWhenAdded = guestLine.PriceWhenAdded, AddedAt = guestLine.AddedAt,
                });
            }
            else
            {
                line.Quantity = allowed;
            }
        }
        userCart.UpdatedAt = now;
        db.Carts.Remove(guest);
        await db.SaveChangesAsync(ct);
        return userCart;
    }

    /// <summary>The cart with today's prices and stock. Lines whose product is no longer sold show with no stock.</summary>
    public async Task<CartView> ViewAsync(Cart? cart, ShopRules rules, CancellationToken ct = default)
    {
        if (cart is null || cart.Lines.Count == 0)
        {
            return new CartView(cart?.Id, [], OrderPricing.Compute([], rules, null), 0);
        }
        var variantIds = cart.Lines.Select(l => l.VariantId).ToList();
        var variants = await db.ProductVariants.AsNoTracking().Include(v => v.Product)
            .Where(v => variantIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);

        var lines = new List<CartViewLine>();
        foreach (var line in cart.Lines.OrderBy(l => l.AddedAt).ThenBy(l => l.Id))
        {
            if (!variants.TryGetValue(line.VariantId, out var variant) || variant.Product is not { } product)
            {
                continue;
            }
            var stock = IsSellable(variant) ? variant.Stock : 0;
            lines.Add(new CartViewLine(variant.Id, product.Name, product.Slug, variant.Name, variant.Price, line.PriceWhenAdded,
                line.Quantity, stock, OrderPricing.RoundMoney(variant.Price * line.Quantity)));
        }
        var totals = OrderPricing.Compute(lines.Select(l => new PricedLine(l.VariantId, l.UnitPrice, l.Quantity)).ToList(), rules, null);
        return new CartView(cart.Id, lines, totals, lines.Sum(l => l.Quantity));
    }

    /// <summary>How many of a variant one cart line may hold, and why fewer than wanted.</summary>
    internal static (int Allowed, string? Message) Cap(ProductVariant variant, long wanted, ShopRules rules)
    {
        var name = ShopText.LineName(variant.Product?.Name ?? "", variant.Name);
        var stock = Math.Max(variant.Stock, 0);
        if (stock == 0)
        {
            return (0, $"{name} is sold out.");
        }
        if (wanted <= Math.Min(stock, rules.MaxPerLine))
        {
            return ((int)wanted, null);
        }
        return stock < rules.MaxPerLine
            ? (stock, $"Only {ShopText.Count(stock)} of {name} left: your cart holds {ShopText.Count(stock)}.")
            : (rules.MaxPerLine, $"At most {ShopText.Count(rules.MaxPerLine)} of {name} per order: your cart holds {ShopText.Count(rules.MaxPerLine)}.");
    }

    internal static bool IsSellable(ProductVariant variant) => variant.IsActive && variant.Product is { IsPublished: true };

    private Task<ProductVariant?> SellableVariantAsync(Guid variantId, CancellationToken ct) =>
        db.ProductVariants.AsNoTracking().Include(v => v.Product)
            .FirstOrDefaultAsync(v => v.Id == variantId && v.IsActive && v.Product!.IsPublished, ct);

    /// <summary>The cart to change: the cookie's (unless it belongs to someone else), else the user's newest.</summary>
    private async Task<Cart?> TrackedCartAsync(Guid? cartId, Guid? userId, CancellationToken ct)
    {
        if (cartId is { } id)
        {
            var cart = await db.Carts.Include(c => c.Lines).FirstOrDefaultAsync(c => c.Id == id, ct);
            if (cart is not null && (cart.UserId is null || cart.UserId == userId))
            {
                return cart;
            }
        }
        if (userId is { } user)
        {
            var newest = (await db.Carts.Where(c => c.UserId == user).Select(c => new { c.Id, c.UpdatedAt }).ToListAsync(ct))
                .OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id).FirstOrDefault();
            if (newest is not null)
            {
                return await db.Carts.Include(c => c.Lines).FirstAsync(c => c.Id == newest.Id, ct);
            }
        }
        return null;
    }

    private void AddLine(Cart cart, CartLine line)
    {
        cart.Lines.Add(line);
        db.CartLines.Add(line);
    }

    private void RemoveLine(Cart cart, CartLine line)
    {
        cart.Lines.Remove(line);
        db.CartLines.Remove(line);
    }

    private static Cart NewCart(Guid? userId, DateTimeOffset now) => new() { UserId = userId, CreatedAt = now, UpdatedAt = now };
}
