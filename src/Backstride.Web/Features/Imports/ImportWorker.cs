using System.Collections.Concurrent;
using System.Data.Common;
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
/// rejected with its reason, and is saved on its own: one bad file never stops the batch or leaves half a run. A server
/// that cannot save (database or disk) does stop it, with the files not yet reached left waiting, never rejected.
/// </summary>
internal sealed class ImportWorker(IServiceScopeFactory scopes, ImportQueue queue, ImportFolders folders,
    IOptions<ImportOptions> options, TimeProvider clock, ILogger<ImportWorker> logger) : BackgroundService
{
    public const string UnreadableReason = "This file could not be read.";
    public const string UnreadableArchiveReason = "This archive could not be read.";
    public const string NoActivitiesReason = "This archive holds no FIT, GPX or TCX files.";
    public const string LostFileReason = "This file was lost before it could be read. Please upload it again.";
    public const string LostUploadReason = "The server restarted before this upload was unpacked. Please upload the files again.";
    public const string BrokenBatchReason =
        "Something went wrong on our side and the import stopped. The runs listed as imported are saved; please upload the rest again.";

    /// <summary>Why a batch stopped when the server could not save; <paramref name="what"/> says what failed.</summary>
    public static string CouldNotSaveReason(string what) =>
        $"The import stopped because the server could not save ({what}). Files already imported are kept; upload the rest again — duplicates are recognised.";

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
            // A batch that could not be marked failed (the database is down) stays running with its folder, so the next
            // start resumes it; without the folder it would show as running for ever.
            if (await TryFailAsync(job, FailureReasonFor(e), stoppingToken))
            {
                folders.Delete(job.BatchId);
            }
        }
    }

    /// <summary>Why a batch stopped, in words for the runner: the server failing to save is told apart from a fault of ours.</summary>
    private static string FailureReasonFor(Exception e) => e switch
    {
        DbException or DbUpdateException => CouldNotSaveReason("the database was not available"),
        IOException or UnauthorizedAccessException => CouldNotSaveReason("its storage was not available"),
        _ => BrokenBatchReason,
    };

    /// <summary>
    /// Lays the batch's files out in upload order: an archive's activity entries take its place, and entries the
    /// archive reader refused are recorded as rejected. A batch without archives keeps its files as uploaded.
    /// </summary>
    /// <returns>False when the batch is gone.</returns>
    private async Task<bool> UnpackAsync(ImportStore store, ImportBatch batch, ActivityReadLimits limits, CancellationToken stoppingToken)
    {
        var plan = new List<PlannedImportFile>();
        var hasArchive = false;
        foreach (var upload in batch.Files)
        {
            var path = folders.UploadPath(batch.Id, upload.Position);
            if (!IsZip(path))
            {
                File.Move(path, folders.InputPath(batch.Id, plan.Count), overwrite: true);
                plan.Add(new PlannedImportFile(upload.FileName, RejectedReason: null));
                continue;
            }
            hasArchive = true;
            plan.AddRange(UnpackArchive(batch.Id, upload, path, firstPosition: plan.Count, limits));
        }
        var started = await store.StartAsync(batch.Id, hasArchive ? plan : null, stoppingToken);
        folders.RemoveUploads(batch.Id);
        return started;
    }

    /// <summary>
    /// One uploaded archive's entries, each activity file moved to the position it will be imported from. An archive that
    /// cannot be read at all is one rejected file: the other files of the upload are still imported.
    /// </summary>
    private List<PlannedImportFile> UnpackArchive(Guid batchId, ImportFile upload, string path, int firstPosition,
        ActivityReadLimits limits)
    {
        var target = folders.ArchiveDirectory(batchId, upload.Position);
        try
        {
            // Emptied first: an instance that stopped while unpacking may have left part of it.
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }
            Directory.CreateDirectory(target);
            IReadOnlyList<ArchiveEntryResult> entries;
            using (var archive = File.OpenRead(path))
            {
                entries = ExportArchive.Extract(archive, target, limits);
            }
            if (entries.Count == 0)
            {
                return [new PlannedImportFile(upload.FileName, NoActivitiesReason)];
            }
            var planned = new List<PlannedImportFile>(entries.Count);
            foreach (var entry in entries)
            {
                if (entry.ExtractedPath is { } extracted)
                {
                    // Should a later move fail, files already moved sit at positions the next uploads take over:
                    // each is overwritten by its new file, or never read when that position is a rejected file.
                    File.Move(extracted, folders.InputPath(batchId, firstPosition + planned.Count), overwrite: true);
                    planned.Add(new PlannedImportFile(entry.EntryName, RejectedReason: null));
                }
                else
                {
                    planned.Add(new PlannedImportFile(entry.EntryName, entry.RejectedReason ?? UnreadableReason));
                }
            }
            return planned;
        }
        catch (ActivityFileException e)
        {
            return [new PlannedImportFile(upload.FileName, e.Message)];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A zip that breaks the reader in a way it does not name (InvalidDataException, IOException) is the archive's
            // fault as far as the runner can act on it.
            logger.LogError(e, "Import {BatchId}: the archive uploaded at position {Position} could not be unpacked.",
                batchId, upload.Position);
            return [new PlannedImportFile(upload.FileName, UnreadableArchiveReason)];
        }
    }

    /// <summary>
    /// Imports one file. Only reading it is guarded: what the database or the data folder throws goes up and stops the
    /// batch, leaving this file and the rest waiting, instead of marking a good run as unreadable for good.
    /// </summary>
    private async Task ImportFileAsync(ImportStore store, ImportJob job, ImportFile file, ActivityReadLimits limits,
        CancellationToken stoppingToken)
    {
        var path = folders.InputPath(job.BatchId, file.Position);
        if (!File.Exists(path))
        {
            await store.MarkRejectedAsync(file.Id, LostFileReason, stoppingToken);
            return;
        }
        FileReading reading;
        using (var stream = File.OpenRead(path))
        {
            // The readers bound what they unpack; a plain file is bounded here, before it is read at all.
            if (stream.Length > limits.MaxFileBytes)
            {
                await store.MarkRejectedAsync(file.Id, ImportedRun.TooLargeReason(limits), stoppingToken);
                return;
            }
            reading = Read(job, file, stream, limits);
        }
        if (reading is RejectedFile rejected)
        {
            await store.MarkRejectedAsync(file.Id, rejected.Reason, stoppingToken);
            return;
        }
        var ready = (ReadyRun)reading;
        if (await store.FindDuplicateAsync(ready.Run.StartedAt, ready.Run.DistanceMetres, stoppingToken) is { } existing)
        {
            await store.MarkDuplicateAsync(file.Id, existing.Id, stoppingToken);
            return;
        }
        if (BuildTrack(job, file, ready) is not { } track)
        {
            await store.MarkRejectedAsync(file.Id, UnreadableReason, stoppingToken);
            return;
        }
        await store.SaveImportedRunAsync(file.Id, ready.Run, track, stoppingToken);
    }

    private abstract record FileReading;

    /// <summary>A run ready to save; its samples are encoded only once it is known not to be a duplicate.</summary>
    private sealed record ReadyRun(Run Run, Activity Activity, ActivitySummary Summary) : FileReading;

    private sealed record RejectedFile(string Reason) : FileReading;

    /// <summary>
    /// The file's run and samples, ready to save, or why the file is not imported. Everything here works on what the file
    /// holds, so whatever it throws is the file's fault: the readers' own message, or "could not be read" for the rest.
    /// </summary>
    private FileReading Read(ImportJob job, ImportFile file, Stream stream, ActivityReadLimits limits)
    {
        try
        {
            var activity = ActivityReader.Read(stream, limits);
            if (ActivityMetrics.SummariseRun(activity) is not { } summary)
            {
                // No summary for a run too: when its date is unknown.
                return new RejectedFile(ImportedRun.IsRun(activity) ? ImportedRun.NoDateReason : ImportedRun.NotARunReason(activity.Sport));
            }
            var now = clock.GetUtcNow();
            var draft = ImportedRun.Draft(summary, activity);
            var errors = RunRules.Validate(draft, now);
            if (!errors.IsValid)
            {
                return new RejectedFile(
                    "Backstride can't keep this run: " + string.Join(" ", errors.Fields.SelectMany(field => errors.For(field))));
            }
            return new ReadyRun(ImportedRun.Create(draft, summary, file.FileName, now), activity, summary);
        }
        catch (ActivityFileException e)
        {
            return new RejectedFile(e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Import {BatchId}: the file at position {Position} could not be read.", job.BatchId, file.Position);
            return new RejectedFile(UnreadableReason);
        }
    }

    /// <summary>
    /// Encodes the samples after the duplicate check: re-uploading a whole export (most files already imported) then
    /// costs no encoding. What the encoder throws is the file's fault (e.g. more samples than a run can hold), as in Read.
    /// </summary>
    private RunTrack? BuildTrack(ImportJob job, ImportFile file, ReadyRun ready)
    {
        try
        {
            return ImportedRun.Track(ready.Run, ready.Activity, ready.Summary);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Import {BatchId}: the samples of the file at position {Position} could not be stored.", job.BatchId, file.Position);
            return null;
        }
    }

    /// <returns>False when the batch could not be marked failed either (the database is still down).</returns>
    private async Task<bool> TryFailAsync(ImportJob job, string reason, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = DiaryOf(scope, job.UserId);
            await new ImportStore(db, clock).FailAsync(job.BatchId, reason, stoppingToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Import {BatchId} could not be marked as failed.", job.BatchId);
            return false;
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
