using Backstride.Core.CheckIns;
using Backstride.Data.Diary;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.CheckIns;

public sealed class NewCheckInModel(CheckInStore checkIns, RunStore runs, RunnerSettingsStore settingsStore,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public CheckInForm Input { get; set; } = new();

    public IReadOnlyList<RunChoice> Runs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] Guid? runId, [FromQuery] bool standalone,
        CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var run = standalone ? null : await CheckInPages.DefaultRunAsync(runs, runId, now, cancellationToken);
        if (runId is not null && run is null)
        {
            return NotFound();
        }
        Input = CheckInForm.Prefilled(await checkIns.LatestAsync(cancellationToken), run, settings, now);
        Runs = await CheckInPages.RunChoicesAsync(runs, settings, run?.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(cancellationToken);
        var draft = Input.ToDraft(settings);
        if (ModelState.IsValid)
        {
            var result = await checkIns.AddAsync(draft, cancellationToken);
            if (result.Value is { } saved)
            {
                // Straight on to tonight's plan (or, when the answers call for them, the safety questions first).
                TempData["Notice"] = "Check-in saved.";
                return Redirect($"/plan/{saved.Id}");
            }
            ModelState.AddRuleErrors(result.Errors, nameof(Input));
        }
        else
        {
            // A value that failed to parse keeps its own message; the rules add the rest, and nothing is saved.
            var run = Input.RunId is { } id ? await runs.FindAsync(id, cancellationToken) : null;
            ModelState.AddRuleErrors(CheckInRules.Validate(draft, run, clock.GetUtcNow()), nameof(Input));
        }
        Runs = await CheckInPages.RunChoicesAsync(runs, settings, Input.RunId, cancellationToken);
        return Page();
    }
}
