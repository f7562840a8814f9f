using System.Security.Cryptography;
using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Accounts;

/// <summary>
/// What one account deletion did, in counts only (it is logged, and the log must not hold the person's data).
/// <see cref="ImportBatchIds"/> are the deleted uploads whose folders on disk the caller removes.
/// </summary>
public sealed record AccountDeletionResult(
    bool AccountFound,
    IReadOnlyDictionary<string, int> RowsDeleted,
    int OrdersAnonymised,
    IReadOnlyList<Guid> ImportBatchIds)
{
    public int TotalRowsDeleted => RowsDeleted.Values.Sum();

    public static readonly AccountDeletionResult NotFound = new(false, new Dictionary<string, int>(), 0, []);

    /// <summary>"Runs 12, CheckIns 30, …" for the log.</summary>
    public string Describe() =>
        string.Join(", ", RowsDeleted.Select(pair => $"{pair.Key} {pair.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}"))
        + $"; orders anonymised {OrdersAnonymised.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>
/// Deletes an account and every row of the person's diary and carts in one transaction, and anonymises their shop orders,
/// which stay for accounting (amounts, lines, numbers, dates and status kept; e-mail, name and address gone).
/// Every table is named here with an explicit user predicate rather than left to cascades, so a new table without a
/// cascade makes the deletion test fail instead of silently keeping a runner's data. Order notes and the audit log are
/// the shop staff's own records (customers write neither) and stay as they are.
/// </summary>
public sealed class AccountDeletion(BackstrideDbContext db, TimeProvider clock)
{
    /// <summary>The shipping name an anonymised order shows.</summary>
    public const string DeletedName = "Deleted";

    /// <summary>The domain of anonymised orders' e-mails: .invalid is reserved (RFC 2606), so no mail can ever go there.</summary>
    public const string DeletedEmailDomain = "deleted.invalid";

    private const int MaxAttempts = 3;

    public async Task<AccountDeletionResult> DeleteAsync(Guid userId, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DeleteOnceAsync(userId, ct);
            }
            catch (Exception exception) when (attempt < MaxAttempts && TransientFailures.IsTransient(exception))
            {
                // Another writer was in the way (SQLite busy, a PostgreSQL deadlock); the transaction left nothing behind
                // and deleting is safe to repeat from the start.
            }
            db.ChangeTracker.Clear();
            await Task.Delay(TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(10, 50) * attempt), ct);
        }
    }

    private async Task<AccountDeletionResult> DeleteOnceAsync(Guid userId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            // Holding the account row keeps a concurrent write (an import finishing a run) from adding a row for this
            // person between the deletes below and the account's own: it waits, then fails on the missing account.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"AspNetUsers\" WHERE \"Id\" = {userId} FOR UPDATE", ct);
        }
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            return AccountDeletionResult.NotFound;
        }

        var deleted = new Dictionary<string, int>(StringComparer.Ordinal);
        var batchIds = await db.ImportBatches.IgnoreQueryFilters().Where(b => b.UserId == userId).Select(b => b.Id).ToListAsync(ct);

        // Children before parents, so no delete depends on a cascade (two of these have none).
        deleted["PlanStepRecords"] = await db.PlanStepRecords.IgnoreQueryFilters().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        deleted["PlanSessions"] = await db.PlanSessions.IgnoreQueryFilters().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        deleted["SetRecords"] = await db.SetRecords.IgnoreQueryFilters().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        deleted["StrengthSessions"] = await db.StrengthSessions.IgnoreQueryFilters().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        deleted["ExerciseProgress"] = await db.ExerciseProgress.IgnoreQueryFilters().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        deleted["TrainingPlans"] = await db.TrainingPlans.IgnoreQueryFilters().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        deleted["ImportFiles"] = await db.ImportFiles.IgnoreQueryFilters().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        deleted["ImportBatches"] = await db.ImportBatches.IgnoreQueryFilters().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        deleted["RunTracks"] = await db.RunTracks.IgnoreQueryFilters().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        deleted["CheckIns"] = await db.CheckIns.IgnoreQueryFilters().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        deleted["Runs"] = await db.Runs.IgnoreQueryFilters().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        deleted["Shoes"] = await db.Shoes.IgnoreQueryFilters().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        deleted["DoseLog"] = await db.DoseLog.IgnoreQueryFilters().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        deleted["BackProfiles"] = await db.BackProfiles.IgnoreQueryFilters().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        deleted["SelfExperiments"] = await db.SelfExperiments.IgnoreQueryFilters().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        deleted["RunnerSettings"] = await db.RunnerSettings.IgnoreQueryFilters().Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);

        deleted["CartLines"] = await db.CartLines
            .Where(l => db.Carts.Any(c => c.Id == l.CartId && c.UserId == userId)).ExecuteDeleteAsync(ct);
        deleted["Carts"] = await db.Carts.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);

        var ordersAnonymised = await AnonymiseOrdersAsync(userId, ct);

        deleted["UserTokens"] = await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        deleted["UserLogins"] = await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(ct);
        deleted["UserClaims"] = await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        deleted["UserRoles"] = await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        deleted["Users"] = await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(ct);

        await transaction.CommitAsync(ct);
        return new AccountDeletionResult(true, deleted, ordersAnonymised, batchIds);
    }

    /// <summary>
    /// Orders linked to the account only, never ones found by e-mail: an account's address is not verified, so matching
    /// on it would let anyone who registers with someone's address wipe that person's guest orders.
    /// </summary>
    private async Task<int> AnonymiseOrdersAsync(Guid userId, CancellationToken ct)
    {
        var orderIds = await db.Orders.Where(o => o.UserId == userId).Select(o => o.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var orderId in orderIds)
        {
            // A placeholder of its own per order, so anonymised orders cannot even be grouped by customer.
            var placeholder = $"deleted-{Guid.NewGuid():N}@{DeletedEmailDomain}";
            var normalized = CheckoutRules.NormalizeEmail(placeholder);
            // The country stays (tax is kept by country); everything that finds the person goes.
            await db.Orders.Where(o => o.Id == orderId).ExecuteUpdateAsync(set => set
                .SetProperty(o => o.UserId, (Guid?)null)
                .SetProperty(o => o.Email, placeholder)
                .SetProperty(o => o.NormalizedEmail, normalized)
                .SetProperty(o => o.ShippingAddress.Name, DeletedName)
                .SetProperty(o => o.ShippingAddress.Line1, "")
                .SetProperty(o => o.ShippingAddress.Line2, (string?)null)
                .SetProperty(o => o.ShippingAddress.City, "")
                .SetProperty(o => o.ShippingAddress.Region, (string?)null)
                .SetProperty(o => o.ShippingAddress.PostalCode, "")
                // Every write to an order moves UpdatedAt, so an admin's edit read before this one is refused, not merged.
                .SetProperty(o => o.UpdatedAt, now), ct);
        }
        return orderIds.Count;
    }
}
