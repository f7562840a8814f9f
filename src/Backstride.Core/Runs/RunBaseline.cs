using System.Globalization;
using Backstride.Core.Units;

namespace Backstride.Core.Runs;

/// <summary>What a run can be compared on: pace and distance for every run, the rest where a watch file measured it.</summary>
public enum RunMetric
{
    Pace,
    Cadence,
    HeartRate,
    VerticalOscillation,
    GroundContactTime,
    VerticalRatio,
    StepLength,
    Power,
    Distance,
    ElevationGain,
}

/// <summary>
/// One metric of a run beside the runner's usual. <see cref="Value"/> and <see cref="Usual"/> are in the units of
/// <see cref="RunBaseline.ValueOf"/>; <see cref="Usual"/> and <see cref="PercentDifference"/> are null when too few
/// earlier runs carry the metric (or, for the percentage, when the usual is zero).
/// </summary>
public sealed record MetricComparison(
    RunMetric Metric,
    double Value,
    double? Usual,
    int RunsInBaseline,
    double? PercentDifference,
    string Sentence);

/// <summary>
/// Describes a run against the runner's own usual: the median over the runs of the 8 weeks before it. The median,
/// not the mean, so one race or one walk does not move "usual". Description only: it says what differs, not why.
/// </summary>
public static class RunBaseline
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(56);

    /// <summary>Below this many earlier runs carrying a metric, a median says too little to call it usual.</summary>
    public const int MinimumRuns = 3;

    // Differences that round to 2 % or less are within a watch's own run-to-run wobble.
    private const double AboutUsualPercent = 2;

    private static readonly int WindowWeeks = (int)Math.Round(Window.TotalDays / 7);

    /// <summary>
    /// The run's metrics, each beside its median over <paramref name="earlierRuns"/> that started in the
    /// <see cref="Window"/> before it. The run itself and later runs are ignored, so any list of runs may be passed.
    /// </summary>
    public static IReadOnlyList<MetricComparison> Compare(Run run, IEnumerable<Run> earlierRuns,
        DistanceUnit unit = DistanceUnit.Kilometres)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(earlierRuns);

        var from = run.StartedAt - Window;
        var baseline = earlierRuns
            .Where(r => r.Id != run.Id && r.StartedAt < run.StartedAt && r.StartedAt >= from)
            .ToList();

        var comparisons = new List<MetricComparison>();
        foreach (var metric in Enum.GetValues<RunMetric>())
        {
            if (ValueOf(run, metric, unit) is not { } value)
            {
                continue;
            }

            var earlierValues = new List<double>();
            foreach (var earlier in baseline)
            {
                // A typed-in duration is the whole time out, an imported one the moving time: pace is only
                // compared like with like, or every imported run would read "faster than usual".
                if (metric == RunMetric.Pace && earlier.Source != run.Source)
                {
                    continue;
                }
                if (ValueOf(earlier, metric, unit) is { } earlierValue)
                {
                    earlierValues.Add(earlierValue);
                }
            }

            double? usual = earlierValues.Count >= MinimumRuns ? Median(earlierValues) : null;
            double? percent = usual is { } typical && typical > 0 ? (value - typical) / typical * 100 : null;
            comparisons.Add(new MetricComparison(metric, value, usual, earlierValues.Count, percent,
                Sentence(metric, value, usual, earlierValues.Count, percent, unit)));
        }
        return comparisons;
    }

    /// <summary>
    /// The run's value of a metric: pace in seconds per kilometre or mile, distance and elevation gain in metres,
    /// the watch's averages in their own units. Null when the run does not carry it; a zero average is a missing sensor.
    /// </summary>
    public static double? ValueOf(Run run, RunMetric metric, DistanceUnit unit)
    {
        ArgumentNullException.ThrowIfNull(run);
        var measured = run.Measurements;
        var value = metric switch
        {
            RunMetric.Pace => Pace.SecondsPerUnit(run.DistanceMetres, run.Duration, unit),
            RunMetric.Cadence => measured?.AvgCadenceStepsPerMinute,
            RunMetric.HeartRate => measured?.AvgHeartRate,
            RunMetric.VerticalOscillation => measured?.AvgVerticalOscillationMm,
            RunMetric.GroundContactTime => measured?.AvgGroundContactTimeMs,
            RunMetric.VerticalRatio => measured?.AvgVerticalRatioPercent,
            RunMetric.StepLength => measured?.AvgStepLengthMm,
            RunMetric.Power => measured?.AvgPowerWatts,
            RunMetric.Distance => run.DistanceMetres,
            RunMetric.ElevationGain => measured?.ElevationGainMetres,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown run metric."),
        };
        if (value is not { } v || !double.IsFinite(v))
        {
            return null;
        }
        // A flat run climbs nothing, which is a real value; every other metric is positive when measured.
        var plausible = metric == RunMetric.ElevationGain ? v >= 0 : v > 0;
        return plausible ? v : null;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static string Sentence(RunMetric metric, double value, double? usual, int runs, double? percent, DistanceUnit unit)
    {
        var name = RunMetricText.Name(metric);
        var shown = RunMetricText.Format(metric, value, unit);
        if (usual is not { } typical)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"{name} {shown}. Too few runs in the {WindowWeeks} weeks before to say what is usual.");
        }

        var basis = string.Create(CultureInfo.InvariantCulture,
            $"{RunMetricText.Format(metric, typical, unit)} over {runs} runs in the {WindowWeeks} weeks before");
        if (percent is not { } difference)
        {
            return $"{name} {shown} (your usual: {basis}).";
        }

        var rounded = Math.Round(Math.Abs(difference));
        if (rounded <= AboutUsualPercent)
        {
            return $"{name} {shown}, about your usual ({basis}).";
        }

        // For pace a bigger number is a slower run: "above your usual" would read as faster.
        var direction = metric == RunMetric.Pace
            ? (difference > 0 ? "slower than" : "faster than")
            : (difference > 0 ? "above" : "below");
        return string.Create(CultureInfo.InvariantCulture, $"{name} {shown}, {rounded:0} % {direction} your usual ({basis}).");
    }
}

/// <summary>Plain words and units for run metrics, as watches show them (vertical oscillation in cm, step length in m).</summary>
public static class RunMetricText
{
    public static string Name(RunMetric metric) => metric switch
    {
        RunMetric.Pace => "Pace",
        RunMetric.Cadence => "Cadence",
        RunMetric.HeartRate => "Heart rate",
        RunMetric.VerticalOscillation => "Vertical oscillation",
        RunMetric.GroundContactTime => "Ground contact time",
        RunMetric.VerticalRatio => "Vertical ratio",
        RunMetric.StepLength => "Step length",
        RunMetric.Power => "Power",
        RunMetric.Distance => "Distance",
        RunMetric.ElevationGain => "Elevation gain",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown run metric."),
    };

    /// <summary>A value in the units of <see cref="RunBaseline.ValueOf"/>, written for the runner: "164 steps/min", "5:07 /km".</summary>
    public static string Format(RunMetric metric, double value, DistanceUnit unit)
    {
        var invariant = CultureInfo.InvariantCulture;
        return metric switch
        {
            // A pace of `value` seconds per unit is the pace of one unit's distance run in `value` seconds.
            RunMetric.Pace => Pace.Format(Distances.MetresPer(unit), TimeSpan.FromSeconds(value), unit),
            RunMetric.Cadence => value.ToString("0", invariant) + " steps/min",
            RunMetric.HeartRate => value.ToString("0", invariant) + " bpm",
            RunMetric.VerticalOscillation => (value / 10).ToString("0.0", invariant) + " cm",
            RunMetric.GroundContactTime => value.ToString("0", invariant) + " ms",
            RunMetric.VerticalRatio => value.ToString("0.0", invariant) + " %",
            RunMetric.StepLength => (value / 1000).ToString("0.00", invariant) + " m",
            RunMetric.Power => value.ToString("0", invariant) + " W",
            RunMetric.Distance => Distances.Format(value, unit),
            RunMetric.ElevationGain => value.ToString("0", invariant) + " m",
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown run metric."),
        };
    }
}
