using Backstride.Core.Runs;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Diary;

/// <summary>The runner's runs and shoes. Every query passes the context's per-runner filter.</summary>
public sealed class RunStore(BackstrideDbContext db, TimeProvider clock)
{
    public Task<Run?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Runs.Include(r => r.Shoe).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public Task<Run?> LatestAsync(CancellationToken cancellationToken = default) =>
        db.Runs.Include(r => r.Shoe).OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Newest first; the check-in form offers these to link a check-in to.</summary>
    public Task<List<Run>> RecentAsync(int count, CancellationToken cancellationToken = default) =>
        db.Runs.AsNoTracking().OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Take(count).ToListAsync(cancellationToken);

    /// <summary>The runs that started in the <paramref name="window"/> before an instant: what a run is compared with as "usual".</summary>
    public Task<List<Run>> BaselineRunsAsync(DateTimeOffset before, TimeSpan window,
        CancellationToken cancellationToken = default)
    {
        var from = before - window;
        return db.Runs.AsNoTracking().Where(r => r.StartedAt >= from && r.StartedAt < before)
            .ToListAsync(cancellationToken);
    }

    public async Task<(List<Run> Items, bool HasMore)> PageAsync(int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        var items = await db.Runs.AsNoTracking().Include(r => r.Shoe)
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Skip((Math.Clamp(page, 1, HistoryQuery.MaxPage) - 1) * pageSize).Take(pageSize + 1)
            .ToListAsync(cancellationToken);
        return (items.Take(pageSize).ToList(), items.Count > pageSize);
    }

    /// <summary>The runner's pairs by name; sorted here, not in SQL, so the order never depends on a database's collation.</summary>
    public async Task<List<Shoe>> ShoesAsync(CancellationToken cancellationToken = default) =>
        (await db.Shoes.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(s => s.NormalizedName, StringComparer.Ordinal).ToList();

    public async Task<DiaryResult<Run>> AddAsync(RunDraft draft, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var errors = RunRules.Validate(draft, now);
        if (!errors.IsValid)
        {
            return DiaryResult<Run>.Invalid(errors);
        }

        var run = new Run { CreatedAt = now, UpdatedAt = now };
        draft.ApplyTo(run);
        run.Shoe = await ResolveShoeAsync(draft.ShoeName, now, cancellationToken);
        db.Runs.Add(run);
        await SaveWithShoeAsync(run, draft.ShoeName, now, cancellationToken);
        return DiaryResult<Run>.Saved(run);
    }

    public async Task<DiaryResult<Run>> UpdateAsync(Guid id, RunDraft draft, CancellationToken cancellationToken = default)
    {
        var run = await FindAsync(id, cancellationToken);
        if (run is null)
        {
            return DiaryResult<Run>.NotFound();
        }

        var now = clock.GetUtcNow();
        var errors = RunRules.Validate(draft, now);
        if (!errors.IsValid)
        {
            return DiaryResult<Run>.Invalid(errors);
        }

        draft.ApplyTo(run);
        run.Shoe = await ResolveShoeAsync(draft.ShoeName, now, cancellationToken);
        run.ShoeId = run.Shoe?.Id;
        run.UpdatedAt = now;
        await SaveWithShoeAsync(run, draft.ShoeName, now, cancellationToken);
        return DiaryResult<Run>.Saved(run);
    }

    /// <summary>Deletes the run; its check-ins stay in the diary as standalone check-ins.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var run = await db.Runs.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null)
        {
            return false;
        }

        // The foreign key is ON DELETE SET NULL, so the database unlinks the check-ins in the same statement.
        db.Runs.Remove(run);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Saves; if another request created the same new pair of shoes a moment earlier, the unique index refuses
    /// ours, and the run is saved again with that pair instead of failing.
    /// </summary>
    private async Task SaveWithShoeAsync(Run run, string? shoeName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (run.Shoe is { } shoe && db.Entry(shoe).State == EntityState.Added)
        {
            db.Entry(shoe).State = EntityState.Detached;
            run.Shoe = await ResolveShoeAsync(shoeName, now, cancellationToken);
            run.ShoeId = run.Shoe?.Id;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Finds the runner's pair by name, ignoring case and spaces around it, or starts a new one.</summary>
    private async Task<Shoe?> ResolveShoeAsync(string? name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var normalized = Shoe.Normalize(name);
        var shoe = db.Shoes.Local.FirstOrDefault(s => s.NormalizedName == normalized)
            ?? await db.Shoes.FirstOrDefaultAsync(s => s.NormalizedName == normalized, cancellationToken);
        if (shoe is null)
        {
            shoe = new Shoe { Name = name.Trim(), NormalizedName = normalized, CreatedAt = now };
            db.Shoes.Add(shoe);
        }
        return shoe;
    }
}
