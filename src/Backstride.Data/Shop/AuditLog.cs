using Backstride.Core.Shop;
using Backstride.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Shop;

/// <summary>Every admin change to the shop: who, what, when. Entries are only ever added, with the change they describe.</summary>
public sealed class AuditLog(BackstrideDbContext db)
{
    public const int MaxCount = 500;

    // Longer descriptions are cut rather than refused.
    private const int MaxDetailsLength = ShopColumns.AuditDetailsLength;

    public Task<List<AuditEntry>> RecentAsync(int count, CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(Math.Clamp(count, 1, MaxCount))
            .ToListAsync(ct);

    /// <summary>Adds an entry to the context, so it is saved by the same SaveChanges as the change it records.</summary>
    internal static void Record(BackstrideDbContext db, AdminActor actor, DateTimeOffset at, string action, string entityType,
        Guid entityId, string details)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            ActorUserId = actor.UserId,
            ActorEmail = actor.Email,
            Action = action,
            EntityType = entityType,
            EntityId = entityId.ToString("D"),
            Details = details.Length <= MaxDetailsLength ? details : details[..(MaxDetailsLength - 1)] + "…",
            At = at,
        });
    }
}
