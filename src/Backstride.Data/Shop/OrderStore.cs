using Backstride.Core.Shop;
using Backstride.Core.Validation;
using Backstride.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Shop;

/// <summary>The admin's order list filter. Text matches the order number, the e-mail or the name it ships to.</summary>
public sealed record OrderSearch(string? Text, OrderStatus? Status, PaymentStatus? Payment, ShippingStatus? Shipping,
    int Page = 1, int PageSize = 50);

/// <summary>
/// Orders after checkout: what customers look up, and what the owner does to them. Every admin change is saved together
/// with its audit entry; cancelling returns the stock in the same transaction that marks the order cancelled.
/// Order.UpdatedAt is the order's concurrency token and every write sets it: a change checked against an order that
/// another change has saved over meanwhile (a cancellation between "mark shipped"'s read and its save) is refused.
/// </summary>
public sealed class OrderStore(BackstrideDbContext db, TimeProvider clock, CatalogSnapshot? snapshot = null)
{
    public const string TrackingNumberField = "TrackingNumber";
    public const string AmountField = "Amount";
    public const string TextField = "Text";
    public const string ReasonField = "Reason";

    public const int MaxPageSize = 200;
    public const int MaxTrackingNumberLength = ShopColumns.TrackingNumberLength;
    public const int MaxNoteLength = ShopColumns.NoteLength;
    public const int MaxCancelReasonLength = 500;
    public const int MaxSearchLength = 100;

    public const string ChangedMeanwhileMessage = "The order changed meanwhile; reload it and try again.";

    private const string EntityType = "Order";

    /// <summary>The status page's lookup: both the number (in any case) and the order's e-mail must match.</summary>
    public Task<Order?> FindForCustomerAsync(string number, string email, CancellationToken ct = default)
    {
        var wantedNumber = number.Trim().ToUpperInvariant();
        var wantedEmail = CheckoutRules.NormalizeEmail(email);
        return db.Orders.AsNoTracking().Include(o => o.Lines)
            .FirstOrDefaultAsync(o => o.Number == wantedNumber && o.NormalizedEmail == wantedEmail, ct);
    }

    public Task<Order?> FindByIdempotencyKeyAsync(string key, CancellationToken ct = default)
    {
        var wanted = key.Trim();
        return db.Orders.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.IdempotencyKey == wanted, ct);
    }

    public Task<List<Order>> ForUserAsync(Guid userId, CancellationToken ct = default) =>
        db.Orders.AsNoTracking().AsSplitQuery().Include(o => o.Lines)
            .Where(o => o.UserId == userId)
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .ToListAsync(ct);

    public Task<Order?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Orders.AsNoTracking().AsSplitQuery()
            .Include(o => o.Lines)
            .Include(o => o.Notes.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id))
            .FirstOrDefaultAsync(o => o.Id == id, ct);

    public async Task<(List<Order> Items, int Total)> SearchAsync(OrderSearch search, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        var query = Matching(search);
        var total = await query.CountAsync(ct);
        var pageSize = Math.Clamp(search.PageSize, 1, MaxPageSize);
        var page = Math.Max(search.Page, 1);
        var items = await Newest(query)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(ct);
        return (items, total);
    }

    /// <summary>Every matching order with its lines, newest first, for the CSV export.</summary>
    public Task<List<Order>> ExportAsync(OrderSearch search, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        return Newest(Matching(search)).AsSplitQuery().Include(o => o.Lines).ToListAsync(ct);
    }

    public Task<ShopResult<Order>> MarkPaidAsync(Guid id, AdminActor actor, CancellationToken ct = default) =>
        ChangeAsync(id, OrderAction.MarkPaid, actor, "order.pay", (order, now) =>
        {
            order.PaymentStatus = PaymentStatus.Paid;
            order.PaidAt = now;
            CompleteIfDone(order);
            return "Payment Pending → Paid.";
        }, ct);

    public async Task<ShopResult<Order>> MarkShippedAsync(Guid id, string trackingNumber, AdminActor actor,
        CancellationToken ct = default)
    {
        var tracking = trackingNumber?.Trim();
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(tracking))
        {
            errors.Add(TrackingNumberField, "Enter the carrier's tracking number, so the customer can follow the parcel.");
        }
        else if (tracking.Length > MaxTrackingNumberLength || tracking.Any(char.IsControl))
        {
            errors.Add(TrackingNumberField, $"Enter the tracking number on one line, up to {ShopText.Count(MaxTrackingNumberLength)} characters.");
        }
        if (!errors.IsValid)
        {
            return ShopResult<Order>.Invalid(errors);
        }
        return await ChangeAsync(id, OrderAction.MarkShipped, actor, "order.ship", (order, now) =>
        {
            order.ShippingStatus = ShippingStatus.Shipped;
            order.TrackingNumber = tracking;
            order.ShippedAt = now;
            return $"Shipped with tracking number {tracking}.";
        }, ct);
    }

    public Task<ShopResult<Order>> MarkDeliveredAsync(Guid id, AdminActor actor, CancellationToken ct = default) =>
        ChangeAsync(id, OrderAction.MarkDelivered, actor, "order.deliver", (order, now) =>
        {
            order.ShippingStatus = ShippingStatus.Delivered;
            order.DeliveredAt = now;
            CompleteIfDone(order);
            return "Shipping Shipped → Delivered.";
        }, ct);

    /// <summary>
    /// Cancels an order that has not shipped: its stock goes back and its discount code's use is returned, in one
    /// transaction with the status change, so stock is returned exactly once however often the button is pressed.
    /// </summary>
    public async Task<ShopResult<Order>> CancelAsync(Guid id, string? reason, AdminActor actor, CancellationToken ct = default)
    {
        var why = reason?.Trim();
        if (why is { Length: > MaxCancelReasonLength })
        {
            var errors = new ValidationErrors();
            errors.Add(ReasonField, $"Keep the reason to {ShopText.Count(MaxCancelReasonLength)} characters.");
            return ShopResult<Order>.Invalid(errors);
        }
        var order = await TrackedAsync(id, ct);
        if (order is null)
        {
            return ShopResult<Order>.NotFound();
        }
        if (OrderTransitions.WhyNot(order, OrderAction.Cancel) is { } refusal)
        {
            return ShopResult<Order>.Refused(refusal);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The claim: only one cancellation of an order can find it still open, so only one returns its stock.
        var claimed = await db.Orders
            .Where(o => o.Id == id && o.Status == OrderStatus.Placed && o.ShippingStatus == ShippingStatus.NotShipped)
            .ExecuteUpdateAsync(set => set
                .SetProperty(o => o.Status, OrderStatus.Cancelled)
                .SetProperty(o => o.CancelledAt, (DateTimeOffset?)now)
                .SetProperty(o => o.UpdatedAt, now), ct);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(ct);
            return ShopResult<Order>.Refused("This order changed meanwhile (cancelled or shipped). Reload it and try again.");
        }
        // The code's row before the variants' rows, in the order a checkout locks them, so the two never deadlock.
        if (order.DiscountCode is { } code)
        {
            await db.DiscountCodes.Where(d => d.Code == code && d.TimesUsed > 0)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.TimesUsed, d => d.TimesUsed - 1), ct);
        }
        // In variant id order, as checkout takes them, so a cancellation and a checkout never deadlock on two rows.
        foreach (var line in order.Lines.OrderBy(l => l.VariantId))
        {
            var variantId = line.VariantId;
            var quantity = line.Quantity;
            // A variant deleted since simply has nothing to return to.
            await db.ProductVariants.Where(v => v.Id == variantId)
                .ExecuteUpdateAsync(set => set.SetProperty(v => v.Stock, v => v.Stock + quantity), ct);
        }

        // The tracked copy takes what the claim wrote, UpdatedAt included, so the save below (the note and the audit
        // entry) does not mistake the claim for someone else's change, and the order handed back is the one stored.
        await db.Entry(order).ReloadAsync(ct);
        var returned = string.Join(", ", order.Lines.Select(l => $"{ShopText.Count(l.Quantity)} × {l.Sku}"));
        var details = $"Cancelled; stock returned: {returned}." + (string.IsNullOrEmpty(why) ? "" : $" Reason: {why}");
        if (!string.IsNullOrEmpty(why))
        {
            AddNote(order, actor, $"Cancelled: {why}", now);
        }
        AuditLog.Record(db, actor, now, "order.cancel", EntityType, order.Id, details);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        snapshot?.Invalidate();
        return ShopResult<Order>.Saved(order);
    }

    /// <summary>Records a refund, full or partial; together they never exceed what the customer paid.</summary>
    public async Task<ShopResult<Order>> RefundAsync(Guid id, decimal amount, AdminActor actor, CancellationToken ct = default)
    {
        var order = await TrackedAsync(id, ct);
        if (order is null)
        {
            return ShopResult<Order>.NotFound();
        }
        if (OrderTransitions.WhyNot(order, OrderAction.Refund) is { } refusal)
        {
            return ShopResult<Order>.Refused(refusal);
        }
        var refundable = order.Total - order.RefundedAmount;
        if (amount <= 0 || amount > refundable || amount != OrderPricing.RoundMoney(amount))
        {
            var errors = new ValidationErrors();
            errors.Add(AmountField, $"Enter an amount from 0.01 to {ShopText.Money(refundable)}, with at most two decimals.");
            return ShopResult<Order>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var before = order.RefundedAmount;
        var after = before + amount;
        var status = after >= order.Total ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Compare-and-set on the amount refunded so far: two refunds at once cannot both pass the check above.
        var applied = await db.Orders
            .Where(o => o.Id == id && o.RefundedAmount == before)
            .ExecuteUpdateAsync(set => set
                .SetProperty(o => o.RefundedAmount, after)
                .SetProperty(o => o.PaymentStatus, status)
                .SetProperty(o => o.UpdatedAt, now), ct);
        if (applied == 0)
        {
            await transaction.RollbackAsync(ct);
            return ShopResult<Order>.Refused("Another refund was recorded meanwhile. Reload the order and try again.");
        }
        var previousStatus = order.PaymentStatus;
        // As after a cancellation's claim: the tracked copy takes what the update wrote, UpdatedAt included.
        await db.Entry(order).ReloadAsync(ct);
        AuditLog.Record(db, actor, now, "order.refund", EntityType, order.Id,
            $"Refunded {ShopText.Money(amount)} {order.Currency} (refunded in all {ShopText.Money(before)} → {ShopText.Money(after)} " +
            $"of {ShopText.Money(order.Total)}); payment {previousStatus} → {status}.");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ShopResult<Order>.Saved(order);
    }

    public async Task<ShopResult<Order>> AddNoteAsync(Guid id, string text, AdminActor actor, CancellationToken ct = default)
    {
        var note = text?.Trim();
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(note))
        {
            errors.Add(TextField, "Write the note.");
        }
        else if (note.Length > MaxNoteLength)
        {
            errors.Add(TextField, $"Keep the note to {ShopText.Count(MaxNoteLength)} characters.");
        }
        if (!errors.IsValid)
        {
            return ShopResult<Order>.Invalid(errors);
        }
        var order = await TrackedAsync(id, ct);
        if (order is null)
        {
            return ShopResult<Order>.NotFound();
        }
        var now = clock.GetUtcNow();
        AddNote(order, actor, note!, now);
        order.UpdatedAt = now;
        AuditLog.Record(db, actor, now, "order.note", EntityType, order.Id, $"Note added: {note}");
        return await SaveCheckedAsync(order, ct);
    }

    /// <summary>A status change allowed by <see cref="OrderTransitions"/>, saved with its audit entry.</summary>
    private async Task<ShopResult<Order>> ChangeAsync(Guid id, OrderAction action, AdminActor actor, string auditAction,
        Func<Order, DateTimeOffset, string> change, CancellationToken ct)
    {
        var order = await TrackedAsync(id, ct);
        if (order is null)
        {
            return ShopResult<Order>.NotFound();
        }
        if (OrderTransitions.WhyNot(order, action) is { } refusal)
        {
            return ShopResult<Order>.Refused(refusal);
        }
        var now = clock.GetUtcNow();
        var details = change(order, now);
        order.UpdatedAt = now;
        AuditLog.Record(db, actor, now, auditAction, EntityType, order.Id, details);
        return await SaveCheckedAsync(order, ct);
    }

    /// <summary>
    /// Saves a change made to the tracked order. The update matches the UpdatedAt it was read with: when another change
    /// was saved in between (a cancellation, a refund, another admin), what was checked may no longer hold, so nothing
    /// is saved, the audit entry included, and the owner is asked to reload.
    /// </summary>
    private async Task<ShopResult<Order>> SaveCheckedAsync(Order order, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The context would otherwise try this change again with its next save.
            db.ChangeTracker.Clear();
            return ShopResult<Order>.Refused(ChangedMeanwhileMessage);
        }
        return ShopResult<Order>.Saved(order);
    }

    // Paid and delivered: nothing is left to do for the order as a whole.
    private static void CompleteIfDone(Order order)
    {
        if (order.Status == OrderStatus.Placed && order.PaymentStatus == PaymentStatus.Paid
            && order.ShippingStatus == ShippingStatus.Delivered)
        {
            order.Status = OrderStatus.Completed;
        }
    }

    private void AddNote(Order order, AdminActor actor, string text, DateTimeOffset now)
    {
        var note = new OrderNote { OrderId = order.Id, Author = actor.Email, Text = text, CreatedAt = now };
        order.Notes.Add(note);
        db.OrderNotes.Add(note);
    }

    private Task<Order?> TrackedAsync(Guid id, CancellationToken ct) =>
        db.Orders.AsSplitQuery().Include(o => o.Lines).Include(o => o.Notes).FirstOrDefaultAsync(o => o.Id == id, ct);

    private IQueryable<Order> Matching(OrderSearch search)
    {
        var query = db.Orders.AsNoTracking();
        if (search.Status is { } status)
        {
            query = query.Where(o => o.Status == status);
        }
        if (search.Payment is { } payment)
        {
            query = query.Where(o => o.PaymentStatus == payment);
        }
        if (search.Shipping is { } shipping)
        {
            query = query.Where(o => o.ShippingStatus == shipping);
        }
        var text = search.Text?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            text = text.Length > MaxSearchLength ? text[..MaxSearchLength] : text;
            // Numbers and e-mails are stored upper-cased, so LIKE on the upper-cased text ignores case on both databases;
            // names are stored as typed, so they need PostgreSQL's ILIKE (SQLite's LIKE already ignores ASCII case).
            var numberPattern = Containing(text.ToUpperInvariant());
            var emailPattern = Containing(CheckoutRules.NormalizeEmail(text));
            var namePattern = Containing(text);
            query = db.Database.IsNpgsql()
                ? query.Where(o => EF.Functions.Like(o.Number, numberPattern, LikeEscape)
                    || EF.Functions.Like(o.NormalizedEmail, emailPattern, LikeEscape)
                    || EF.Functions.ILike(o.ShippingAddress.Name, namePattern, LikeEscape))
                : query.Where(o => EF.Functions.Like(o.Number, numberPattern, LikeEscape)
                    || EF.Functions.Like(o.NormalizedEmail, emailPattern, LikeEscape)
                    || EF.Functions.Like(o.ShippingAddress.Name, namePattern, LikeEscape));
        }
        return query;
    }

    private const string LikeEscape = "\\";

    /// <summary>A LIKE pattern matching the text anywhere, its wildcards taken literally.</summary>
    private static string Containing(string text) =>
        "%" + text.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal) + "%";

    private static IQueryable<Order> Newest(IQueryable<Order> query) =>
        query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id);
}
