using Backstride.Core.Imports;
using Backstride.Core.Runs;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Diary;

/// <summary>One row of the imports list: a batch and how its files ended.</summary>
public sealed record ImportBatchSummary(Guid Id, DateTimeOffset CreatedAt, ImportStatus Status, int TotalFiles, int DoneFiles,
    int Imported, int Duplicates, int Rejected);

/// <summary>How a batch's files have ended so far; files still waiting are in none of these.</summary>
public sealed record ImportOutcomeCounts(int Imported, int Duplicates, int Rejected);

/// <summary>A file an unpacked upload will import, in upload order; rejected already when the archive refused it.</summary>
public sealed record PlannedImportFile(string Name, string? RejectedReason);

/// <summary>
/// The runner's imports: batches, each file's outcome, and the runs they became. Every query passes the context's
/// per-runner filter. A file's outcome, the batch's count and (for an imported file) the run and its samples are
/// saved together or not at all, so a failure never leaves half an import behind.
/// </summary>
public sealed class ImportStore(BackstrideDbContext db, TimeProvider clock)
{
    // Well under SQLite's 32,766 and PostgreSQL's 65,535 parameters, with room for the query's own.
    private const int RunLookupChunkSize = 500;

    public async Task<ImportBatch> CreateBatchAsync(Guid batchId, IReadOnlyList<string> fileNames,
        CancellationToken cancellationToken = default)
    {
        var batch = new ImportBatch
        {
            Id = batchId,
            CreatedAt = clock.GetUtcNow(),
            TotalFiles = fileNames.Count,
            Status = ImportStatus.Queued,
        };
        for (var position = 0; position < fileNames.Count; position++)
        {
            batch.Files.Add(new ImportFile
            {
                BatchId = batchId,
                Position = position,
                FileName = ImportFile.NameOfUpload(fileNames[position]),
            });
        }
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        return batch;
    }

    /// <summary>The batch with its files in upload order (or without them, for a quick look at the counts).</summary>
    public Task<ImportBatch?> FindAsync(Guid id, bool includeFiles = true, CancellationToken cancellationToken = default) =>
        includeFiles
            ? db.ImportBatches.AsNoTracking().Include(b => b.Files.OrderBy(f => f.Position))
                .FirstOrDefaultAsync(b => b.Id == id, cancellationToken)
            : db.ImportBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, cancellationToken);

    public Task<List<ImportBatchSummary>> RecentAsync(int count, CancellationToken cancellationToken = default) =>
        db.ImportBatches.AsNoTracking()
            .OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id)
            .Take(count)
            .Select(b => new ImportBatchSummary(b.Id, b.CreatedAt, b.Status, b.TotalFiles, b.DoneFiles,
                b.Files.Count(f => f.Outcome == ImportOutcome.Imported),
                b.Files.Count(f => f.Outcome == ImportOutcome.Duplicate),
                b.Files.Count(f => f.Outcome == ImportOutcome.Rejected)))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// A run already in the diary that this one repeats (see <see cref="DuplicateRule"/>), the closest start first.
    /// Runs saved earlier in the same batch count too: each is saved before the next file is looked at.
    /// </summary>
    public async Task<Run?> FindDuplicateAsync(DateTimeOffset start, double distanceMetres,
        CancellationToken cancellationToken = default)
    {
        var from = start - DuplicateRule.StartWindow;
        var until = start + DuplicateRule.StartWindow;
        var tolerance = distanceMetres * DuplicateRule.DistanceFraction;
        var (shortest, longest) = (distanceMetres - tolerance, distanceMetres + tolerance);
        var candidates = await db.Runs.AsNoTracking()
            .Where(r => r.StartedAt >= from && r.StartedAt <= until && r.DistanceMetres >= shortest && r.DistanceMetres <= longest)
            .ToListAsync(cancellationToken);
        return candidates
            .Where(r => DuplicateRule.IsDuplicate(r.StartedAt, r.DistanceMetres, start, distanceMetres))
            .OrderBy(r => (r.StartedAt - start).Duration()).ThenBy(r => r.Id)
            .FirstOrDefault();
    }

    /// <summary>The newest run (by its start) that this batch imported; its check-in is the one to offer.</summary>
    public Task<Run?> LatestImportedRunAsync(Guid batchId, CancellationToken cancellationToken = default)
    {
        var imported = db.ImportFiles.Where(f => f.BatchId == batchId && f.RunId != null).Select(f => f.RunId!.Value);
        return db.Runs.AsNoTracking().Where(r => imported.Contains(r.Id))
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The runs these files became or were found to repeat, by id, for the results list. Looked up by the ids the files
    /// already hold, so the cost follows the files listed rather than a scan of the runner's runs for each one.
    /// </summary>
    public async Task<Dictionary<Guid, Run>> RunsOfFilesAsync(IEnumerable<ImportFile> files,
        CancellationToken cancellationToken = default)
    {
        var ids = files.SelectMany(f => new[] { f.RunId, f.DuplicateOfRunId }).OfType<Guid>().Distinct().ToList();
        var runs = new Dictionary<Guid, Run>(ids.Count);
        // In chunks: each id is a query parameter, and SQLite and PostgreSQL cap how many one query may have.
        foreach (var chunk in ids.Chunk(RunLookupChunkSize))
        {
            var some = chunk.ToList();
            foreach (var run in await db.Runs.AsNoTracking().Where(r => some.Contains(r.Id)).ToListAsync(cancellationToken))
            {
                runs[run.Id] = run;
            }
        }
        return runs;
    }

    /// <summary>
    /// What the progress page lists while a batch runs, in upload order: every rejected file (the runner may want to act
    /// on those early) and the last few finished. The whole list waits for the end, so a large export stays cheap to follow.
    /// </summary>
    public async Task<List<ImportFile>> ProgressFilesAsync(Guid batchId, int latestCount,
        CancellationToken cancellationToken = default)
    {
        var rejected = await db.ImportFiles.AsNoTracking()
            .Where(f => f.BatchId == batchId && f.Outcome == ImportOutcome.Rejected)
            .ToListAsync(cancellationToken);
        // Files are imported in upload order, so the highest positions with an outcome are the latest finished.
        var latest = await db.ImportFiles.AsNoTracking()
            .Where(f => f.BatchId == batchId && f.Outcome != ImportOutcome.Pending)
            .OrderByDescending(f => f.Position)
            .Take(latestCount)
            .ToListAsync(cancellationToken);
        return rejected.Concat(latest).DistinctBy(f => f.Id).OrderBy(f => f.Position).ToList();
    }

    /// <summary>The batch's outcomes so far, counted by the database without loading the files.</summary>
    public async Task<ImportOutcomeCounts> OutcomeCountsAsync(Guid batchId, CancellationToken cancellationToken = default)
    {
        var counts = await db.ImportFiles.AsNoTracking()
            .Where(f => f.BatchId == batchId)
            .GroupBy(f => f.Outcome)
            .Select(g => new { Outcome = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Outcome, g => g.Count, cancellationToken);
        return new ImportOutcomeCounts(
            counts.GetValueOrDefault(ImportOutcome.Imported),
            counts.GetValueOrDefault(ImportOutcome.Duplicate),
            counts.GetValueOrDefault(ImportOutcome.Rejected));
    }

    /// <summary>The runner's batches still queued or importing: each holds its upload on the server's disk until it ends.</summary>
    public Task<int> UnfinishedCountAsync(CancellationToken cancellationToken = default) =>
        db.ImportBatches.CountAsync(b => b.Status == ImportStatus.Queued || b.Status == ImportStatus.Running, cancellationToken);

    /// <summary>
    /// The batch starts importing. With a plan (its archives were unpacked), the plan's files replace the uploaded
    /// ones, and entries the archive refused count as done; without one, the uploaded files are imported as they are.
    /// </summary>
    /// <returns>False when the batch is gone (its runner deleted their account meanwhile).</returns>
    public async Task<bool> StartAsync(Guid batchId, IReadOnlyList<PlannedImportFile>? plan,
        CancellationToken cancellationToken = default)
    {
        try
        {
            var batch = await db.ImportBatches.Include(b => b.Files).FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken);
            if (batch is null)
            {
                return false;
            }
            if (plan is not null)
            {
                db.ImportFiles.RemoveRange(batch.Files);
                for (var position = 0; position < plan.Count; position++)
                {
                    var rejected = plan[position].RejectedReason;
                    db.ImportFiles.Add(new ImportFile
                    {
                        BatchId = batchId,
                        Position = position,
                        FileName = ImportFile.NameOfEntry(plan[position].Name),
                        Outcome = rejected is null ? ImportOutcome.Pending : ImportOutcome.Rejected,
                        Reason = rejected is null ? null : ImportFile.LimitReason(rejected),
                    });
                }
                batch.TotalFiles = plan.Count;
                batch.DoneFiles = plan.Count(f => f.RejectedReason is not null);
            }
            batch.Status = ImportStatus.Running;
            CompleteWhenAllDone(batch);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The run, its samples, the file's outcome and the batch's count, in one save.</summary>
    public async Task SaveImportedRunAsync(Guid fileId, Run run, RunTrack track, CancellationToken cancellationToken = default)
    {
        try
        {
            if (await PendingFileAsync(fileId, cancellationToken) is not { } pending)
            {
                return;
            }
            var (file, batch) = pending;
            track.RunId = run.Id;
            db.Runs.Add(run);
            db.RunTracks.Add(track);
            file.Outcome = ImportOutcome.Imported;
            file.RunId = run.Id;
            CountDone(batch);
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            // A failed save must not linger: the next file's save would try this run again.
            db.ChangeTracker.Clear();
        }
    }

    public Task MarkDuplicateAsync(Guid fileId, Guid existingRunId, CancellationToken cancellationToken = default) =>
        FinishFileAsync(fileId, ImportOutcome.Duplicate, reason: null, existingRunId, cancellationToken);

    public Task MarkRejectedAsync(Guid fileId, string reason, CancellationToken cancellationToken = default) =>
        FinishFileAsync(fileId, ImportOutcome.Rejected, ImportFile.LimitReason(reason), duplicateOf: null, cancellationToken);

    /// <summary>Ends a batch whose files all have their outcome (it normally ends with its last file).</summary>
    public Task CompleteAsync(Guid batchId, CancellationToken cancellationToken = default) =>
        UpdateBatchAsync(batchId, batch =>
        {
            if (batch.Status is ImportStatus.Queued or ImportStatus.Running)
            {
                batch.Status = ImportStatus.Completed;
                batch.CompletedAt = clock.GetUtcNow();
            }
        }, cancellationToken);

    /// <summary>Stops a batch for good; files already imported stay in the diary.</summary>
    public Task FailAsync(Guid batchId, string reason, CancellationToken cancellationToken = default) =>
        UpdateBatchAsync(batchId, batch =>
        {
            if (batch.Status is ImportStatus.Queued or ImportStatus.Running)
            {
                batch.Status = ImportStatus.Failed;
                batch.FailureReason = ImportFile.LimitReason(reason);
                batch.CompletedAt = clock.GetUtcNow();
            }
        }, cancellationToken);

    private async Task FinishFileAsync(Guid fileId, ImportOutcome outcome, string? reason, Guid? duplicateOf,
        CancellationToken cancellationToken)
    {
        try
        {
            if (await PendingFileAsync(fileId, cancellationToken) is not { } pending)
            {
                return;
            }
            var (file, batch) = pending;
            file.Outcome = outcome;
            file.Reason = reason;
            file.DuplicateOfRunId = duplicateOf;
            CountDone(batch);
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task UpdateBatchAsync(Guid batchId, Action<ImportBatch> change, CancellationToken cancellationToken)
    {
        try
        {
            if (await db.ImportBatches.FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken) is not { } batch)
            {
                return;
            }
            change(batch);
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The file and its batch, tracked; null when the file already has its outcome (so it is never counted twice).</summary>
    private async Task<(ImportFile File, ImportBatch Batch)?> PendingFileAsync(Guid fileId, CancellationToken cancellationToken)
    {
        var file = await db.ImportFiles.FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken);
        if (file is not { Outcome: ImportOutcome.Pending })
        {
            return null;
        }
        var batch = await db.ImportBatches.FirstAsync(b => b.Id == file.BatchId, cancellationToken);
        return (file, batch);
    }

    private void CountDone(ImportBatch batch)
    {
        batch.DoneFiles++;
        CompleteWhenAllDone(batch);
    }

    private void CompleteWhenAllDone(ImportBatch batch)
    {
        if (batch.Status == ImportStatus.Running && batch.DoneFiles >= batch.TotalFiles)
        {
            batch.Status = ImportStatus.Completed;
            batch.CompletedAt = clock.GetUtcNow();
        }
    }
}
