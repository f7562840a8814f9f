using System.ComponentModel.DataAnnotations;
using Backstride.Core.Insights;
using Backstride.Data.Diary;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Insights;

public sealed class ExperimentsModel(InsightStore store, InsightLoader loader, BackProfileStore profiles) : PageModel
{
    [BindProperty]
    public StartForm Input { get; set; } = new();

    public sealed class StartForm
    {
        [Display(Name = "First option")]
        public ExperimentOption? OptionA { get; set; } = ExperimentOption.Heat;

        [Display(Name = "Second option")]
        public ExperimentOption? OptionB { get; set; } = ExperimentOption.WbcCream;

        [Display(Name = "Runs in each block")]
        public int? BlockLength { get; set; } = 2;

        [Display(Name = "Pairs of blocks")]
        public int? BlockPairs { get; set; } = 3;
    }

    public IReadOnlyList<(SelfExperiment Experiment, ExperimentProgress Progress)> Experiments { get; private set; } = [];

    public bool HasRunning => Experiments.Any(e => e.Experiment.EndedAt is null && !e.Progress.Finished);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Input.OptionA is null)
        {
            ModelState.AddModelError("Input.OptionA", "Choose the first option.");
        }
        if (Input.OptionB is null)
        {
            ModelState.AddModelError("Input.OptionB", "Choose the second option.");
        }
        if (Input.BlockLength is null)
        {
            ModelState.AddModelError("Input.BlockLength", $"Enter how many runs each block lasts ({ExperimentSchedule.MinBlockLength}–{ExperimentSchedule.MaxBlockLength}).");
        }
        if (Input.BlockPairs is null)
        {
            ModelState.AddModelError("Input.BlockPairs", $"Enter how many pairs of blocks to run ({ExperimentSchedule.MinBlockPairs}–{ExperimentSchedule.MaxBlockPairs}).");
        }
        if (Input.OptionA == ExperimentOption.Ice || Input.OptionB == ExperimentOption.Ice)
        {
            if (!Core.Plans.PlanBuilder.IceAllowed(await profiles.CurrentAsync(cancellationToken)))
            {
                ModelState.AddModelError(Input.OptionA == ExperimentOption.Ice ? "Input.OptionA" : "Input.OptionB",
                    "Your back profile says ice is not safe for you (reduced feeling, poor circulation or cold sensitivity), so your plans never include it. Choose another option.");
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await store.StartExperimentAsync(Input.OptionA!.Value, Input.OptionB!.Value, Input.BlockLength!.Value,
            Input.BlockPairs!.Value, cancellationToken);
        if (result.Value is not { } experiment)
        {
            ModelState.AddRuleErrors(result.Errors, nameof(Input));
            return Page();
        }
        TempData["Notice"] = "Experiment started. Your plan after each run now says which option is for tonight.";
        return Redirect($"/insights/experiments/{experiment.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var experiments = await store.ExperimentsAsync(cancellationToken);
        if (experiments.Count == 0)
        {
            Experiments = [];
            return;
        }
        var context = await loader.LoadAsync(cancellationToken);
        Experiments = experiments.Select(e => (e, ExperimentSchedule.Progress(e, context.Evenings))).ToList();
    }
}
