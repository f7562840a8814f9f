using Backstride.Core.Training;
using Backstride.Data.Diary;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Training;

public sealed class SessionModel(TrainingStore training) : PageModel
{
    public StrengthSession Session { get; private set; } = null!;

    public IReadOnlyList<(Prescription Prescription, string? LastChange)> Prescriptions { get; private set; } = [];

    [BindProperty]
    public SetForm Input { get; set; } = new();

    /// <summary>The exercise whose rest timer runs after a set was just logged.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Rest { get; set; }

    public sealed class SetForm
    {
        public string? ExerciseId { get; set; }

        public int? Amount { get; set; }

        public double? LoadKg { get; set; }

        public int? Effort { get; set; }

        public int? Pain { get; set; }

        public int? SetNumber { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var result = await training.LogSetAsync(Session, Input.ExerciseId ?? "", Input.Amount, Input.LoadKg, Input.Effort,
                Input.Pain, Input.SetNumber, cancellationToken);
            if (result.Value is not null)
            {
                return Redirect($"/training/session/{id}?rest={Input.ExerciseId}#exercise-{Input.ExerciseId}");
            }
            ModelState.AddRuleErrors(result.Errors, nameof(Input));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostFinishAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (await training.PlanAsync(cancellationToken) is not { } plan)
        {
            return Redirect("/training");
        }
        var decisions = await training.FinishSessionAsync(Session, plan, cancellationToken);
        TempData["Notice"] = decisions is null
            ? "Nothing was logged, so the session was not kept."
            : "Session finished. " + string.Join(" ", decisions.Select(d => Exercises.Find(d.Next.ExerciseId).Name + ": " + d.Reason));
        return Redirect("/training");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var session = await training.SessionAsync(id, cancellationToken);
        if (session is null)
        {
            return false;
        }
        Session = session;
        var plan = await training.PlanAsync(cancellationToken);
        Prescriptions = await training.PrescriptionsAsync(plan?.Level ?? 1, cancellationToken);
        return true;
    }
}
