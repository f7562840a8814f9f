using Backstride.Core.Insights;

namespace Backstride.Core.Triage;

/// <summary>
/// "Pain that keeps rising over weeks" (CLINICAL.md §2, routine referral), made concrete: the mean pain after runs
/// rose from each of the last three weeks to the next, by at least <see cref="MinimumRise"/> points in all, with at
/// least <see cref="MinimumScoresPerWeek"/> run check-ins in each week so one bad evening cannot trigger it.
/// </summary>
public static class PainTrend
{
    public const int Weeks = 3;

    public const int MinimumScoresPerWeek = 2;

    public const double MinimumRise = 2.0;

    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <param name="checkIns">Check-ins in time order; only each run's first check-in counts (follow-ups are lower by nature).</param>
    public static bool KeepsRising(IReadOnlyList<PainRow> checkIns, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(checkIns);
        var from = now - Weeks * Week;
        var seenRuns = new HashSet<Guid>();
        var sums = new double[Weeks];
        var counts = new int[Weeks];
        foreach (var checkIn in checkIns)
        {
            if (checkIn.RunId is not { } runId || !seenRuns.Add(runId) || checkIn.RecordedAt < from || checkIn.RecordedAt > now)
            {
                continue;
            }
            var week = Math.Min(Weeks - 1, (int)((checkIn.RecordedAt - from) / Week));
            sums[week] += checkIn.Pain;
            counts[week]++;
        }
        if (counts.Any(c => c < MinimumScoresPerWeek))
        {
            return false;
        }
        var means = sums.Select((sum, i) => sum / counts[i]).ToArray();
        for (var i = 1; i < Weeks; i++)
        {
            if (means[i] <= means[i - 1])
            {
                return false;
            }
        }
        return means[^1] - means[0] >= MinimumRise;
    }
}
