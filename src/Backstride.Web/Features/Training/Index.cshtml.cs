using Backstride.Core.Runners;
using Backstride.Core.Training;
using Backstride.Data.Diary;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Training;

public sealed class TrainingModel(TrainingStore training, RunnerSettingsStore settingsStore, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<Infrastructure.Email.AppOptions> app) : PageModel
{
    /// <summary>The public address for the calendar URL (never the Host header a client sent, when configured).</summary>
    public string BaseUrl => app.Value.BaseUrlFor(Request);

    [BindProperty]
    public PlanForm Input { get; set; } = new();

    public sealed class PlanForm
    {
        public int? Level { get; set; } = 1;

        public int? SessionsPerWeek { get; set; } = 2;

        public List<DayOfWeek> PreferredDays { get; set; } = [DayOfWeek.Tuesday, DayOfWeek.Thursday];

        public DayOfWeek? LongRunDay { get; set; }

        public List<DayOfWeek> HardRunDays { get; set; } = [];
    }

    public TrainingPlan? Plan { get; private set; }

    public TrainingWeekView? Week { get; private set; }

    public IReadOnlyList<(Prescription Prescription, string? LastChange)> Prescriptions { get; private set; } = [];

    public RunnerSettings Settings { get; private set; } = new();

    public static IReadOnlyList<DayOfWeek> WeekDays { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Plan is { } plan)
        {
            Input = new PlanForm
            {
                Level = plan.Level, SessionsPerWeek = plan.SessionsPerWeek, PreferredDays = [.. TrainingPlan.Days(plan.PreferredDays)],
                LongRunDay = plan.LongRunDay, HardRunDays = [.. TrainingPlan.Days(plan.HardRunDays)],
            };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await training.SavePlanAsync(Input.Level, Input.PreferredDays, Input.SessionsPerWeek, Input.LongRunDay,
                Input.HardRunDays, cancellationToken);
            if (result.Value is not null)
            {
                TempData["Notice"] = "Strength programme saved.";
                return RedirectToPage();
            }
            ModelState.AddRuleErrors(result.Errors, nameof(Input));
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        if (await training.PlanAsync(cancellationToken) is not { } plan)
        {
            return RedirectToPage();
        }
        var session = await training.StartSessionAsync(plan, cancellationToken);
        return Redirect($"/training/session/{session.Id}");
    }

    public async Task<IActionResult> OnPostCalendarAsync(bool revoke, CancellationToken cancellationToken)
    {
        if (await training.PlanAsync(cancellationToken) is not { } plan)
        {
            return RedirectToPage();
        }
        if (revoke)
        {
            await training.RevokeCalendarAsync(plan, cancellationToken);
            TempData["Notice"] = "The calendar address no longer works. Make a new one whenever you like.";
        }
        else
        {
            await training.NewCalendarTokenAsync(plan, cancellationToken);
            TempData["Notice"] = "New calendar address made; any older one stops working.";
        }
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Settings = await settingsStore.GetAsync(cancellationToken);
        Plan = await training.PlanAsync(cancellationToken);
        if (Plan is not null)
        {
            var now = clock.GetUtcNow();
            var (from, until) = TrainingWeekView.WeekBounds(Settings, now);
            Week = TrainingWeekView.For(Plan, Settings, now, await training.FinishedBetweenAsync(from, until, cancellationToken));
            Prescriptions = await training.PrescriptionsAsync(Plan.Level, cancellationToken);
        }
    }
}
