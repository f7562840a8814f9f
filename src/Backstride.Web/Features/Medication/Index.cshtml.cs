using Backstride.Core.Medication;
using Backstride.Core.Plans;
using Backstride.Core.Runners;
using Backstride.Data.Diary;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Medication;

/// <summary>The dose log and what the guard allows now, product by product.</summary>
public sealed class MedicationModel(DoseLogStore doses, BackProfileStore profiles, RunnerSettingsStore settingsStore,
    RunStore runs, TimeProvider clock) : PageModel
{
    [BindProperty]
    public DoseForm Input { get; set; } = new();

    public sealed class DoseForm
    {
        public string? ProductId { get; set; }

        public DateTime? TakenAt { get; set; }

        public int? Units { get; set; } = 1;
    }

    public IReadOnlyList<DoseLogEntry> Recent { get; private set; } = [];

    public IReadOnlyList<GuardAnswer> Answers { get; private set; } = [];

    public RunnerSettings Settings { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var local = Settings.ToLocal(clock.GetUtcNow());
        Input.TakenAt = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var settings = await settingsStore.GetAsync(cancellationToken);
        if (ModelState.IsValid)
        {
            var takenAt = Input.TakenAt is { } local ? settings.FromLocal(local) : null;
            var result = await doses.AddAsync(Input.ProductId, takenAt, Input.Units, cancellationToken);
            if (result.Value is not null)
            {
                TempData["Notice"] = "Dose logged.";
                return RedirectToPage();
            }
            ModelState.AddRuleErrors(result.Errors, nameof(Input));
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await doses.DeleteAsync(id, cancellationToken))
        {
            return NotFound();
        }
        TempData["Notice"] = "Dose removed from the log.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Settings = await settingsStore.GetAsync(cancellationToken);
        Recent = await doses.RecentAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var profile = await profiles.CurrentAsync(cancellationToken);
        // The same evening rule as the plan: after a run of about 2 hours in the last 12, no NSAIDs.
        var lastRun = await runs.LatestAsync(cancellationToken);
        var afterLongRun = lastRun is not null && now - lastRun.StartedAt <= TimeSpan.FromHours(12)
            && lastRun.Duration >= RemedyLimits.LongRun;
        Answers = MedicationGuard.CheckAll(Recent, new GuardContext(PlanBuilder.AgeFrom(Settings.BirthYear, now), profile, afterLongRun), now);
    }
}

public sealed record GuardAnswersView(IReadOnlyList<GuardAnswer> Answers, RunnerSettings Settings);
