using System.Globalization;
using Backstride.Core.Imports;
using Backstride.Core.Runners;
using Backstride.Core.Runs;
using Backstride.Data.Diary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Imports;

public sealed class ImportProgressModel(ImportStore imports, RunnerSettingsStore settingsStore, TimeProvider clock) : PageModel
{
    /// <summary>Finished files listed while the import runs, besides the rejected ones; the rest wait for the end.</summary>
    public const int LatestFilesShown = 10;

    /// <summary>A check-in is about how the back feels after a run, so it is offered only for a run this recent.</summary>
    public static readonly TimeSpan CheckInWindow = TimeSpan.FromHours(48);

    /// <summary>The batch; its <see cref="ImportBatch.Files"/> are loaded only once it has finished (see <see cref="Files"/>).</summary>
    public ImportBatch Batch { get; private set; } = null!;

    /// <summary>The files listed: all of them once finished; while running, the rejected ones and the latest finished.</summary>
    public IReadOnlyList<ImportFile> Files { get; private set; } = [];

    public ImportOutcomeCounts Counts { get; private set; } = new(0, 0, 0);

    /// <summary>The runs the listed files became, or were found to repeat, by id.</summary>
    public IReadOnlyDictionary<Guid, Run> Runs { get; private set; } = new Dictionary<Guid, Run>();

    /// <summary>Once the import has finished: the newest run it brought in.</summary>
    public Run? NewestRun { get; private set; }

    /// <summary>The newest run again, when it is recent enough for a check-in to mean something.</summary>
    public Run? CheckInRun { get; private set; }

    public RunnerSettings Settings { get; private set; } = new();

    public bool InProgress => Batch.Status is ImportStatus.Queued or ImportStatus.Running;

    /// <summary>Files of the batch not in <see cref="Files"/> while it runs.</summary>
    public int UnlistedFiles => InProgress ? Math.Max(0, Batch.TotalFiles - Files.Count) : 0;

    public string When(DateTimeOffset at) => Settings.ToLocal(at).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        // The page is re-read every few seconds while a batch runs: without the files, it costs the same for 2 files or 20,000.
        if (await imports.FindAsync(id, includeFiles: false, cancellationToken: cancellationToken) is not { } batch)
        {
            return NotFound();
        }
        Settings = await settingsStore.GetAsync(cancellationToken);
        if (batch.Status is ImportStatus.Queued or ImportStatus.Running)
        {
            Batch = batch;
            Files = await imports.ProgressFilesAsync(id, LatestFilesShown, cancellationToken);
            Counts = await imports.OutcomeCountsAsync(id, cancellationToken);
        }
        else
        {
            // Finished batches do not change, and the page is then read once: the whole list.
            Batch = await imports.FindAsync(id, includeFiles: true, cancellationToken: cancellationToken) ?? batch;
            Files = Batch.Files;
            Counts = ImportText.CountsOf(Batch.Files);
        }
        Runs = await imports.RunsOfFilesAsync(Files, cancellationToken);
        if (Batch.Status == ImportStatus.Completed)
        {
            NewestRun = await imports.LatestImportedRunAsync(id, cancellationToken);
            CheckInRun = NewestRun is { } newest && newest.StartedAt >= clock.GetUtcNow() - CheckInWindow ? newest : null;
        }
        return Page();
    }
}
