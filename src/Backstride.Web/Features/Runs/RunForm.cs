using Backstride.Core.Runners;
using Backstride.Core.Runs;
using Backstride.Core.Units;
using Backstride.Data.Diary;

namespace Backstride.Web.Features.Runs;

/// <summary>The run form as a person fills it in: local time, their own unit, duration in three boxes.</summary>
public sealed class RunForm
{
    public DateTime? StartedAt { get; set; }

    public double? Distance { get; set; }

    public int? Hours { get; set; }

    public int? Minutes { get; set; }

    public int? Seconds { get; set; }

    public Surface? Surface { get; set; } = Core.Runs.Surface.Road;

    public string? Shoes { get; set; }

    public bool StretchedBefore { get; set; }

    public int? Effort { get; set; }

    public string? Notes { get; set; }

    public RunDraft ToDraft(RunnerSettings settings) => new(
        StartedAt is { } local ? settings.FromLocal(local) : null,
        Distance is { } distance ? Distances.ToMetres(distance, settings.Units) : null,
        Durations.FromParts(Hours, Minutes, Seconds),
        Surface,
        Shoes,
        StretchedBefore,
        Effort,
        Notes);

    public static RunForm From(Run run, RunnerSettings settings)
    {
        var duration = TimeSpan.FromSeconds(Math.Round(run.Duration.TotalSeconds));
        return new RunForm
        {
            StartedAt = settings.ToLocal(run.StartedAt),
            Distance = Math.Round(Distances.FromMetres(run.DistanceMetres, settings.Units), 2),
            Hours = (int)duration.TotalHours,
            Minutes = duration.Minutes,
            Seconds = duration.Seconds,
            Surface = run.Surface,
            Shoes = run.Shoe?.Name,
            StretchedBefore = run.StretchedBefore,
            Effort = run.Effort,
            Notes = run.Notes,
        };
    }

    /// <summary>A new run starts "now", to the minute, in the runner's zone.</summary>
    public static RunForm Blank(RunnerSettings settings, DateTimeOffset now)
    {
        var local = settings.ToLocal(now);
        return new RunForm { StartedAt = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute)) };
    }
}

/// <summary>What the run form needs besides the values: the runner's unit and their named shoes.</summary>
public sealed record RunFormContext(DistanceUnit Units, IReadOnlyList<string> ShoeNames);

internal static class RunPages
{
    public static async Task<RunFormContext> ContextAsync(RunStore runs, RunnerSettings settings,
        CancellationToken cancellationToken) =>
        new(settings.Units, (await runs.ShoesAsync(cancellationToken)).Select(s => s.Name).ToList());
}
