using Backstride.Core.CheckIns;
using Backstride.Core.Runs;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Diary;

/// <summary>A run with its check-ins (first the check-in, then its follow-ups), or a check-in without a run.</summary>
public sealed record HistoryEntry(DateTimeOffset At, Run? Run, IReadOnlyList<CheckIn> CheckIns);

public sealed record HistoryPage(IReadOnlyList<HistoryEntry> Entries, int Page, bool HasNext);

/// <summary>
/// The diary as one timeline, newest first, paged by runs. Standalone check-ins appear between
/// the runs they fall between, so every check-in shows up on exactly one page.
/// </summary>
public sealed class HistoryQuery(BackstrideDbContext db)
{
    public const int DefaultPageSize = 20;

    // Far beyond any diary; keeps the offset arithmetic from overflowing on a hand-typed page number.
    public const int MaxPage = 100_000;

    public async Task<HistoryPage> LoadAsync(int page, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Clamp(page, 1, MaxPage);
        var newestFirst = db.Runs.AsNoTracking().Include(r => r.Shoe)
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id);

        var runs = await newestFirst.Skip((page - 1) * pageSize).Take(pageSize + 1).ToListAsync(cancellationToken);
        if (runs.Count == 0)
        {
            // Past the last page there is nothing; a diary without runs pages its check-ins on their own.
            return page > 1 && await db.Runs.AnyAsync(cancellationToken)
                ? new HistoryPage([], page, HasNext: false)
                : await StandaloneOnlyAsync(page, pageSize, cancellationToken);
        }
        var hasNext = runs.Count > pageSize;
        runs = runs.Take(pageSize).ToList();

        // This page's window: below the last run of the previous page, down to this page's last run (or the beginning).
        DateTimeOffset? upper = page == 1
            ? null
            : await newestFirst.Skip((page - 1) * pageSize - 1).Select(r => (DateTimeOffset?)r.StartedAt)
                .FirstOrDefaultAsync(cancellationToken);
        DateTimeOffset? lower = hasNext ? runs[^1].StartedAt : null;

        var runIds = runs.Select(r => r.Id).ToList();
        var linked = await db.CheckIns.AsNoTracking()
            .Where(c => c.RunId != null && runIds.Contains(c.RunId.Value))
            .ToListAsync(cancellationToken);

        var standaloneQuery = db.CheckIns.AsNoTracking().Where(c => c.RunId == null);
        if (upper is { } before)
        {
            standaloneQuery = standaloneQuery.Where(c => c.RecordedAt < before);
        }
        if (lower is { } from)
        {
            standaloneQuery = standaloneQuery.Where(c => c.RecordedAt >= from);
        }
        var standalone = await standaloneQuery.ToListAsync(cancellationToken);

        var entries = runs
            .Select(run => new HistoryEntry(run.StartedAt, run, linked.Where(c => c.RunId == run.Id)
                .OrderBy(c => c.RecordedAt).ThenBy(c => c.Id).ToList()))
            .Concat(standalone.Select(c => new HistoryEntry(c.RecordedAt, null, [c])))
            .OrderByDescending(e => e.At)
            .ToList();
        return new HistoryPage(entries, page, hasNext);
    }

    private async Task<HistoryPage> StandaloneOnlyAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.RunId == null)
            .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize + 1)
            .ToListAsync(cancellationToken);
        return new HistoryPage(
            checkIns.Take(pageSize).Select(c => new HistoryEntry(c.RecordedAt, null, [c])).ToList(),
            page, checkIns.Count > pageSize);
    }
}
