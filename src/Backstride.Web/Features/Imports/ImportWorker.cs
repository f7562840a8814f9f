using System.Collections.Concurrent;
using Backstride.Activities;
using Backstride.Activities.Archives;
using Backstride.Core.Imports;
using Backstride.Core.Runs;
using Backstride.Data;
using Backstride.Data.Diary;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Backstride.Web.Features.Imports;

/// <summary>
/// Imports queued batches in the background, file by file in upload order. Each file ends imported, duplicate or
/// rejected with its reason, and is saved on its own: one bad file never stops the batch or leaves half a run.
/// </summary>
internal sealed class ImportWorker(IServiceScopeFactory scopes, ImportQueue queue, ImportFolders folders,
    IOptions<ImportOptions> options, TimeProvider clock, ILogger<ImportWorker> logger) : BackgroundService
{
    public const string UnreadableReason = "This file could not be read.";
    public const string LostFileReason = "This file was lost before it could be read. Please upload it again.";
    public const string LostUploadReason = "The server restarted before this upload was unpacked. Please upload the files again.";
    public const string BrokenBatchReason =
        "Something went wrong on our side and the import stopped. The runs listed as imported are saved; please upload the rest again.";

    // One batch at a time per runner: two uploads of the same file (a double tap) must see each other's runs as duplicates.
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _runnerGates = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Start-up must not wait for the scan below.
        await Task.Yield();
        try
        {
            await ResumeUnfinishedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Unfinished imports could not be resumed; new uploads are still imported.");
        }
        await Task.WhenAll(Enumerable.Range(0, options.Value.ConcurrentImports).Select(_ => ConsumeAsync(stoppingToken)));
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in queue.ReadAllAsync(stoppingToken))
            {
                var gate = _runnerGates.GetOrAdd(job.UserId, _ => new SemaphoreSlim(1, 1));
                try
                {
                    await gate.WaitAsync(stoppingToken);
                    try
                    {
                        await ImportBatchAsync(job, stoppingToken);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }
                finally
                {
                    queue.Release(job.BatchId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: a batch in progress stays Running with its folder, and the next start resumes it.
        }
    }

    /// <summary>
    /// An instance that stopped mid-import left batch folders behind: a batch still running or queued is queued again
    /// when its files are all there, and is failed with a reason when they are not; leftovers of finished batches go.
    /// Only this instance's data folder is scanned, so another instance's imports are never touched.
    /// </summary>
    private async Task ResumeUnfinishedAsync(CancellationToken stoppingToken)
    {
        foreach (var batchId in folders.Batches())
        {
            // Claimed already: an upload arriving right now.
            if (!queue.TryClaim(batchId))
            {
                continue;
            }
            var queued = false;
            try
            {
                queued = await ResumeAsync(batchId, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Left for the next start; the other folders are still looked at.
                logger.LogError(e, "Import {BatchId} could not be resumed.", batchId);
            }
            finally
            {
                if (!queued)
                {
                    queue.Release(batchId);
                }
            }
        }
    }

    private async Task<bool> ResumeAsync(Guid batchId, CancellationToken stoppingToken)
    {
        if (folders.RunnerOf(batchId) is not { } runner)
        {
            folders.Delete(batchId);
            return false;
        }
        await using var scope = scopes.CreateAsyncScope();
        await using var db = DiaryOf(scope, runner);
        var store = new ImportStore(db, clock);
        var batch = await store.FindAsync(batchId, cancellationToken: stoppingToken);
        if (batch is null || batch.Status is ImportStatus.Completed or ImportStatus.Failed)
        {
            folders.Delete(batchId);
            return false;
        }
        if (batch.Status == ImportStatus.Queued && batch.Files.Any(f => !File.Exists(folders.UploadPath(batchId, f.Position))))
        {
            await store.FailAsync(batchId, LostUploadReason, stoppingToken);
            folders.Delete(batchId);
            return false;
        }
        logger.LogInformation("Resuming import {BatchId} ({Done} of {Total} files done).", batchId, batch.DoneFiles, batch.TotalFiles);
        await queue.EnqueueAsync(new ImportJob(batchId, runner), stoppingToken);
        return true;
    }

    private async Task ImportBatchAsync(ImportJob job, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = DiaryOf(scope, job.UserId);
            var store = new ImportStore(db, clock);
            var batch = await store.FindAsync(job.BatchId, cancellationToken: stoppingToken);
            if (batch is null || batch.Status is ImportStatus.Completed or ImportStatus.Failed)
            {
                folders.Delete(job.BatchId);
                return;
            }
            var limits = options.Value.ToReadLimits();
            if (batch.Status == ImportStatus.Queued)
            {
                if (!await UnpackAsync(store, batch, limits, stoppingToken))
                {
                    folders.Delete(job.BatchId);
                    return;
                }
                batch = await store.FindAsync(job.BatchId, cancellationToken: stoppingToken)
                    ?? throw new InvalidOperationException("The batch went away while it was unpacked.");
            }
            foreach (var file in batch.Files.Where(f => f.Outcome == ImportOutcome.Pending))
            {
                stoppingToken.ThrowIfCancellationRequested();
                await ImportFileAsync(store, job, file, limits, stoppingToken);
            }
            await store.CompleteAsync(job.BatchId, stoppingToken);
            folders.Delete(job.BatchId);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Import {BatchId} stopped.", job.BatchId);
            await TryFailAsync(job, stoppingToken);
            folders.Delete(job.BatchId);
        }
    }

    /// <summary>
    /// Lays the batch's files out in upload order: an archive's activity entries take its place, and entries the
    /// archive reader refused are recorded as rejected. A batch without archives keeps its files as uploaded.
    /// </summary>
    /// <returns>False when the batch is gone.</returns>
    private async Task<bool> UnpackAsync(ImportStore store, ImportBatch batch, ActivityReadLimits limits, CancellationToken stoppingToken)
    {
        var plan = new List<PlannedImportFile>();
        var sources = new List<string?>();
        var hasArchive = false;
        foreach (var upload in batch.Files)
        {
            var path = folders.UploadPath(batch.Id, upload.Position);
            if (!IsZip(path))
            {
                plan.Add(new PlannedImportFile(upload.FileName, RejectedReason: null));
                sources.Add(path);
                continue;
            }
            hasArchive = true;
            // Emptied first: an instance that stopped while unpacking may have left part of it.
            var target = folders.ArchiveDirectory(batch.Id, upload.Position);
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }
            Directory.CreateDirectory(target);
            IReadOnlyList<ArchiveEntryResult> entries;
            try
            {
                using var archive = File.OpenRead(path);
                entries = ExportArchive.Extract(archive, target, limits);
            }
            catch (ActivityFileException e)
            {
                plan.Add(new PlannedImportFile(upload.FileName, e.Message));
                sources.Add(null);
                continue;
            }
            if (entries.Count == 0)
            {
                plan.Add(new PlannedImportFile(upload.FileName, "This archive holds no FIT, GPX or TCX files."));
                sources.Add(null);
            }
            foreach (var entry in entries)
            {
                var rejected = entry.ExtractedPath is null ? entry.RejectedReason ?? UnreadableReason : null;
                plan.Add(new PlannedImportFile(entry.EntryName, rejected));
                sources.Add(rejected is null ? entry.ExtractedPath : null);
            }
        }
        for (var position = 0; position < sources.Count; position++)
        {
            if (sources[position] is { } source)
            {
                File.Move(source, folders.InputPath(batch.Id, position), overwrite: true);
            }
        }
        var started = await store.StartAsync(batch.Id, hasArchive ? plan : null, stoppingToken);
        folders.RemoveUploads(batch.Id);
        return started;
    }

    private async Task ImportFileAsync(ImportStore store, ImportJob job, ImportFile file, ActivityReadLimits limits,
        CancellationToken stoppingToken)
    {
        var path = folders.InputPath(job.BatchId, file.Position);
        try
        {
            if (!File.Exists(path))
            {
                await store.MarkRejectedAsync(file.Id, LostFileReason, stoppingToken);
                return;
            }
            // The readers bound what they unpack; a plain file is bounded here, before it is read at all.
            if (new FileInfo(path).Length > limits.MaxFileBytes)
            {
                await store.MarkRejectedAsync(file.Id, ImportedRun.TooLargeReason(limits), stoppingToken);
                return;
            }
            var activity = ActivityReader.ReadFile(path, limits);
            if (ActivityMetrics.SummariseRun(activity) is not { } summary)
            {
                // No summary for a run too: when its date is unknown.
                var reason = ImportedRun.IsRun(activity) ? ImportedRun.NoDateReason : ImportedRun.NotARunReason(activity.Sport);
                await store.MarkRejectedAsync(file.Id, reason, stoppingToken);
                return;
            }
            var now = clock.GetUtcNow();
            var draft = ImportedRun.Draft(summary, activity);
            var errors = RunRules.Validate(draft, now);
            if (!errors.IsValid)
            {
                await store.MarkRejectedAsync(file.Id,
                    "Backstride can't keep this run: " + string.Join(" ", errors.Fields.SelectMany(field => errors.For(field))), stoppingToken);
                return;
            }
            if (await store.FindDuplicateAsync(summary.Start, summary.DistanceMetres, stoppingToken) is { } existing)
            {
                await store.MarkDuplicateAsync(file.Id, existing.Id, stoppingToken);
                return;
            }
            var run = ImportedRun.Create(draft, summary, file.FileName, now);
            await store.SaveImportedRunAsync(file.Id, run, ImportedRun.Track(run, activity, summary), stoppingToken);
        }
        catch (ActivityFileException e)
        {
            await store.MarkRejectedAsync(file.Id, e.Message, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "Import {BatchId}: the file at position {Position} could not be imported.", job.BatchId, file.Position);
            await store.MarkRejectedAsync(file.Id, UnreadableReason, stoppingToken);
        }
    }

    private async Task TryFailAsync(ImportJob job, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = DiaryOf(scope, job.UserId);
            await new ImportStore(db, clock).FailAsync(job.BatchId, BrokenBatchReason, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Import {BatchId} could not be marked as failed.", job.BatchId);
        }
    }

    /// <summary>
    /// The runner's diary outside a request: a context whose query filters and ownership guard are this runner's,
    /// built on the app's own database options (there is no signed-in user to take the owner from).
    /// </summary>
    private static BackstrideDbContext DiaryOf(AsyncServiceScope scope, Guid runner) =>
        new(scope.ServiceProvider.GetRequiredService<DbContextOptions<BackstrideDbContext>>(), new FixedDiaryOwner(runner));

    private static bool IsZip(string path)
    {
        Span<byte> head = stackalloc byte[8];
        using var file = File.OpenRead(path);
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return ExportArchive.IsZip(head[..read]);
    }
}
