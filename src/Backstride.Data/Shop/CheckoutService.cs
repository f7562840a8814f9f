using System.Security.Cryptography;
using Backstride.Core.Shop;
using Backstride.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Shop;

public enum CheckoutOutcome
{
    Placed,
    AlreadyPlaced,
    Invalid,
    EmptyCart,
    PricesChanged,
    SoldOut,
    DiscountRefused,
}

/// <summary>
/// What a checkout did. Problems are sentences for the customer (a sold-out line, a changed price); NowLowOnStock are
/// the variants this order took to or below their low-stock threshold, for the owner's e-mail.
/// </summary>
public sealed record CheckoutResult(CheckoutOutcome Outcome, Order? Order, ValidationErrors Errors, IReadOnlyList<string> Problems,
    IReadOnlyList<ProductVariant> NowLowOnStock);

/// <summary>
/// Turns a cart into an order. Everything is read and checked first; then one transaction counts the discount code's use
/// with a conditional update (and checks this customer's earlier uses behind it), deletes the cart as its claim, takes
/// each line's stock with a conditional update (only where enough is left) and inserts the order. If any of it fails the
/// transaction rolls back: an order exists with all its stock taken and its cart gone, or not at all.
/// </summary>
public sealed class CheckoutService(BackstrideDbContext db, TimeProvider clock, CatalogSnapshot? snapshot = null)
{
    // Enough to ride out a burst of checkouts for the same few variants; each attempt redoes the whole transaction.
    private const int MaxAttempts = 4;

    /// <summary>
    /// Places the order for this cart, or says why not. A changed price is shown first (PricesChanged) and the cart takes
    /// the new prices, so submitting again orders at them; <paramref name="pricesConfirmed"/> is ignored (kept for
    /// callers): a posted flag cannot skip the check, and a price that changes again is caught again.
    /// </summary>
    public async Task<CheckoutResult> PlaceOrderAsync(Guid cartId, CheckoutDraft draft, ShopRules rules, Guid? userId,
        bool pricesConfirmed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(rules);
        var errors = CheckoutRules.Validate(draft);
        if (!errors.IsValid)
        {
            return Result(CheckoutOutcome.Invalid, errors, []);
        }
        var key = draft.IdempotencyKey!.Trim();

        // Before the cart: a placed order has deleted it, and a repeated submission must show that order again.
        if (await FindByKeyAsync(key, ct) is { } placed)
        {
            return AlreadyPlaced(placed);
        }

        var result = await CheckAndPlaceAsync(cartId, key, draft, rules, userId, errors, ct);
        // A refusal may be this same submission's own success seen from a second request (a double click, a retry): the
        // first took the cart, the stock or the code's last use after the look-up above, and committed. Ask again, with
        // a fresh query, before telling the customer that nothing was ordered.
        if (result.Outcome is not (CheckoutOutcome.Placed or CheckoutOutcome.AlreadyPlaced)
            && await FindByKeyAsync(key, ct) is { } placedMeanwhile)
        {
            return AlreadyPlaced(placedMeanwhile);
        }
        return result;
    }

    private async Task<CheckoutResult> CheckAndPlaceAsync(Guid cartId, string key, CheckoutDraft draft, ShopRules rules,
        Guid? userId, ValidationErrors errors, CancellationToken ct)
    {
        var cart = await db.Carts.AsNoTracking().Include(c => c.Lines).FirstOrDefaultAsync(c => c.Id == cartId, ct);
        if (cart is null || cart.Lines.Count == 0 || (cart.UserId is not null && cart.UserId != userId))
        {
            return Result(CheckoutOutcome.EmptyCart, errors, [EmptyCartMessage]);
        }

        // Prices and stock are re-read now: the cart's prices are only what the customer saw when adding.
        var variantIds = cart.Lines.Select(l => l.VariantId).ToList();
        var variants = await db.ProductVariants.AsNoTracking().Include(v => v.Product)
            .Where(v => variantIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        var lines = new List<CheckoutLine>();
        var unavailable = new List<string>();
        var tooMany = new List<string>();
        var priceChanges = new List<string>();
        foreach (var cartLine in cart.Lines.OrderBy(l => l.AddedAt).ThenBy(l => l.Id))
        {
            if (!variants.TryGetValue(cartLine.VariantId, out var variant) || !CartStore.IsSellable(variant))
            {
                unavailable.Add(variant is { Product: { } product }
                    ? $"{ShopText.LineName(product.Name, variant.Name)} is no longer sold."
                    : "A product in your cart is no longer sold.");
                continue;
            }
            var line = new CheckoutLine(variant, cartLine.Quantity);
            if (cartLine.Quantity > variant.Stock)
            {
                unavailable.Add(ShortOf(line.Name, variant.Stock));
            }
            else if (cartLine.Quantity < 1 || cartLine.Quantity > rules.MaxPerLine)
            {
                tooMany.Add($"Choose 1 to {ShopText.Count(rules.MaxPerLine)} of {line.Name}.");
            }
            if (variant.Price != cartLine.PriceWhenAdded)
            {
                priceChanges.Add(PriceChange(line.Name, cartLine.PriceWhenAdded, variant.Price, rules.Currency));
            }
            lines.Add(line);
        }
        if (unavailable.Count > 0)
        {
            return Result(CheckoutOutcome.SoldOut, errors, unavailable);
        }
        if (tooMany.Count > 0)
        {
            return Result(CheckoutOutcome.Invalid, errors, tooMany);
        }
        if (priceChanges.Count > 0)
        {
            // The customer sees the new prices now: the cart takes them, so the next submission orders at them, and a
            // price that changes once more is shown again.
            await TakeCurrentPricesAsync(cartId, variants.Values, ct);
            return Result(CheckoutOutcome.PricesChanged, errors, priceChanges);
        }

        var now = clock.GetUtcNow();
        var email = draft.Email!.Trim();
        var normalizedEmail = CheckoutRules.NormalizeEmail(email);
        DiscountCode? discount = null;
        if (!string.IsNullOrWhiteSpace(draft.DiscountCode))
        {
            var code = CheckoutRules.NormalizeCode(draft.DiscountCode);
            discount = await db.DiscountCodes.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, ct);
            var usedBefore = discount is null
                ? 0
                : await db.Orders.CountAsync(o => o.NormalizedEmail == normalizedEmail && o.DiscountCode == code
                    && o.Status != OrderStatus.Cancelled, ct);
            if (DiscountRules.WhyNotUsable(discount, now, usedBefore) is { } why)
            {
                return DiscountRefused(errors, why);
            }
        }

        var checkout = new Checkout(cartId, key, userId, email, normalizedEmail, CheckoutRules.AddressOf(draft),
            draft.PaymentMethod.GetValueOrDefault(), discount, lines, rules);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await PlaceAsync(checkout, ct) is { } result)
                {
                    return result;
                }
                if (attempt == MaxAttempts)
                {
                    return Result(CheckoutOutcome.SoldOut, errors,
                        ["The stock changed while your order was being placed. Nothing was ordered; please try again."]);
                }
            }
            catch (Exception exception) when (attempt < MaxAttempts && TransientFailures.IsTransient(exception))
            {
                // SQLite answers a writer that waited past its busy timeout with SQLITE_BUSY, and PostgreSQL may pick a
                // transaction as a deadlock's victim; both left nothing behind, so the whole transaction is tried again.
            }
            db.ChangeTracker.Clear();
            // Random, so the requests that collided do not all come back at the same moment. Not the app's clock:
            // this is a real pause between attempts, not a business time.
            await Task.Delay(TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(10, 50) * attempt), ct);
        }
    }

    /// <summary>One attempt. Null when a line could not be taken though the stock now looks sufficient: try again.</summary>
    private async Task<CheckoutResult?> PlaceAsync(Checkout checkout, CancellationToken ct)
    {
        // Every read is done: the transaction's first statement writes. SQLite then never has to upgrade a read lock to a
        // write lock inside it (which fails at once with SQLITE_BUSY rather than waiting for the other writer).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        if (checkout.Discount is { } discount)
        {
            // The code's use is counted first: the update locks the code's row on PostgreSQL (and takes SQLite's write
            // lock), so checkouts with the same code queue here, and each one's count below sees the orders committed
            // by those before it. Without that, one customer's simultaneous checkouts could each find no earlier use.
            var discountId = discount.Id;
            var counted = await db.DiscountCodes
                .Where(d => d.Id == discountId && (d.UsageLimit == null || d.TimesUsed < d.UsageLimit))
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.TimesUsed, d => d.TimesUsed + 1), ct);
            if (counted == 0)
            {
                await transaction.RollbackAsync(ct);
                return DiscountRefused(new ValidationErrors(), DiscountRules.UsedUpMessage);
            }
            if (discount.PerCustomerLimit is { } perCustomer)
            {
                var code = discount.Code;
                var normalizedEmail = checkout.NormalizedEmail;
                var usedBefore = await db.Orders.CountAsync(o => o.NormalizedEmail == normalizedEmail && o.DiscountCode == code
                    && o.Status != OrderStatus.Cancelled, ct);
                if (usedBefore >= perCustomer)
                {
                    await transaction.RollbackAsync(ct);
                    return DiscountRefused(new ValidationErrors(), DiscountRules.AlreadyUsedMessage);
                }
            }
        }

        // The claim on the cart: of two submissions of the same cart (two tabs, each with its own key) only the one
        // that deletes it goes on; the other finds nothing to delete (on PostgreSQL after waiting for the first to
        // commit) and orders nothing. Its lines go with it (the foreign key cascades).
        var cartId = checkout.CartId;
        if (await db.Carts.Where(c => c.Id == cartId).ExecuteDeleteAsync(ct) == 0)
        {
            await transaction.RollbackAsync(ct);
            // PlaceOrderAsync looks the key up again: when this submission's own order took the cart, it shows that one.
            return Result(CheckoutOutcome.EmptyCart, new ValidationErrors(), [EmptyCartMessage]);
        }

        // In id order, so two orders for the same variants lock their rows in the same order and never deadlock.
        foreach (var line in checkout.Lines.OrderBy(l => l.Variant.Id))
        {
            var variantId = line.Variant.Id;
            var quantity = line.Quantity;
            var price = line.Variant.Price;
            // The price is part of the condition, so an order never goes through at a price the customer was not shown.
            var taken = await db.ProductVariants
                .Where(v => v.Id == variantId && v.IsActive && v.Stock >= quantity && v.Price == price)
                .ExecuteUpdateAsync(set => set.SetProperty(v => v.Stock, v => v.Stock - quantity), ct);
            if (taken == 0)
            {
                await transaction.RollbackAsync(ct);
                return await NotTakenAsync(checkout, ct);
            }
        }

        var order = checkout.NewOrder(clock.GetUtcNow());
        db.Orders.Add(order);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (!TransientFailures.IsTransient(exception))
        {
            // The same submission placed its order a moment ago (the key's unique index refused ours): show that order.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await FindByKeyAsync(checkout.Key, ct) is { } existing)
            {
                return AlreadyPlaced(existing);
            }
            throw;
        }

        var lowOnStock = await NowLowOnStockAsync(checkout, ct);
        await transaction.CommitAsync(ct);
        snapshot?.Invalidate();
        return new CheckoutResult(CheckoutOutcome.Placed, order, new ValidationErrors(), [], lowOnStock);
    }

    /// <summary>Why a line's stock could not be taken, read again after the rollback.</summary>
    private async Task<CheckoutResult?> NotTakenAsync(Checkout checkout, CancellationToken ct)
    {
        var variantIds = checkout.Lines.Select(l => l.Variant.Id).ToList();
        var current = await db.ProductVariants.AsNoTracking().Include(v => v.Product)
            .Where(v => variantIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        var soldOut = new List<string>();
        var priceChanges = new List<string>();
        foreach (var line in checkout.Lines)
        {
            if (!current.TryGetValue(line.Variant.Id, out var variant) || !CartStore.IsSellable(variant))
            {
                soldOut.Add($"{line.Name} is no longer sold.");
            }
            else if (variant.Stock < line.Quantity)
            {
                soldOut.Add(ShortOf(line.Name, variant.Stock));
            }
            else if (variant.Price != line.Variant.Price)
            {
                priceChanges.Add(PriceChange(line.Name, line.Variant.Price, variant.Price, checkout.Rules.Currency));
            }
        }
        if (soldOut.Count > 0)
        {
            return Result(CheckoutOutcome.SoldOut, new ValidationErrors(), soldOut);
        }
        if (priceChanges.Count > 0)
        {
            // As before the transaction: the cart takes the prices now shown, and the next submission orders at them.
            await TakeCurrentPricesAsync(checkout.CartId, current.Values, ct);
            return Result(CheckoutOutcome.PricesChanged, new ValidationErrors(), priceChanges);
        }
        return null;
    }

    /// <summary>
    /// Sets each cart line's price-when-added to the variant's current price, once the customer has been shown the
    /// change. A cart already gone (ordered meanwhile) has no lines to update.
    /// </summary>
    private async Task TakeCurrentPricesAsync(Guid cartId, IEnumerable<ProductVariant> current, CancellationToken ct)
    {
        foreach (var variant in current)
        {
            var variantId = variant.Id;
            var price = variant.Price;
            await db.CartLines.Where(l => l.CartId == cartId && l.VariantId == variantId && l.PriceWhenAdded != price)
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.PriceWhenAdded, price), ct);
        }
    }

    /// <summary>The variants this order took to or below their threshold, read inside the transaction so the numbers are its own.</summary>
    private async Task<List<ProductVariant>> NowLowOnStockAsync(Checkout checkout, CancellationToken ct)
    {
        var taken = checkout.Lines.ToDictionary(l => l.Variant.Id, l => l.Quantity);
        var variantIds = taken.Keys.ToList();
        var after = await db.ProductVariants.AsNoTracking().Include(v => v.Product)
            .Where(v => variantIds.Contains(v.Id)).ToListAsync(ct);
        // Only the order that crossed the threshold reports it, so the owner gets one e-mail, not one per later order.
        return after.Where(v => v.Stock <= v.LowStockThreshold && v.Stock + taken[v.Id] > v.LowStockThreshold).ToList();
    }

    private const string EmptyCartMessage = "Your cart is empty.";

    /// <summary>A fresh look-up every time (no tracking): what another request committed a moment ago is seen.</summary>
    private Task<Order?> FindByKeyAsync(string key, CancellationToken ct) =>
        db.Orders.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.IdempotencyKey == key, ct);

    private static CheckoutResult AlreadyPlaced(Order order) =>
        new(CheckoutOutcome.AlreadyPlaced, order, new ValidationErrors(), [], []);

    private static CheckoutResult DiscountRefused(ValidationErrors errors, string why)
    {
        errors.Add(CheckoutRules.DiscountCodeField, why);
        return Result(CheckoutOutcome.DiscountRefused, errors, [why]);
    }

    private static CheckoutResult Result(CheckoutOutcome outcome, ValidationErrors errors, IReadOnlyList<string> problems) =>
        new(outcome, null, errors, problems, []);

    private static string ShortOf(string name, int stock) =>
        stock <= 0 ? $"{name} is sold out." : $"{name}: only {ShopText.Count(stock)} left.";

    private static string PriceChange(string name, decimal before, decimal now, string currency) =>
        $"{name}: {ShopText.Money(before)} → {ShopText.Money(now)} {currency}";

    private sealed record CheckoutLine(ProductVariant Variant, int Quantity)
    {
        public string Name => ShopText.LineName(Variant.Product?.Name ?? "", Variant.Name);
    }

    /// <summary>Everything read and checked before the transaction; each attempt builds its order from it afresh.</summary>
    private sealed record Checkout(Guid CartId, string Key, Guid? UserId, string Email, string NormalizedEmail,
        ShippingAddress Address, PaymentMethod PaymentMethod, DiscountCode? Discount, IReadOnlyList<CheckoutLine> Lines,
        ShopRules Rules)
    {
        public Order NewOrder(DateTimeOffset now)
        {
            var totals = OrderPricing.Compute(
                Lines.Select(l => new PricedLine(l.Variant.Id, l.Variant.Price, l.Quantity)).ToList(), Rules, Discount);
            var order = new Order
            {
                Number = OrderNumbers.New(),
                IdempotencyKey = Key,
                UserId = UserId,
                Email = Email,
                NormalizedEmail = NormalizedEmail,
                // A copy per attempt: an owned address belongs to exactly one order instance.
                ShippingAddress = Address with { },
                ShippingMethod = Rules.ShippingMethodName,
                PaymentMethod = PaymentMethod,
                Currency = Rules.Currency,
                Subtotal = totals.Subtotal,
                Discount = totals.Discount,
                Shipping = totals.Shipping,
                Tax = totals.Tax,
                Total = totals.Total,
                DiscountCode = Discount?.Code,
                Status = OrderStatus.Placed,
                PaymentStatus = PaymentStatus.Pending,
                ShippingStatus = ShippingStatus.NotShipped,
                CreatedAt = now,
                UpdatedAt = now,
            };
            foreach (var line in Lines)
            {
                order.Lines.Add(new OrderLine
                {
                    OrderId = order.Id,
                    VariantId = line.Variant.Id,
                    ProductName = line.Variant.Product?.Name ?? "",
                    VariantName = line.Variant.Name,
                    Sku = line.Variant.Sku,
                    UnitPrice = line.Variant.Price,
                    Quantity = line.Quantity,
                    LineTotal = OrderPricing.RoundMoney(line.Variant.Price * line.Quantity),
                });
            }
            return order;
        }
    }
}
