using Backstride.Core.CheckIns;
using Backstride.Data.Diary;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.CheckIns;

public sealed class EditCheckInModel(CheckInStore checkIns, RunStore runs, RunnerSettingsStore settingsStore,
    PlanSessionStore plans, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CheckInForm Input { get; set; } = new();

    public IReadOnlyList<RunChoice> Runs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var checkIn = await checkIns.FindAsync(id, cancellationToken);
        if (checkIn is null)
        {
            return NotFound();
        }
        var settings = await settingsStore.GetAsync(cancellationToken);
        Input = CheckInForm.From(checkIn, settings);
        Runs = await CheckInPages.RunChoicesAsync(runs, settings, checkIn.RunId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(cancellationToken);
        var draft = Input.ToDraft(settings);
        if (ModelState.IsValid)
        {
            var result = await checkIns.UpdateAsync(id, draft, cancellationToken);
            switch (result.Outcome)
            {
                case DiaryOutcome.NotFound:
                    return NotFound();
                case DiaryOutcome.Saved:
                    await plans.ReopenSafetyQuestionsAsync(id, cancellationToken);
                    TempData["Notice"] = "Check-in updated.";
                    return Redirect("/history");
            }
            ModelState.AddRuleErrors(result.Errors, nameof(Input));
        }
        else
        {
            if (await checkIns.FindAsync(id, cancellationToken) is null)
            {
                return NotFound();
            }
            var run = Input.RunId is { } runId ? await runs.FindAsync(runId, cancellationToken) : null;
            ModelState.AddRuleErrors(CheckInRules.Validate(draft, run, clock.GetUtcNow()), nameof(Input));
        }
        Runs = await CheckInPages.RunChoicesAsync(runs, settings, Input.RunId, cancellationToken);
        return Page();
    }
}
