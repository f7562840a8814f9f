using System.Globalization;
using Backstride.Activities;
using Backstride.Core.Runs;

namespace Backstride.Web.Features.Imports;

/// <summary>How a watch file's running part becomes a run in the diary: the same rules as a run typed in.</summary>
internal static class ImportedRun
{
    public const string NoDateReason = "The watch did not record the date of this run.";

    /// <summary>Pace is computed from the duration, so an imported run's duration is its moving time.</summary>
    public static RunDraft Draft(ActivitySummary summary, Activity activity) => new(
        summary.Start,
        summary.DistanceMetres,
        summary.MovingTime,
        SurfaceOf(summary.Sport, RunningSubSport(activity)),
        ShoeName: null,
        StretchedBefore: false,
        Effort: null,
        Notes: null);

    public static Run Create(RunDraft draft, ActivitySummary summary, string fileName, DateTimeOffset now)
    {
        var run = new Run
        {
            CreatedAt = now,
            UpdatedAt = now,
            Source = RunSource.Imported,
            SourceFileName = fileName,
            Measurements = new RunMeasurements
            {
                ElapsedTime = summary.ElapsedTime,
                MovingTime = summary.MovingTime,
                ElevationGainMetres = Finite(summary.ElevationGainMetres),
                AvgHeartRate = Finite(summary.AvgHeartRate),
                AvgCadenceStepsPerMinute = Finite(summary.AvgCadenceStepsPerMinute),
                AvgVerticalOscillationMm = Finite(summary.AvgVerticalOscillationMm),
                AvgGroundContactTimeMs = Finite(summary.AvgGroundContactTimeMs),
                AvgVerticalRatioPercent = Finite(summary.AvgVerticalRatioPercent),
                AvgStepLengthMm = Finite(summary.AvgStepLengthMm),
                AvgPowerWatts = Finite(summary.AvgPowerWatts),
            },
        };
        draft.ApplyTo(run);
        return run;
    }

    /// <summary>The run's samples in one compact row; a multisport file keeps only the running part's.</summary>
    public static RunTrack Track(Run run, Activity activity, ActivitySummary summary)
    {
        var samples = activity.Samples;
        if (activity.Sessions.Count > 1)
        {
            var from = summary.Start.UtcDateTime;
            var until = (summary.Start + summary.ElapsedTime).UtcDateTime;
            var running = Array.FindAll(samples, s => s.Time >= from && s.Time <= until);
            samples = running.Length > 0 ? running : samples;
        }
        return new RunTrack
        {
            RunId = run.Id,
            EncodedSamples = SampleCodec.Encode(samples),
            SampleCount = samples.Length,
            Format = RunTrack.SampleCodecV1,
        };
    }

    public static string TooLargeReason(ActivityReadLimits limits) => string.Create(CultureInfo.InvariantCulture,
        $"The file is larger than the {limits.MaxFileBytes / (1024 * 1024):N0} MB an activity file may be.");

    /// <summary>The file says it holds a run (all of it, or one part of a multisport file).</summary>
    public static bool IsRun(Activity activity) =>
        ActivityMetrics.IsRunning(activity.Sport) || activity.Sessions.Any(s => ActivityMetrics.IsRunning(s.Sport));

    /// <summary>Why a file that is not a run is not imported, naming what the file says it is.</summary>
    public static string NotARunReason(string? sport)
    {
        var words = (sport ?? "").Replace('_', ' ').Trim();
        if (words.Length == 0 || words is "unknown" or "generic" or "all")
        {
            return "This file does not say it is a run; Backstride keeps runs.";
        }
        var article = "aeiou".Contains(char.ToLowerInvariant(words[0]), StringComparison.Ordinal) ? "an" : "a";
        return $"This is {article} {words} activity; Backstride keeps runs.";
    }

    /// <summary>Road unless the file says otherwise: FIT names trail, track and treadmill as sub-sports.</summary>
    public static Surface SurfaceOf(string? sport, string? subSport)
    {
        var said = $"{sport} {subSport}";
        bool Says(string word) => said.Contains(word, StringComparison.OrdinalIgnoreCase);
        if (Says("treadmill") || Says("indoor") || Says("virtual"))
        {
            return Surface.Treadmill;
        }
        if (Says("trail"))
        {
            return Surface.Trail;
        }
        return Says("track") ? Surface.Track : Surface.Road;
    }

    private static string? RunningSubSport(Activity activity) =>
        activity.Sessions.FirstOrDefault(s => ActivityMetrics.IsRunning(s.Sport))?.SubSport ?? activity.SubSport;

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
