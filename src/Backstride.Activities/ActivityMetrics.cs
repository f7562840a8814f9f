using Backstride.Activities.Xml;

namespace Backstride.Activities;

/// <summary>
/// What the running part of an activity file measured, in the units the diary uses: totals for the run and its
/// averages (cadence in steps per minute, both legs). Averages are null where the file carried no such values.
/// </summary>
public sealed record ActivitySummary(
    DateTimeOffset Start,
    string Sport,
    double DistanceMetres,
    TimeSpan ElapsedTime,
    TimeSpan MovingTime,
    double? ElevationGainMetres,
    double? AvgHeartRate,
    double? AvgCadenceStepsPerMinute,
    double? AvgVerticalOscillationMm,
    double? AvgGroundContactTimeMs,
    double? AvgVerticalRatioPercent,
    double? AvgStepLengthMm,
    double? AvgPowerWatts);

/// <summary>
/// Turns an activity into the summary of its run. Totals come from the file's sessions where they state them
/// (that is what the watch showed the runner); moving time and anything a session leaves out come from the samples.
/// Only FIT sessions state averages and ascent: GPX and TCX readers compute theirs from the same samples, with zero
/// cadences in and altitude noise counted as climbing, so for those files the samples are summarised here instead.
/// </summary>
public static class ActivityMetrics
{
    /// <summary>Slower than this (1.8 km/h) the runner is standing, not moving.</summary>
    public const double MovingSpeedMetresPerSecond = 0.5;

    /// <summary>Watches record every 1–10 s ("smart recording"); a longer gap between samples is a pause.</summary>
    public const double LongestMovingGapSeconds = 30;

    /// <summary>Barometric and GPS altitude wander by a metre or two; a rise counts as a climb only beyond this.</summary>
    public const double ClimbThresholdMetres = 3;

    /// <summary>
    /// True for running and its variants as FIT, TCX and GPX name them ("running", "run", "trail_running",
    /// "treadmill_running", "virtual_run", "Trail Run"), in any case.
    /// </summary>
    public static bool IsRunning(string sport)
    {
        ArgumentNullException.ThrowIfNull(sport);
        var name = sport.AsSpan().Trim();
        // The last word names the sport; the words before it say where ("trail", "treadmill", "virtual").
        var lastWord = name[(name.LastIndexOfAny('_', ' ', '-') + 1)..];
        return lastWord.Equals("running", StringComparison.OrdinalIgnoreCase)
            || lastWord.Equals("run", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The run in <paramref name="activity"/>: for a multisport file (a triathlon) only its running session(s).
    /// Null when the activity has no running part, or no calendar date to put the run on.
    /// </summary>
    public static ActivitySummary? SummariseRun(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        // Device-relative FIT times count from the watch's power-on, so the run's date is unknown.
        if (activity.Start is not { } activityStart || activity.TimesAreDeviceRelative)
        {
            return null;
        }

        var parts = RunningParts(activity);
        if (parts.Count == 0)
        {
            return null;
        }

        var sessionsStateAverages = activity.Format == ActivityFormat.Fit;
        double? Stated(Func<ActivitySession, double?> field) => sessionsStateAverages ? SessionAverage(parts, field) : null;

        double distance = 0, elapsed = 0, moving = 0;
        double? ascent = null;
        foreach (var part in parts)
        {
            distance += Distance(part);
            var partElapsed = ElapsedSeconds(part);
            elapsed += partElapsed;
            moving += MovingSeconds(part, partElapsed);
            var partAscent = (sessionsStateAverages ? NonNegative(part.Session?.TotalAscentMetres) : null)
                ?? ClimbFromAltitudes(part.Samples);
            if (partAscent is { } climbed)
            {
                ascent = (ascent ?? 0) + climbed;
            }
        }

        var first = parts[0];
        var sport = first.Session is { } firstSession && IsRunning(firstSession.Sport) ? firstSession.Sport : activity.Sport;
        return new ActivitySummary(
            Start: first.Session?.Start ?? activityStart,
            Sport: sport,
            DistanceMetres: distance,
            ElapsedTime: TimeSpan.FromSeconds(elapsed),
            MovingTime: TimeSpan.FromSeconds(moving),
            ElevationGainMetres: ascent,
            AvgHeartRate: Stated(s => s.AvgHeartRate) ?? SampleMean(parts, s => s.HeartRate),
            // Sessions state cadence per leg (FIT avg_running_cadence, without its fractional part); samples are already steps per minute.
            AvgCadenceStepsPerMinute: Stated(s => s.AvgCadencePerLeg) is { } perLeg
                ? perLeg * 2
                : SampleMean(parts, s => s.CadenceStepsPerMinute, zeroIsAbsent: true),
            AvgVerticalOscillationMm: Stated(s => s.AvgVerticalOscillationMm) ?? SampleMean(parts, s => s.VerticalOscillationMm),
            AvgGroundContactTimeMs: Stated(s => s.AvgStanceTimeMs) ?? SampleMean(parts, s => s.GroundContactTimeMs),
            AvgVerticalRatioPercent: Stated(s => s.AvgVerticalRatioPercent) ?? SampleMean(parts, s => s.VerticalRatioPercent),
            AvgStepLengthMm: Stated(s => s.AvgStepLengthMm) ?? SampleMean(parts, s => s.StepLengthMm),
            AvgPowerWatts: SampleMean(parts, s => s.PowerWatts));
    }

    /// <summary>A running session with the samples recorded during it; no session when the file has none.</summary>
    private sealed record RunningPart(ActivitySession? Session, ActivitySample[] Samples, bool IsWholeFile);

    private static List<RunningPart> RunningParts(Activity activity)
    {
        var sessions = activity.Sessions;
        if (sessions.Count == 0)
        {
            return IsRunning(activity.Sport) || (IsUnnamed(activity.Sport) && AtRunningSpeed(SessionOf(activity.Samples)))
                ? [new RunningPart(null, activity.Samples, IsWholeFile: true)]
                : [];
        }
        if (sessions.Count == 1)
        {
            return IsRunningSession(sessions[0], activity)
                ? [new RunningPart(sessions[0], activity.Samples, IsWholeFile: true)]
                : [];
        }

        var parts = new List<RunningPart>();
        for (var i = 0; i < sessions.Count; i++)
        {
            if (IsRunningSession(sessions[i], activity))
            {
                parts.Add(new RunningPart(sessions[i], SamplesWithin(activity.Samples, sessions, i), IsWholeFile: false));
            }
        }
        return parts;
    }

    // A session that does not name its sport takes the activity's.
    private static bool IsRunningSession(ActivitySession session, Activity activity) =>
        IsRunning(session.Sport)
        || (IsUnnamed(session.Sport) && (IsRunning(activity.Sport) || (IsUnnamed(activity.Sport) && AtRunningSpeed(session))));

    /// <summary>
    /// Sports that say nothing: a GPX without &lt;type&gt;, FIT's "generic", TCX's "Other" (which Strava writes for
    /// runs). In a runner's diary such a file is a run unless its speed says otherwise.
    /// </summary>
    internal static bool IsUnnamed(string sport) =>
        sport.Trim().ToUpperInvariant() is "" or "UNKNOWN" or "GENERIC" or "OTHER" or "ALL";

    /// <summary>Faster on average than 6 m/s (2:47 per km) is a ride, not a training run.</summary>
    public const double FastestAverageRunMetresPerSecond = 6;

    private static bool AtRunningSpeed(ActivitySession session) =>
        session.TotalDistanceMetres is not { } metres
        || (NonNegative(session.TotalTimerTimeSeconds) ?? NonNegative(session.TotalElapsedTimeSeconds)) is not { } seconds
        || seconds <= 0
        || metres / seconds <= FastestAverageRunMetresPerSecond;

    private static ActivitySession SessionOf(ActivitySample[] samples) => new()
    {
        Sport = "unknown",
        TotalDistanceMetres = samples.Length > 0 && !double.IsNaN(samples[^1].DistanceMetres) ? samples[^1].DistanceMetres : null,
        TotalElapsedTimeSeconds = samples.Length > 1 ? (samples[^1].Time - samples[0].Time).TotalSeconds : null,
    };

    /// <summary>The samples from a session's start to its end: its elapsed time, else the next session's start.</summary>
    private static ActivitySample[] SamplesWithin(ActivitySample[] samples, IReadOnlyList<ActivitySession> sessions, int index)
    {
        var session = sessions[index];
        if (session.Start is not { } start)
        {
            return [];
        }

        var from = start.UtcDateTime;
        var seconds = NonNegative(session.TotalElapsedTimeSeconds) ?? NonNegative(session.TotalTimerTimeSeconds);
        if (seconds is { } length)
        {
            var to = length < (DateTime.MaxValue - from).TotalSeconds ? from.AddSeconds(length) : DateTime.MaxValue;
            return Array.FindAll(samples, s => s.Time >= from && s.Time <= to);
        }

        var next = DateTime.MaxValue;
        foreach (var other in sessions)
        {
            if (other.Start is { } otherStart && otherStart.UtcDateTime > from && otherStart.UtcDateTime < next)
            {
                next = otherStart.UtcDateTime;
            }
        }
        return Array.FindAll(samples, s => s.Time >= from && s.Time < next);
    }

    private static double Distance(RunningPart part)
    {
        if (NonNegative(part.Session?.TotalDistanceMetres) is { } stated)
        {
            return stated;
        }

        double? first = null, last = null;
        foreach (ref readonly var sample in part.Samples.AsSpan())
        {
            if (double.IsFinite(sample.DistanceMetres))
            {
                first ??= sample.DistanceMetres;
                last = sample.DistanceMetres;
            }
        }
        if (last is { } end)
        {
            // Within a multisport file the distance counter may run on from the previous leg.
            return part.IsWholeFile ? end : Math.Max(0, end - first!.Value);
        }
        return TrackLength(part.Samples);
    }

    private static double ElapsedSeconds(RunningPart part)
    {
        if (NonNegative(part.Session?.TotalElapsedTimeSeconds) is { } stated)
        {
            return stated;
        }
        var samples = part.Samples;
        if (samples.Length >= 2)
        {
            return Math.Max(0, (samples[^1].Time - samples[0].Time).TotalSeconds);
        }
        return NonNegative(part.Session?.TotalTimerTimeSeconds) ?? 0;
    }

    /// <summary>
    /// Time between samples while moving: pauses (gaps over 30 s) and standing (slower than 0.5 m/s) are left out.
    /// Without any speed, distance or position in the samples, the session's timer time stands in.
    /// </summary>
    private static double MovingSeconds(RunningPart part, double elapsedSeconds)
    {
        var samples = part.Samples;
        double moving = 0;
        var judged = false;
        for (var i = 1; i < samples.Length; i++)
        {
            var seconds = (samples[i].Time - samples[i - 1].Time).TotalSeconds;
            if (seconds <= 0)
            {
                continue;
            }

            var speed = Speed(samples[i - 1], samples[i], seconds);
            if (speed is not null)
            {
                judged = true;
            }
            // An interval with no speed of its own counts as moving: the watch was recording and nothing says it stopped.
            if (seconds <= LongestMovingGapSeconds && (speed is null || speed >= MovingSpeedMetresPerSecond))
            {
                moving += seconds;
            }
        }

        var timer = NonNegative(part.Session?.TotalTimerTimeSeconds);
        if (!judged)
        {
            moving = timer ?? elapsedSeconds;
        }
        // While auto-paused the watch records nothing, and the first sample after it already has running speed, so a
        // short pause would count as moving; the watch's own timer time is the ceiling.
        return Math.Min(moving, Math.Min(timer ?? elapsedSeconds, elapsedSeconds));
    }

    /// <summary>The speed over the interval ending at <paramref name="current"/>: as recorded, else from distance, else from positions.</summary>
    private static double? Speed(in ActivitySample previous, in ActivitySample current, double seconds)
    {
        if (float.IsFinite(current.SpeedMetresPerSecond))
        {
            return current.SpeedMetresPerSecond;
        }
        if (double.IsFinite(previous.DistanceMetres) && double.IsFinite(current.DistanceMetres))
        {
            return (current.DistanceMetres - previous.DistanceMetres) / seconds;
        }
        if (previous.HasPosition && current.HasPosition)
        {
            return TrackMath.GreatCircleMetres(previous.Latitude, previous.Longitude, current.Latitude, current.Longitude) / seconds;
        }
        return null;
    }

    /// <summary>
    /// Total climb with a 3 m hysteresis. Summing every rise would count the barometer's and GPS's metre-or-two
    /// wobble as climbing (tens of metres on a flat run), so a climb starts only once the altitude is more than
    /// 3 m above the lowest point since the last climb, and ends only after a drop of more than 3 m from its top.
    /// </summary>
    private static double? ClimbFromAltitudes(ActivitySample[] samples)
    {
        var seen = false;
        var climbing = false;
        double low = 0, high = 0, gain = 0;
        foreach (ref readonly var sample in samples.AsSpan())
        {
            double altitude = sample.AltitudeMetres;
            if (!double.IsFinite(altitude))
            {
                continue;
            }
            if (!seen)
            {
                low = high = altitude;
                seen = true;
            }
            else if (climbing)
            {
                if (altitude > high)
                {
                    high = altitude;
                }
                else if (high - altitude > ClimbThresholdMetres)
                {
                    gain += high - low;
                    climbing = false;
                    low = altitude;
                }
            }
            else if (altitude < low)
            {
                low = altitude;
            }
            else if (altitude - low > ClimbThresholdMetres)
            {
                climbing = true;
                high = altitude;
            }
        }

        if (!seen)
        {
            return null;
        }
        return climbing ? gain + (high - low) : gain;
    }

    private static double TrackLength(ActivitySample[] samples)
    {
        double length = 0;
        var previous = -1;
        for (var i = 0; i < samples.Length; i++)
        {
            if (!samples[i].HasPosition)
            {
                continue;
            }
            if (previous >= 0)
            {
                length += TrackMath.GreatCircleMetres(
                    samples[previous].Latitude, samples[previous].Longitude, samples[i].Latitude, samples[i].Longitude);
            }
            previous = i;
        }
        return length;
    }

    /// <summary>
    /// The sessions' own average, weighted by their timer time when there are several; null unless every running
    /// session states it. A zero average is the sensor's absence (no strap, no pod), not a measurement.
    /// </summary>
    private static double? SessionAverage(List<RunningPart> parts, Func<ActivitySession, double?> field)
    {
        double weightedSum = 0, totalWeight = 0, plainSum = 0;
        var weightsKnown = true;
        foreach (var part in parts)
        {
            if (part.Session is not { } session || field(session) is not { } value || !double.IsFinite(value) || value <= 0)
            {
                return null;
            }
            plainSum += value;
            if ((NonNegative(session.TotalTimerTimeSeconds) ?? NonNegative(session.TotalElapsedTimeSeconds)) is { } weight and > 0)
            {
                weightedSum += value * weight;
                totalWeight += weight;
            }
            else
            {
                weightsKnown = false;
            }
        }
        if (parts.Count == 1)
        {
            return plainSum;
        }
        return weightsKnown && totalWeight > 0 ? weightedSum / totalWeight : plainSum / parts.Count;
    }

    /// <summary>
    /// The mean over the samples that carry the field. Watches record at a fixed interval while moving, so a plain
    /// mean is as good as a time-weighted one; a cadence of 0 is standing still and would drag the mean down.
    /// </summary>
    private static double? SampleMean(List<RunningPart> parts, Func<ActivitySample, float> field, bool zeroIsAbsent = false)
    {
        double sum = 0;
        long count = 0;
        foreach (var part in parts)
        {
            foreach (var sample in part.Samples)
            {
                var value = field(sample);
                if (!float.IsFinite(value) || (zeroIsAbsent && value == 0))
                {
                    continue;
                }
                sum += value;
                count++;
            }
        }
        return count > 0 ? sum / count : null;
    }

    private static double? NonNegative(double? value) => value is { } v && double.IsFinite(v) && v >= 0 ? v : null;
}
