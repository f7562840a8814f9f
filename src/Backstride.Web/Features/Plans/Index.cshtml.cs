using Backstride.Core.Plans;
using Backstride.Data.Diary;
using Backstride.Data.Shop;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Plans;

public sealed class PlanModel(PlanLoader loader, PlanSessionStore sessions, CatalogStore catalog, TimeProvider clock) : PageModel
{
    public PlanView View { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    /// <summary>The WBC cream's product page, for the cream step; null when the shop has no cream to show.</summary>
    public string? CreamShopLink { get; private set; }

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
        // Only here, once the safety answers are in and the plan is shown: the evening takes its experiment slot.
        if (view.Experiment is null && !view.Plan.Triage.StopsThePlan)
        {
            view = view with { Experiment = await loader.TakeExperimentSlotAsync(view, cancellationToken) };
        }
        View = view;
        Now = clock.GetUtcNow();
        // Core's plan knows nothing of the shop; the page adds the product link beside the learn link.
        if (view.Plan.Steps.Any(s => s.Remedy == Remedy.WbcCream) && await catalog.SampleCreamAsync(cancellationToken) is { } cream)
        {
            CreamShopLink = "/shop/" + cream.Slug;
        }
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
