using Backstride.Core.Runners;
using Backstride.Core.Runs;
using Backstride.Data.Diary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Runs;

public sealed class RunDetailsModel(RunStore runs, RunnerSettingsStore settingsStore) : PageModel
{
    /// <summary>What a watch file adds to a run, in the order the page lists it.</summary>
    public static readonly IReadOnlyList<RunMetric> WatchMetrics =
    [
        RunMetric.ElevationGain,
        RunMetric.Cadence,
        RunMetric.HeartRate,
        RunMetric.VerticalOscillation,
        RunMetric.GroundContactTime,
        RunMetric.VerticalRatio,
        RunMetric.StepLength,
        RunMetric.Power,
    ];

    public Run Run { get; private set; } = null!;

    public RunnerSettings Settings { get; private set; } = new();

    public IReadOnlyDictionary<RunMetric, MetricComparison> Comparisons { get; private set; } =
        new Dictionary<RunMetric, MetricComparison>();

    /// <summary>True when at least one metric has enough earlier runs to say what is usual.</summary>
    public bool HasBaseline => Comparisons.Values.Any(c => c.Usual is not null);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var run = await runs.FindAsync(id, cancellationToken);
        if (run is null)
        {
            return NotFound();
        }
        Run = run;
        Settings = await settingsStore.GetAsync(cancellationToken);
        var earlier = await runs.BaselineRunsAsync(run.StartedAt, RunBaseline.Window, cancellationToken);
        Comparisons = RunBaseline.Compare(run, earlier, Settings.Units).ToDictionary(c => c.Metric);
        return Page();
    }

    /// <summary>The sentence comparing a metric with the runner's usual; null until there are enough earlier runs.</summary>
    public string? BaselineSentence(RunMetric metric) =>
        Comparisons.TryGetValue(metric, out var comparison) && comparison.Usual is not null ? comparison.Sentence : null;
}
