using Backstride.Core.Triage;
using Backstride.Data.Diary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Plans;

/// <summary>The red-flag questions, asked when a check-in's answers call for them (or when the runner asks).</summary>
public sealed class SafetyModel(PlanLoader loader, PlanSessionStore sessions) : PageModel
{
    public PlanView View { get; private set; } = null!;

    [BindProperty]
    public List<string> Yes { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid checkInId, CancellationToken cancellationToken)
    {
        var view = await loader.LoadAsync(checkInId, cancellationToken: cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        Yes = view.Session.YesAnswers.ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid checkInId, CancellationToken cancellationToken)
    {
        // The level is what triage makes of these answers together with the check-in and the profile.
        var answers = Yes.Where(id => RedFlags.Find(id) is not null).ToHashSet(StringComparer.Ordinal);
        var assessed = await loader.LoadAsync(checkInId, answers, cancellationToken);
        if (assessed is null)
        {
            return NotFound();
        }
        await sessions.SaveSafetyAnswersAsync(assessed.Session, answers, assessed.Plan.Triage.Level, cancellationToken);
        return Redirect($"/plan/{checkInId}");
    }
}
