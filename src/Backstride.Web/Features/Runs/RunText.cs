using Backstride.Core.Runs;
using Backstride.Core.Units;

namespace Backstride.Web.Features.Runs;

/// <summary>Plain words for run values, shared by the form and the history.</summary>
public static class RunText
{
    public static string Surface(Surface surface) => surface switch
    {
        Core.Runs.Surface.Road => "Road",
        Core.Runs.Surface.Trail => "Trail",
        Core.Runs.Surface.Track => "Track",
        Core.Runs.Surface.Treadmill => "Treadmill",
        _ => "Other",
    };

    public static string Effort(int effort) => effort switch
    {
        1 => "1 – very easy",
        2 or 3 => $"{effort} – easy",
        4 or 5 or 6 => $"{effort} – moderate",
        7 or 8 => $"{effort} – hard",
        9 => "9 – very hard",
        _ => "10 – all out",
    };

    // What a history card shows of an imported run: the figures runners compare from run to run.
    private static readonly RunMetric[] WatchHighlights =
        [RunMetric.Cadence, RunMetric.HeartRate, RunMetric.GroundContactTime, RunMetric.VerticalOscillation];

    /// <summary>"172 steps/min · 143 bpm · 272 ms ground contact · 9.2 cm vertical oscillation", or null for a typed-in run.</summary>
    public static string? WatchSummary(Run run, DistanceUnit unit)
    {
        var parts = new List<string>();
        foreach (var metric in WatchHighlights)
        {
            if (RunBaseline.ValueOf(run, metric, unit) is { } value)
            {
                var text = RunMetricText.Format(metric, value, unit);
                parts.Add(metric is RunMetric.GroundContactTime or RunMetric.VerticalOscillation
                    ? $"{text} {RunMetricText.Name(metric).ToLowerInvariant()}"
                    : text);
            }
        }
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }
}

public sealed record RunFieldsView(RunForm Form, RunFormContext Context);
