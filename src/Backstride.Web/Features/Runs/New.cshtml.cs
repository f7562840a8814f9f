using Backstride.Core.Runs;
using Backstride.Data.Diary;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Runs;

public sealed class NewRunModel(RunStore runs, RunnerSettingsStore settingsStore, TimeProvider clock) : PageModel
{
    [BindProperty]
    public RunForm Input { get; set; } = new();

    public RunFormContext Context { get; private set; } = new(Core.Units.DistanceUnit.Kilometres, []);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(cancellationToken);
        Input = RunForm.Blank(settings, clock.GetUtcNow());
        Context = await RunPages.ContextAsync(runs, settings, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(cancellationToken);
        Context = await RunPages.ContextAsync(runs, settings, cancellationToken);
        var draft = Input.ToDraft(settings);
        if (!ModelState.IsValid)
        {
            // A value that failed to parse keeps its own message; the rules add the rest, and nothing is saved.
            ModelState.AddRuleErrors(RunRules.Validate(draft, clock.GetUtcNow()), nameof(Input));
            return Page();
        }
        var result = await runs.AddAsync(draft, cancellationToken);
        if (result.Value is not { } run)
        {
            ModelState.AddRuleErrors(result.Errors, nameof(Input));
            return Page();
        }
        TempData["Notice"] = "Run saved. How is your back now?";
        return Redirect($"/check-ins/new?runId={run.Id}");
    }
}
