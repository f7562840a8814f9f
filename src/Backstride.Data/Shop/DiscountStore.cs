using System.Globalization;
using Backstride.Core.Shop;
using Backstride.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Shop;

/// <summary>The owner's discount codes. Their use is counted at checkout, in the order's transaction.</summary>
public sealed class DiscountStore(BackstrideDbContext db, TimeProvider clock)
{
    public async Task<List<DiscountCode>> AllAsync(CancellationToken ct = default) =>
        (await db.DiscountCodes.AsNoTracking().ToListAsync(ct))
            .OrderBy(c => c.Code, StringComparer.Ordinal).ToList();

    public Task<DiscountCode?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.DiscountCodes.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    public async Task<ShopResult<DiscountCode>> SaveAsync(Guid? id, DiscountDraft draft, AdminActor actor,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        var errors = DiscountRules.Validate(draft);
        if (!errors.IsValid)
        {
            return ShopResult<DiscountCode>.Invalid(errors);
        }
        DiscountCode? code = null;
        if (id is { } existingId)
        {
            code = await db.DiscountCodes.FirstOrDefaultAsync(c => c.Id == existingId, ct);
            if (code is null)
            {
                return ShopResult<DiscountCode>.NotFound();
            }
        }
        var text = CheckoutRules.NormalizeCode(draft.Code!);
        var selfId = code?.Id ?? Guid.Empty;
        if (await CodeTakenAsync(text, selfId, ct))
        {
            return ShopResult<DiscountCode>.Invalid(CodeTaken(text));
        }

        var now = clock.GetUtcNow();
        var before = code is null ? null : Describe(code);
        if (code is null)
        {
            code = new DiscountCode { Code = text, CreatedAt = now };
            db.DiscountCodes.Add(code);
        }
        draft.ApplyTo(code);
        AuditLog.Record(db, actor, now, before is null ? "discount.create" : "discount.update", "DiscountCode", code.Id,
            before is null ? $"Created {Describe(code)}." : $"{before} → {Describe(code)}.");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another admin created the same code a moment earlier: the unique index refused ours.
            db.ChangeTracker.Clear();
            if (!await CodeTakenAsync(text, selfId, ct))
            {
                throw;
            }
            return ShopResult<DiscountCode>.Invalid(CodeTaken(text));
        }
        return ShopResult<DiscountCode>.Saved(code);
    }

    private Task<bool> CodeTakenAsync(string code, Guid selfId, CancellationToken ct) =>
        db.DiscountCodes.AnyAsync(c => c.Code == code && c.Id != selfId, ct);

    private static ValidationErrors CodeTaken(string code)
    {
        var errors = new ValidationErrors();
        errors.Add(DiscountRules.CodeField, $"There is already a code {code}; edit that one or choose another.");
        return errors;
    }

    /// <summary>"SPRING10: 10% off (at most 20.00), 2026-12-01 00:00 UTC to 2026-12-31 00:00 UTC, 100 uses, 1 per customer, active".</summary>
    private static string Describe(DiscountCode code)
    {
        var parts = new List<string>
        {
            code.Kind == DiscountKind.Percent
                ? $"{code.Value.ToString("0.##", CultureInfo.InvariantCulture)}% off"
                    + (code.MaxDiscount is { } cap ? $" (at most {ShopText.Money(cap)})" : "")
                : $"{ShopText.Money(code.Value)} off",
        };
        if (code.StartsAt is { } startsAt)
        {
            parts.Add($"from {Instant(startsAt)}");
        }
        if (code.EndsAt is { } endsAt)
        {
            parts.Add($"until {Instant(endsAt)}");
        }
        parts.Add(code.UsageLimit is { } limit ? $"{ShopText.Count(limit)} uses" : "unlimited uses");
        if (code.PerCustomerLimit is { } perCustomer)
        {
            parts.Add($"{ShopText.Count(perCustomer)} per customer");
        }
        parts.Add(code.IsActive ? "active" : "inactive");
        return $"{code.Code}: {string.Join(", ", parts)}";
    }

    private static string Instant(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
