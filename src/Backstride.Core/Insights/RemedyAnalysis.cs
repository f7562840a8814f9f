using System.Globalization;
using Backstride.Core.Plans;

namespace Backstride.Core.Insights;

/// <summary>
/// The change in pain from the check-in (later score − check-in score, so negative means it eased) on evenings with a
/// remedy against evenings without. Difference is mean(with) − mean(without); null until each side has enough evenings.
/// </summary>
public sealed record RemedyComparison(
    int EveningsWith,
    int EveningsWithout,
    double? MeanChangeWith,
    double? MeanChangeWithout,
    Estimate? Difference,
    string Sentence);

public sealed record RemedyResult(
    Remedy Remedy,
    string Name,
    Evidence Evidence,
    RemedyComparison ToFollowUp,
    RemedyComparison ToNextMorning);

/// <summary>
/// The runner's own response to each remedy, shown beside the published evidence. Not corrected for multiple
/// comparisons and not randomised: runners reach for a remedy on their worse evenings, which a self-experiment avoids.
/// </summary>
public static class RemedyAnalysis
{
    public const int MinimumEveningsEachSide = 6;

    private static readonly TimeSpan StrengthLookBack = TimeSpan.FromDays(7);

    private static readonly (Remedy Remedy, string Name, string With)[] Remedies =
    [
        (Remedy.Ice, "Ice", "with ice"),
        (Remedy.Heat, "Heat", "with heat"),
        (Remedy.Stretching, "Stretching", "with stretching"),
        (Remedy.Medication, "Pain reliever", "with a pain reliever"),
        (Remedy.StrengthTraining, "Strength training", "with strength training in the week before"),
        (Remedy.WbcCream, "WBC cream", "with WBC cream"),
    ];

    public static IReadOnlyList<RemedyResult> Analyse(InsightDiary diary, IReadOnlyList<RunEvening> evenings)
    {
        var strengthTicks = diary.StrengthSessions.Select(s => s.UtcTicks).Order().ToArray();
        var strengthInWeekBefore = new bool[evenings.Count];
        for (var i = 0; i < evenings.Count; i++)
        {
            strengthInWeekBefore[i] = AnySessionInWeekBefore(strengthTicks, evenings[i].CheckIn.RecordedAt);
        }

        var results = new List<RemedyResult>(Remedies.Length);
        foreach (var (remedy, name, withPhrase) in Remedies)
        {
            // Strength training works over weeks, not on the evening: it counts when done in the week before the check-in.
            Func<int, bool> had = remedy == Remedy.StrengthTraining
                ? i => strengthInWeekBefore[i]
                : i => evenings[i].Remedies.Contains(remedy);
            results.Add(new RemedyResult(remedy, name, RemedyEvidence.ByRemedy[remedy],
                Compare(evenings, had, e => e.FollowUp, withPhrase, "the follow-up", "with a follow-up"),
                Compare(evenings, had, e => e.NextMorning, withPhrase, "the next morning", "with a next-morning score")));
        }
        return results;
    }

    private static bool AnySessionInWeekBefore(long[] sessionTicks, DateTimeOffset checkInAt)
    {
        var from = checkInAt.UtcTicks - StrengthLookBack.Ticks;
        // First session at or after the start of the week; it counts when it is also before the check-in.
        int low = 0, high = sessionTicks.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sessionTicks[middle] < from)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low < sessionTicks.Length && sessionTicks[low] < checkInAt.UtcTicks;
    }

    private static RemedyComparison Compare(
        IReadOnlyList<RunEvening> evenings, Func<int, bool> had, Func<RunEvening, PainRow?> later,
        string withPhrase, string by, string eveningsWithScore)
    {
        var with = new List<double>();
        var without = new List<double>();
        for (var i = 0; i < evenings.Count; i++)
        {
            if (later(evenings[i]) is not { } laterPain)
            {
                continue;
            }
            var change = (double)(laterPain.Pain - evenings[i].CheckIn.Pain);
            (had(i) ? with : without).Add(change);
        }
        double? meanWith = with.Count > 0 ? Statistics.Mean(with) : null;
        double? meanWithout = without.Count > 0 ? Statistics.Mean(without) : null;

        if (with.Count < MinimumEveningsEachSide || without.Count < MinimumEveningsEachSide)
        {
            var missing = string.Create(CultureInfo.InvariantCulture,
                $"Not enough evenings {eveningsWithScore} yet: {with.Count} {withPhrase} and {without.Count} without; {MinimumEveningsEachSide} needed on each side.");
            return new RemedyComparison(with.Count, without.Count, meanWith, meanWithout, null, missing);
        }

        var difference = Statistics.WelchDifference(with, without);
        var opening = string.Create(CultureInfo.InvariantCulture,
            $"On {with.Count} evenings {withPhrase} your pain {Change(meanWith!.Value)} by {by}");
        var sentence = difference is null
            ? string.Create(CultureInfo.InvariantCulture,
                $"{opening}; on {without.Count} evenings without it {Change(meanWithout!.Value)}. Every evening on each side changed by the same amount, so no interval can be given.")
            : opening + ", " + Against(difference, meanWith.Value, without.Count)
                + (difference.ExcludesZero ? "." : ": no clear difference.");
        return new RemedyComparison(with.Count, without.Count, meanWith, meanWithout, difference, sentence);
    }

    private static string Change(double meanChange)
    {
        var size = FactorAnalysis.Number(Math.Abs(meanChange));
        return meanChange < 0 && size != "0.0" ? $"fell {size} points"
            : meanChange > 0 && size != "0.0" ? $"rose {size} points"
            : "was unchanged on average";
    }

    // "0.9 more than on 20 evenings without (0.2 to 1.6 more)", in the direction the pain moved on evenings with.
    private static string Against(Estimate difference, double meanWith, int eveningsWithout)
    {
        var rounded = FactorAnalysis.Number(Math.Abs(meanWith));
        if (rounded == "0.0")
        {
            var lower = difference.Value < 0;
            return "a change " + Compared(difference, lower ? -1 : 1, lower ? "points lower" : "points higher", eveningsWithout);
        }
        // Measure along the way the pain moved: a fall counts falls as "more", a rise counts rises as "more".
        var along = meanWith < 0 ? -1 : 1;
        var more = along * difference.Value >= 0;
        return Compared(difference, more ? along : -along, more ? "more" : "less", eveningsWithout);
    }

    private static string Compared(Estimate difference, int sign, string word, int eveningsWithout)
    {
        var low = sign * (sign > 0 ? difference.Low : difference.High);
        var high = sign * (sign > 0 ? difference.High : difference.Low);
        return string.Create(CultureInfo.InvariantCulture,
            $"{FactorAnalysis.Number(sign * difference.Value)} {word} than on {eveningsWithout} evenings without ({FactorAnalysis.Number(low)} to {FactorAnalysis.Number(high)} {word})");
    }
}
