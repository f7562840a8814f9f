using Backstride.Core.CheckIns;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Diary;

/// <summary>The runner's check-ins. Every query passes the context's per-runner filter.</summary>
public sealed class CheckInStore(BackstrideDbContext db, TimeProvider clock)
{
    public Task<CheckIn?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.CheckIns.Include(c => c.Run).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>The most recent check-in; its answers seed the next form so a typical check-in is one tap and save.</summary>
    public Task<CheckIn?> LatestAsync(CancellationToken cancellationToken = default) =>
        db.CheckIns.AsNoTracking().OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);

    public Task<List<CheckIn>> ForRunAsync(Guid runId, CancellationToken cancellationToken = default) =>
        db.CheckIns.AsNoTracking().Where(c => c.RunId == runId)
            .OrderBy(c => c.RecordedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);

    public async Task<(List<CheckIn> Items, bool HasMore)> PageAsync(int page, int pageSize, Guid? runId = null,
        CancellationToken cancellationToken = default)
    {
        var query = db.CheckIns.AsNoTracking();
        if (runId is { } id)
        {
            query = query.Where(c => c.RunId == id);
        }
        var items = await query
            .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id)
            .Skip((Math.Clamp(page, 1, HistoryQuery.MaxPage) - 1) * pageSize).Take(pageSize + 1)
            .ToListAsync(cancellationToken);
        var hasMore = items.Count > pageSize;
        return (items.Take(pageSize).ToList(), hasMore);
    }

    /// <summary>Which of these check-ins are follow-ups: a check-in for the same run was recorded before them.</summary>
    public async Task<HashSet<Guid>> FollowUpIdsAsync(IReadOnlyCollection<CheckIn> checkIns,
        CancellationToken cancellationToken = default)
    {
        var runIds = checkIns.Where(c => c.RunId != null).Select(c => c.RunId!.Value).Distinct().ToList();
        if (runIds.Count == 0)
        {
            return [];
        }
        var sameRuns = await db.CheckIns.AsNoTracking().Where(c => c.RunId != null && runIds.Contains(c.RunId.Value))
            .ToListAsync(cancellationToken);
        return checkIns.Where(c => CheckInHistory.IsFollowUp(c, sameRuns)).Select(c => c.Id).ToHashSet();
    }

    public async Task<DiaryResult<CheckIn>> AddAsync(CheckInDraft draft, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var errors = await ValidateAsync(draft, now, cancellationToken);
        if (!errors.IsValid)
        {
            return DiaryResult<CheckIn>.Invalid(errors);
        }

        var checkIn = new CheckIn { CreatedAt = now, UpdatedAt = now };
        draft.ApplyTo(checkIn);
        db.CheckIns.Add(checkIn);
        await db.SaveChangesAsync(cancellationToken);
        return DiaryResult<CheckIn>.Saved(checkIn);
    }

    public async Task<DiaryResult<CheckIn>> UpdateAsync(Guid id, CheckInDraft draft, CancellationToken cancellationToken = default)
    {
        var checkIn = await db.CheckIns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (checkIn is null)
        {
            return DiaryResult<CheckIn>.NotFound();
        }

        var now = clock.GetUtcNow();
        var errors = await ValidateAsync(draft, now, cancellationToken);
        if (!errors.IsValid)
        {
            return DiaryResult<CheckIn>.Invalid(errors);
        }

        draft.ApplyTo(checkIn);
        checkIn.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return DiaryResult<CheckIn>.Saved(checkIn);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var checkIn = await db.CheckIns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (checkIn is null)
        {
            return false;
        }
        db.CheckIns.Remove(checkIn);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<Core.Validation.ValidationErrors> ValidateAsync(CheckInDraft draft, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // Looked up through the per-runner filter: another runner's run is as absent as a deleted one.
        var run = draft.RunId is { } runId
            ? await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken)
            : null;
        return CheckInRules.Validate(draft, run, now);
    }
}
