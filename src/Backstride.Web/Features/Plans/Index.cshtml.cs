using Backstride.Data.Diary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Plans;

public sealed class PlanModel(PlanLoader loader, PlanSessionStore sessions, TimeProvider clock) : PageModel
{
    public PlanView View { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid checkInId, CancellationToken cancellationToken)
    {
        var view = await loader.LoadAsync(checkInId, cancellationToken: cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        if (view.NeedsSafetyQuestions)
        {
            return Redirect($"/plan/{checkInId}/safety");
        }
        View = view;
        Now = clock.GetUtcNow();
        return Page();
    }

    /// <summary>The step buttons without a script: the same actions the timer script sends to the API.</summary>
    public async Task<IActionResult> OnPostStepAsync(Guid checkInId, string? stepId, string? command, CancellationToken cancellationToken)
    {
        var view = await loader.LoadAsync(checkInId, cancellationToken: cancellationToken);
        var step = view?.Plan.Steps.FirstOrDefault(s => string.Equals(s.Id, stepId, StringComparison.Ordinal));
        if (view is null || step is null)
        {
            return NotFound();
        }
        if (command is not null && PlanActions.IsKnown(command, step))
        {
            await PlanActions.ApplyAsync(sessions, view.Session, step, command, cancellationToken);
        }
        return Redirect($"/plan/{checkInId}#step-{step.Id}");
    }
}
