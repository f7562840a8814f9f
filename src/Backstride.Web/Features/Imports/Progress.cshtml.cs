using System.Globalization;
using Backstride.Core.Imports;
using Backstride.Core.Runners;
using Backstride.Core.Runs;
using Backstride.Data.Diary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Imports;

public sealed class ImportProgressModel(ImportStore imports, RunnerSettingsStore settingsStore) : PageModel
{
    public ImportBatch Batch { get; private set; } = null!;

    /// <summary>The runs the files became, or were found to repeat, by id.</summary>
    public IReadOnlyDictionary<Guid, Run> Runs { get; private set; } = new Dictionary<Guid, Run>();

    /// <summary>Once the import has finished: the newest run it brought in, whose check-in is offered.</summary>
    public Run? NewestRun { get; private set; }

    public RunnerSettings Settings { get; private set; } = new();

    public bool InProgress => Batch.Status is ImportStatus.Queued or ImportStatus.Running;

    public string When(DateTimeOffset at) => Settings.ToLocal(at).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await imports.FindAsync(id, cancellationToken: cancellationToken) is not { } batch)
        {
            return NotFound();
        }
        Batch = batch;
        Settings = await settingsStore.GetAsync(cancellationToken);
        Runs = await imports.RunsOfBatchAsync(id, cancellationToken);
        NewestRun = batch.Status == ImportStatus.Completed ? await imports.LatestImportedRunAsync(id, cancellationToken) : null;
        return Page();
    }
}
