using Backstride.Core.Runs;
using Backstride.Data.Diary;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Runs;

public sealed class EditRunModel(RunStore runs, RunnerSettingsStore settingsStore, TimeProvider clock) : PageModel
{
    [BindProperty]
    public RunForm Input { get; set; } = new();

    public RunFormContext Context { get; private set; } = new(Core.Units.DistanceUnit.Kilometres, []);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var run = await runs.FindAsync(id, cancellationToken);
        if (run is null)
        {
            return NotFound();
        }
        var settings = await settingsStore.GetAsync(cancellationToken);
        Input = RunForm.From(run, settings);
        Context = await RunPages.ContextAsync(runs, settings, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(cancellationToken);
        var draft = Input.ToDraft(settings);
        if (!ModelState.IsValid)
        {
            if (await runs.FindAsync(id, cancellationToken) is null)
            {
                return NotFound();
            }
            ModelState.AddRuleErrors(RunRules.Validate(draft, clock.GetUtcNow()), nameof(Input));
            Context = await RunPages.ContextAsync(runs, settings, cancellationToken);
            return Page();
        }

        if (await runs.FindAsync(id, cancellationToken) is { } stored
            && Input.Distance == RunForm.From(stored, settings).Distance)
        {
            draft = draft with { DistanceMetres = stored.DistanceMetres };
        }
        var result = await runs.UpdateAsync(id, draft, cancellationToken);
        switch (result.Outcome)
        {
            case DiaryOutcome.NotFound:
                return NotFound();
            case DiaryOutcome.Invalid:
                ModelState.AddRuleErrors(result.Errors, nameof(Input));
                Context = await RunPages.ContextAsync(runs, settings, cancellationToken);
                return Page();
            default:
                TempData["Notice"] = "Run updated.";
                return Redirect("/history");
        }
    }
}
