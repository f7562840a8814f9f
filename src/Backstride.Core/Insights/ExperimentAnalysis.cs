using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Backstride.Core.Insights;

/// <summary>
/// The outcome of a self-experiment. <see cref="Difference"/> is option A minus option B in follow-up pain (negative:
/// A went with less pain); <see cref="ProbabilityABetter"/> is the chance the true difference is below zero.
/// </summary>
public sealed record ExperimentResult(
    int PairsCompared,
    int EveningsA,
    int EveningsB,
    int EveningsThatFollowedTheSchedule,
    Estimate? Difference,
    double? ProbabilityABetter,
    string Sentence,
    IReadOnlyList<string> Caveats);

/// <summary>
/// Compares the two options pair by pair: each pair of blocks gives one difference, so slow changes in the runner's
/// back over the weeks fall out of the comparison, and the spread between pairs gives the uncertainty.
/// </summary>
public static class ExperimentAnalysis
{
    public const int MinPairsToJudge = 2;

    /// <summary>Below this share of evenings done as scheduled, the result is flagged as watered down.</summary>
    public const double AdherenceToMention = 0.8;

    /// <summary>Below this chance for the likelier option, the sentence says neither came out ahead.</summary>
    public const double CloseToEven = 0.6;

    public static ExperimentResult Analyse(SelfExperiment e, IReadOnlyList<RunEvening> evenings)
    {
        ArgumentNullException.ThrowIfNull(e);
        var counted = ExperimentSchedule.EveningsOf(e, evenings);
        var blocks = e.BlockPairs * 2;
        var followUps = new List<double>[blocks];
        for (var b = 0; b < blocks; b++)
        {
            followUps[b] = [];
        }
        int eveningsA = 0, eveningsB = 0, followed = 0, withoutFollowUp = 0;
        var blockIsA = new bool[blocks];
        for (var i = 0; i < counted.Count; i++)
        {
            var evening = counted[i];
            var slot = ExperimentSchedule.SlotOf(evening);
            var assigned = ExperimentSchedule.OptionFor(e, slot);
            var block = slot / e.BlockLength;
            blockIsA[block] = assigned == e.OptionA;
            if (assigned == e.OptionA)
            {
                eveningsA++;
            }
            else
            {
                eveningsB++;
            }
            var other = assigned == e.OptionA ? e.OptionB : e.OptionA;
            if (FollowedSchedule(evening, assigned, other))
            {
                followed++;
            }
            // By assignment (intention to treat): what was actually done does not move an evening to the other option.
            if (evening.FollowUp is { } followUp)
            {
                followUps[block].Add(followUp.Pain);
            }
            else
            {
                withoutFollowUp++;
            }
        }

        var pairDifferences = new List<double>();
        for (var pair = 0; pair < e.BlockPairs; pair++)
        {
            var first = followUps[2 * pair];
            var second = followUps[2 * pair + 1];
            if (first.Count == 0 || second.Count == 0)
            {
                continue;
            }
            var (a, b) = blockIsA[2 * pair] ? (first, second) : (second, first);
            pairDifferences.Add(Statistics.Mean(a) - Statistics.Mean(b));
        }

        var pairs = pairDifferences.Count;
        var difference = pairs >= MinPairsToJudge ? Statistics.MeanWithInterval(pairDifferences) : null;
        double? probabilityABetter = difference is { StandardError: > 0 } d
            ? StudentT.CDF(d.Value, d.StandardError, pairs - 1, 0)
            : null;

        var sentence = Sentence(e, pairs, difference, probabilityABetter);
        var caveats = Caveats(e, counted.Count, followed, withoutFollowUp, pairs);
        return new ExperimentResult(pairs, eveningsA, eveningsB, followed, difference, probabilityABetter, sentence, caveats);
    }

    public static string NameOf(ExperimentOption option) => option switch
    {
        ExperimentOption.Nothing => "nothing extra",
        ExperimentOption.Ice => "ice",
        ExperimentOption.Heat => "heat",
        ExperimentOption.Stretching => "stretching",
        ExperimentOption.WbcCream => "WBC cream",
        _ => throw new ArgumentOutOfRangeException(nameof(option), option, "Unknown experiment option."),
    };

    /// <summary>Done as scheduled: the assigned option's remedy and not the other's; "nothing extra" means neither.</summary>
    public static bool FollowedSchedule(RunEvening evening, ExperimentOption assigned, ExperimentOption other)
    {
        ArgumentNullException.ThrowIfNull(evening);
        var assignedRemedy = SelfExperiment.RemedyOf(assigned);
        var otherRemedy = SelfExperiment.RemedyOf(other);
        var didAssigned = assignedRemedy is not { } mine || evening.Remedies.Contains(mine);
        var didOther = otherRemedy is { } theirs && evening.Remedies.Contains(theirs);
        return didAssigned && !didOther;
    }

    private static string Sentence(SelfExperiment e, int pairs, Estimate? difference, double? probabilityABetter)
    {
        var a = NameOf(e.OptionA);
        var b = NameOf(e.OptionB);
        if (difference is null)
        {
            var have = pairs == 0 ? "no pair of blocks has" : "only 1 pair of blocks has";
            return string.Create(CultureInfo.InvariantCulture,
                $"There is not enough data to judge yet: {have} follow-up scores for both {a} and {b}, and at least {MinPairsToJudge} pairs are needed to tell a difference from day-to-day ups and downs.");
        }
        var pairsText = Count(pairs, "pair of blocks", "pairs of blocks");
        var size = Points(Math.Abs(difference.Value));
        var shownZero = size == "0.0";
        var compared = shownZero
            ? $"Your pain at the follow-up averaged about the same on {EveningsWith(e.OptionA)} as on {EveningsWith(e.OptionB)}"
            : $"Your pain at the follow-up averaged {size} {(size == "1.0" ? "point" : "points")} {(difference.Value < 0 ? "lower" : "higher")} on {EveningsWith(e.OptionA)} than on {EveningsWith(e.OptionB)}";
        if (probabilityABetter is not { } p)
        {
            // Every pair gave the same difference: the spread, and so the uncertainty, cannot be estimated yet.
            return $"{compared} in each of {pairsText}. With so few pairs, all alike, there is no way yet to tell how much of that is chance.";
        }
        var (likelier, unlikelier, chance) = p >= 0.5 ? (a, b, p) : (b, a, 1 - p);
        var sentence = $"{compared} ({Interval(difference)}), over {pairsText}. The chance that {likelier} works better for you than {unlikelier} is {Percent(chance)}";
        // Near 50 % the runner should hear plainly that neither option came out ahead.
        return chance < CloseToEven ? sentence + ", close to even: neither option has shown itself better." : sentence + ".";
    }

    private static string EveningsWith(ExperimentOption option) =>
        option == ExperimentOption.Nothing ? "evenings with nothing extra" : $"{NameOf(option)} evenings";

    /// <summary>The 95 % interval of A − B in words: "0.4 to 2.0 lower", or both ends named when it spans zero.</summary>
    private static string Interval(Estimate difference)
    {
        var low = Points(Math.Abs(difference.Low));
        var high = Points(Math.Abs(difference.High));
        if (difference.High < 0 && high != "0.0")
        {
            return $"{high} to {low} lower";
        }
        if (difference.Low > 0 && low != "0.0")
        {
            return $"{low} to {high} higher";
        }
        return $"anywhere from {low} lower to {high} higher";
    }

    private static string Percent(double chance)
    {
        // Never "100 %": a handful of pairs cannot make anything certain.
        if (chance > 0.99)
        {
            return "over 99 %";
        }
        return "about " + Math.Round(chance * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + " %";
    }

    private static string Points(double value) =>
        Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Count(int count, string one, string many) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);

    private static List<string> Caveats(SelfExperiment e, int eveningsCounted, int followed, int withoutFollowUp, int pairs)
    {
        var caveats = new List<string>
        {
            "This is one person's result: it says how these options went for you over these weeks, not how they work for anyone else.",
            "Pain varies from day to day, so part of any difference can be chance; the interval shows how large that part may be.",
            "You knew which option you used each evening (there was no blinding), and expecting relief can change how pain feels.",
            "Each evening counts under the option the schedule gave it, whatever was actually done, which keeps the comparison fair.",
        };
        caveats.Add(withoutFollowUp == 0
            ? "Evenings without a follow-up score are left out; so far every counted evening has one."
            : $"Evenings without a follow-up score are left out: {withoutFollowUp.ToString(CultureInfo.InvariantCulture)} of {eveningsCounted.ToString(CultureInfo.InvariantCulture)} had none.");
        if (e.StoppedEarly)
        {
            caveats.Add($"The experiment was stopped early: {Count(pairs, "pair", "pairs")} of blocks could be compared out of {e.BlockPairs.ToString(CultureInfo.InvariantCulture)} planned, so the result is less certain than planned.");
        }
        else if (e.EndedAt is null && eveningsCounted < ExperimentSchedule.EveningsPlanned(e))
        {
            caveats.Add($"The experiment is still running: {eveningsCounted.ToString(CultureInfo.InvariantCulture)} of {ExperimentSchedule.EveningsPlanned(e).ToString(CultureInfo.InvariantCulture)} evenings so far, so this is an early look.");
        }
        if (eveningsCounted > 0 && followed < AdherenceToMention * eveningsCounted)
        {
            var missed = eveningsCounted - followed;
            caveats.Add($"{missed.ToString(CultureInfo.InvariantCulture)} of {eveningsCounted.ToString(CultureInfo.InvariantCulture)} evenings did not follow the schedule; they still count under the option they were given, which can make a real difference look smaller.");
        }
        return caveats;
    }
}
