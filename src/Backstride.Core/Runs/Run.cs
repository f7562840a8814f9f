namespace Backstride.Core.Runs;

/// <summary>One running activity. Distance is stored in metres and time in UTC; pace is derived.</summary>
public sealed class Run : IOwnedByRunner
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public double DistanceMetres { get; set; }

    public TimeSpan Duration { get; set; }

    public Surface Surface { get; set; }

    public Guid? ShoeId { get; set; }

    public Shoe? Shoe { get; set; }

    public bool StretchedBefore { get; set; }

    /// <summary>Perceived effort 1–10; optional because a tired runner may skip it.</summary>
    public int? Effort { get; set; }

    public string? Notes { get; set; }

    /// <summary>Where the run came from: typed in, or imported from a watch file.</summary>
    public RunSource Source { get; set; }

    /// <summary>The imported file's name, so a runner can tell which file a run came from.</summary>
    public string? SourceFileName { get; set; }

    /// <summary>What an imported file measured; null for runs typed in by hand.</summary>
    public RunMeasurements? Measurements { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public enum RunSource
{
    Manual,
    Imported,
}

/// <summary>
/// What a watch measured over one run. For imported runs <see cref="Run.Duration"/> is the moving time
/// (what pace is computed from) and <see cref="ElapsedTime"/> the whole time from start to finish.
/// Each average is null when the file carried no such values.
/// </summary>
public sealed record RunMeasurements
{
    public TimeSpan ElapsedTime { get; init; }
    public TimeSpan MovingTime { get; init; }
    public double? ElevationGainMetres { get; init; }
    public double? AvgHeartRate { get; init; }
    public double? AvgCadenceStepsPerMinute { get; init; }
    public double? AvgVerticalOscillationMm { get; init; }
    public double? AvgGroundContactTimeMs { get; init; }
    public double? AvgVerticalRatioPercent { get; init; }
    public double? AvgStepLengthMm { get; init; }
    public double? AvgPowerWatts { get; init; }
}

/// <summary>One of the runner's named pairs of shoes.</summary>
public sealed class Shoe : IOwnedByRunner
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>Upper-cased invariant name, so "Pegasus 40" and "pegasus 40" are one pair on every database.</summary>
    public required string NormalizedName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public static string Normalize(string name) => name.Trim().ToUpperInvariant();
}
