using Backstride.Core.Runners;
using Backstride.Core.Runs;
using Backstride.Data.Diary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Runs;

public sealed class DeleteRunModel(RunStore runs, CheckInStore checkIns, RunnerSettingsStore settingsStore) : PageModel
{
    public Run Run { get; private set; } = null!;

    public RunnerSettings Settings { get; private set; } = new();

    public int CheckInCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var run = await runs.FindAsync(id, cancellationToken);
        if (run is null)
        {
            return NotFound();
        }
        Run = run;
        Settings = await settingsStore.GetAsync(cancellationToken);
        CheckInCount = (await checkIns.ForRunAsync(id, cancellationToken)).Count;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await runs.DeleteAsync(id, cancellationToken))
        {
            return NotFound();
        }
        TempData["Notice"] = "Run deleted. Its check-ins are still in your history.";
        return Redirect("/history");
    }
}
