using System.Globalization;
using Backstride.Core.CheckIns;
using Backstride.Core.Profiles;
using Backstride.Core.Runs;
using Backstride.Core.Units;

namespace Backstride.Core.Plans;

/// <summary>Likely contributors from the profile and recent runs (PRODUCT.md: the two causes). Worded as "may", never as a cause found.</summary>
public static class Contributors
{
    // A week more than 30 % above the 4-week average counts as a jump; a run 90 minutes or more, or effort 8+, as long or hard.
    public const double WeeklyJumpRatio = 1.3;
    public static readonly TimeSpan LongRunDuration = TimeSpan.FromMinutes(90);
    public const int HardEffort = 8;

    public static IReadOnlyList<Contributor> Find(BackProfile? profile, CheckIn checkIn, Run? run,
        IReadOnlyList<Run> recentRuns, DateTimeOffset now, DistanceUnit units)
    {
        var found = new List<Contributor>();
        if (profile is not null)
        {
            if (profile.ArchesBack)
            {
                found.Add(new("arched-back", "You said you arch your back when you run; that may load your lower back."));
            }
            if (profile.ShouldersSlumped)
            {
                found.Add(new("slumped-shoulders", "You said your shoulders slump forward when you run, which may pull your posture out of line."));
            }
            if (profile.HeavyLandings)
            {
                found.Add(new("heavy-landings", "You said you land heavily; harder landings may put more pressure on your spine (studies measured hips and knees, not the back). A step rate 5–10 % above your usual is the best-studied way to land lighter."));
            }
        }

        var lastWeek = recentRuns.Where(r => r.StartedAt > now.AddDays(-7) && r.StartedAt <= now).Sum(r => r.DistanceMetres);
        var before = recentRuns.Where(r => r.StartedAt > now.AddDays(-35) && r.StartedAt <= now.AddDays(-7)).ToList();
        var weeklyAverage = before.Sum(r => r.DistanceMetres) / 4;
        if (before.Count > 0 && weeklyAverage > 0 && lastWeek > weeklyAverage * WeeklyJumpRatio)
        {
            var percent = (lastWeek / weeklyAverage - 1) * 100;
            found.Add(new("distance-jump", string.Create(CultureInfo.InvariantCulture,
                $"You ran {Distances.Format(lastWeek, units)} in the last 7 days, {percent:0} % more than your 4-week average of {Distances.Format(weeklyAverage, units)}; a quick rise in load may play a part.")));
        }

        if (run is not null)
        {
            if (run.Duration >= LongRunDuration)
            {
                found.Add(new("long-run", string.Create(CultureInfo.InvariantCulture,
                    $"This run lasted {Durations.Format(run.Duration)}; long runs may tire the muscles that hold your posture.")));
            }
            if (run.Effort >= HardEffort)
            {
                found.Add(new("hard-run", string.Create(CultureInfo.InvariantCulture,
                    $"You rated this run {run.Effort}/10 for effort; hard efforts may tire the muscles that hold your posture.")));
            }
        }

        if (profile?.Ddd == DddDiagnosis.Yes && checkIn.Pain > 0)
        {
            found.Add(new("ddd-flare", "With diagnosed disc degeneration, flare-ups after runs are common; this may be one. It is treatable, and running itself is linked with healthier discs."));
        }
        return found;
    }
}
