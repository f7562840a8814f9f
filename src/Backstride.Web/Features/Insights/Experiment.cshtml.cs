using Backstride.Core.Insights;
using Backstride.Core.Runners;
using Backstride.Data.Diary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Insights;

public sealed class ExperimentModel(InsightStore store, InsightLoader loader) : PageModel
{
    public SelfExperiment Experiment { get; private set; } = null!;

    public ExperimentProgress Progress { get; private set; } = null!;

    public ExperimentResult Result { get; private set; } = null!;

    public IReadOnlyList<RunEvening> Evenings { get; private set; } = [];

    public RunnerSettings Settings { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await store.FindExperimentAsync(id, cancellationToken) is not { } experiment)
        {
            return NotFound();
        }
        var context = await loader.LoadAsync(cancellationToken);
        Experiment = experiment;
        Settings = context.Settings;
        Progress = ExperimentSchedule.Progress(experiment, context.Evenings);
        Evenings = ExperimentSchedule.EveningsOf(experiment, context.Evenings);
        Result = ExperimentAnalysis.Analyse(experiment, context.Evenings);
        return Page();
    }

    public async Task<IActionResult> OnPostStopAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await store.FindExperimentAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }
        if (await store.EndExperimentAsync(id, stoppedEarly: true, cancellationToken))
        {
            TempData["Notice"] = "Experiment stopped. The result below uses the evenings so far.";
        }
        return Redirect($"/insights/experiments/{id}");
    }
}
