using System.Globalization;
using Backstride.Core.Runs;
using Backstride.Core.Units;

namespace Backstride.Core.Insights;

public enum FactorKind
{
    Slope,
    YesNo,
}

/// <summary>
/// One run factor set against the pain of the run's check-in. For yes/no factors RunsWith/RunsWithout are the two sides;
/// for slopes RunsWith counts the runs that have the value and RunsWithout those left out for lacking it.
/// Effect and AdjustedPValue are null when there is not enough data; Sentence then says what is missing.
/// </summary>
public sealed record FactorResult(
    string Id,
    string Name,
    FactorKind Kind,
    int Runs,
    int RunsWith,
    int RunsWithout,
    Estimate? Effect,
    double? AdjustedPValue,
    bool StandsOut,
    string Sentence);

/// <summary>RunsWithPain counts the runs with a check-in (a pain score); FactorsTested those with enough data, the Holm family.</summary>
public sealed record FactorReport(IReadOnlyList<FactorResult> Factors, int RunsWithPain, int FactorsTested);

/// <summary>
/// Which run factors went with more or less pain after the run, one factor at a time, Holm-corrected over every factor
/// that had enough data. Associations only: a runner's long runs may also be their hilly, hot or tired ones.
/// </summary>
public static class FactorAnalysis
{
    public const int MinimumRunsEachSide = 8;
    public const int MinimumRunsForSlope = 20;
    public const double LongRunMetres = 15_000;

    // Family-wise error rate kept by Holm's procedure.
    private const double FamilyWiseLevel = 0.05;

    // Shorter "runs" give a meaningless pace (a watch started by mistake).
    private const double MinimumMetresForPace = 200;

    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private static readonly TimeSpan FourWeeksBeforeTheWeek = TimeSpan.FromDays(28);

    private static readonly (Surface Surface, string Word, string RunsOn)[] OffRoadSurfaces =
    [
        (Surface.Trail, "trail", "on trail"),
        (Surface.Track, "track", "on a track"),
        (Surface.Treadmill, "treadmill", "on a treadmill"),
        (Surface.Other, "other", "on other surfaces"),
    ];

    public static FactorReport Analyse(InsightDiary diary, IReadOnlyList<RunEvening> evenings, DistanceUnit unit)
    {
        var factors = DefineFactors(diary, evenings, unit);
        var measured = factors.Select(f => f.Measure(evenings)).ToList();

        var testedIndexes = new List<int>();
        for (var i = 0; i < measured.Count; i++)
        {
            if (measured[i].Effect is not null)
            {
                testedIndexes.Add(i);
            }
        }
        var adjusted = Statistics.HolmAdjust(testedIndexes.Select(i => measured[i].Effect!.PValue).ToList());
        var adjustedByIndex = new double?[measured.Count];
        for (var k = 0; k < testedIndexes.Count; k++)
        {
            adjustedByIndex[testedIndexes[k]] = adjusted[k];
        }

        var results = new List<FactorResult>(factors.Count);
        for (var i = 0; i < factors.Count; i++)
        {
            var factor = factors[i];
            var data = measured[i];
            var adjustedP = adjustedByIndex[i];
            var standsOut = adjustedP < FamilyWiseLevel;
            var sentence = data.Effect is { } effect ? factor.Describe(effect, standsOut) : data.Missing!;
            results.Add(new FactorResult(factor.Id, factor.Name, factor.Kind, data.Runs, data.RunsWith, data.RunsWithout,
                data.Effect, adjustedP, standsOut, sentence));
        }
        return new FactorReport(results, evenings.Count, testedIndexes.Count);
    }

    private static List<Factor> DefineFactors(InsightDiary diary, IReadOnlyList<RunEvening> evenings, DistanceUnit unit)
    {
        var miles = unit == DistanceUnit.Miles;
        var unitWord = Distances.Abbreviation(unit);
        var distanceStep = miles ? 3 * Distances.MetresPerMile : 5_000;
        var longRun = "over " + Distances.FromMetres(LongRunMetres, unit).ToString(miles ? "0.0" : "0", CultureInfo.InvariantCulture)
            + " " + unitWord;

        var factors = new List<Factor>
        {
            new SlopeFactor("distance", "Distance",
                miles ? "For each 3 mi further" : "For each 5 km further", "Not enough runs yet",
                e => e.Run.DistanceMetres / distanceStep),
            new YesNoFactor("long-run", "Long runs (" + longRun + ")",
                "runs " + longRun, "other runs", longRun, "others",
                e => e.Run.DistanceMetres > LongRunMetres),
            new SlopeFactor("duration", "Duration", "For each 30 minutes longer", "Not enough runs yet",
                e => e.Run.Duration.TotalMinutes / 30),
            new SlopeFactor("pace", "Pace", $"For each 30 s/{unitWord} slower", "Not enough runs with a pace yet",
                e => e.Run.DistanceMetres < MinimumMetresForPace
                    ? null
                    : Pace.SecondsPerUnit(e.Run.DistanceMetres, e.Run.Duration, unit) / 30),
            new SlopeFactor("cadence", "Cadence", "For each 10 steps/min more cadence", "Not enough runs with cadence yet",
                e => e.Run.CadenceStepsPerMinute / 10),
            new SlopeFactor("vertical-oscillation", "Vertical oscillation", "For each 1 cm more vertical oscillation",
                "Not enough runs with vertical oscillation yet", e => e.Run.VerticalOscillationMm / 10),
            new SlopeFactor("ground-contact", "Ground contact time", "For each 20 ms longer ground contact",
                "Not enough runs with ground contact time yet", e => e.Run.GroundContactTimeMs / 20),
            new SlopeFactor("vertical-ratio", "Vertical ratio", "For each percentage point more vertical ratio",
                "Not enough runs with vertical ratio yet", e => e.Run.VerticalRatioPercent),
            new SlopeFactor("step-length", "Step length", "For each 10 cm longer step",
                "Not enough runs with step length yet", e => e.Run.StepLengthMm / 100),
        };

        var surfacesUsed = new HashSet<Surface>(evenings.Select(e => e.Run.Surface));
        foreach (var (surface, word, runsOn) in OffRoadSurfaces)
        {
            if (surfacesUsed.Contains(surface))
            {
                factors.Add(new YesNoFactor("surface-" + word, "Surface: " + word,
                    "runs " + runsOn, "road runs", runsOn, "on road",
                    e => e.Run.Surface == surface ? true : e.Run.Surface == Surface.Road ? false : null));
            }
        }

        foreach (var (shoeId, shoeName) in ShoesUsed(evenings))
        {
            factors.Add(new YesNoFactor("shoe-" + shoeId.ToString("D"), "Shoes: " + shoeName,
                "runs in " + shoeName, "runs in other shoes", "in " + shoeName, "in other shoes",
                e => e.Run.ShoeId is { } id ? id == shoeId : null));
        }

        factors.Add(new YesNoFactor("stretched", "Stretched before the run",
            "runs you stretched before", "runs you did not", "stretched before", "not",
            e => e.Run.StretchedBefore));

        var strength = diary.StrengthSessions.Select(s => s.UtcTicks).Order().ToArray();
        factors.Add(new SlopeFactor("days-since-strength", "Days since strength training",
            "For each 7 days longer since your last strength session", "Not enough runs after a strength session yet",
            e => DaysSinceStrength(strength, e.Run.StartedAt) / 7));

        var load = new WeeklyLoad(diary);
        factors.Add(new SlopeFactor("weekly-load", "Weekly distance against the 4-week average",
            "For each 10 percentage points more distance in the week against your 4-week average",
            "Not enough runs with 5 weeks of diary before them yet",
            e => load.PercentOfAverage(e.Run.StartedAt) / 10));

        return factors;
    }

    private static IEnumerable<(Guid Id, string Name)> ShoesUsed(IReadOnlyList<RunEvening> evenings)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var evening in evenings)
        {
            if (evening.Run.ShoeId is { } id)
            {
                // The latest name wins: a runner may rename a pair.
                names[id] = string.IsNullOrWhiteSpace(evening.Run.ShoeName)
                    ? names.GetValueOrDefault(id, "an unnamed pair")
                    : evening.Run.ShoeName.Trim();
            }
        }
        return names
            .OrderBy(p => p.Value, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.Key)
            .Select(p => (p.Key, p.Value));
    }

    private static double? DaysSinceStrength(long[] sessionTicks, DateTimeOffset runStart)
    {
        // Index of the first session at or after the start; the one before it is the last session before the run.
        var index = Array.BinarySearch(sessionTicks, runStart.UtcTicks);
        index = index < 0 ? ~index : index;
        while (index > 0 && sessionTicks[index - 1] >= runStart.UtcTicks)
        {
            index--;
        }
        return index == 0 ? null : TimeSpan.FromTicks(runStart.UtcTicks - sessionTicks[index - 1]).TotalDays;
    }

    /// <summary>Distance in the 7 days up to a run against the weekly mean of the 28 days before them, by prefix sums.</summary>
    private sealed class WeeklyLoad
    {
        public const double MaxPercentOfAverage = 300;

        private readonly long[] _startTicks;
        private readonly double[] _distanceBefore;
        private readonly long _diaryStartTicks;

        public WeeklyLoad(InsightDiary diary)
        {
            var runs = diary.Runs.Select(r => (r.StartedAt.UtcTicks, r.DistanceMetres)).ToArray();
            Array.Sort(runs, (a, b) => a.UtcTicks.CompareTo(b.UtcTicks));
            _startTicks = new long[runs.Length];
            _distanceBefore = new double[runs.Length + 1];
            for (var i = 0; i < runs.Length; i++)
            {
                _startTicks[i] = runs[i].UtcTicks;
                _distanceBefore[i + 1] = _distanceBefore[i] + (double.IsFinite(runs[i].DistanceMetres) ? runs[i].DistanceMetres : 0);
            }
            var firstRun = runs.Length > 0 ? runs[0].UtcTicks : long.MaxValue;
            var firstCheckIn = diary.CheckIns.Count > 0 ? diary.CheckIns.Min(c => c.RecordedAt.UtcTicks) : long.MaxValue;
            _diaryStartTicks = Math.Min(firstRun, firstCheckIn);
        }

        public double? PercentOfAverage(DateTimeOffset runStart)
        {
            var end = runStart.UtcTicks;
            var weekStart = end - Week.Ticks;
            var fourWeeksStart = weekStart - FourWeeksBeforeTheWeek.Ticks;
            if (fourWeeksStart < _diaryStartTicks)
            {
                return null;
            }
            var week = DistanceUpTo(end) - DistanceUpTo(weekStart);
            var fourWeeks = DistanceUpTo(weekStart) - DistanceUpTo(fourWeeksStart);
            if (fourWeeks <= 0)
            {
                return null;
            }
            // Capped: after a break a tiny 4-week base turns one run into thousands of percent, and a straight-line fit
            // would follow that one point; "three times the usual week" already says it all.
            return Math.Min(MaxPercentOfAverage, 100 * week / (fourWeeks / 4));
        }

        // Total distance of runs started at or before the given time.
        private double DistanceUpTo(long ticks)
        {
            int low = 0, high = _startTicks.Length;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (_startTicks[middle] <= ticks)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }
            return _distanceBefore[low];
        }
    }

    private sealed record Measured(int Runs, int RunsWith, int RunsWithout, Estimate? Effect, string? Missing);

    private abstract record Factor(string Id, string Name, FactorKind Kind)
    {
        public abstract Measured Measure(IReadOnlyList<RunEvening> evenings);

        public abstract string Describe(Estimate effect, bool standsOut);

        // The effect as the sentence states it: its size, "higher"/"lower", and the interval of that size.
        protected static string SizeAndInterval(Estimate effect)
        {
            var higher = effect.Value >= 0;
            var (size, low, high) = higher ? (effect.Value, effect.Low, effect.High) : (-effect.Value, -effect.High, -effect.Low);
            return $"{Number(size)} points {(higher ? "higher" : "lower")} ({Number(low)} to {Number(high)})";
        }

        protected static string Caveat(Estimate effect, bool standsOut, string noneWord) =>
            !effect.ExcludesZero ? ": " + noneWord
            : !standsOut ? " — may be chance, given how many factors were checked"
            : "";
    }

    private sealed record SlopeFactor(string Id, string Name, string PerStep, string NotEnoughPrefix, Func<RunEvening, double?> Value)
        : Factor(Id, Name, FactorKind.Slope)
    {
        public override Measured Measure(IReadOnlyList<RunEvening> evenings)
        {
            var x = new List<double>(evenings.Count);
            var y = new List<double>(evenings.Count);
            foreach (var evening in evenings)
            {
                if (Value(evening) is { } value && double.IsFinite(value))
                {
                    x.Add(value);
                    y.Add(evening.CheckIn.Pain);
                }
            }
            var left = evenings.Count - x.Count;
            if (x.Count < MinimumRunsForSlope)
            {
                return new Measured(x.Count, x.Count, left, null,
                    string.Create(CultureInfo.InvariantCulture, $"{NotEnoughPrefix}: {x.Count} of {MinimumRunsForSlope} needed."));
            }
            var slope = Statistics.Slope(x, y);
            return new Measured(x.Count, x.Count, left, slope,
                slope is null ? "These runs all had the same value so far, so there is nothing to compare yet." : null);
        }

        public override string Describe(Estimate effect, bool standsOut) =>
            $"{PerStep}, your pain after the run was {SizeAndInterval(effect)}{Caveat(effect, standsOut, "no clear trend")}.";
    }

    private sealed record YesNoFactor(
        string Id, string Name, string WithRuns, string OtherRuns, string WithCount, string OtherCount, Func<RunEvening, bool?> Side)
        : Factor(Id, Name, FactorKind.YesNo)
    {
        public override Measured Measure(IReadOnlyList<RunEvening> evenings)
        {
            var with = new List<double>();
            var without = new List<double>();
            foreach (var evening in evenings)
            {
                switch (Side(evening))
                {
                    case true:
                        with.Add(evening.CheckIn.Pain);
                        break;
                    case false:
                        without.Add(evening.CheckIn.Pain);
                        break;
                }
            }
            var runs = with.Count + without.Count;
            if (with.Count < MinimumRunsEachSide || without.Count < MinimumRunsEachSide)
            {
                return new Measured(runs, with.Count, without.Count, null, string.Create(CultureInfo.InvariantCulture,
                    $"Not enough runs yet: {with.Count} {WithCount} and {without.Count} {OtherCount}; {MinimumRunsEachSide} needed on each side."));
            }
            var difference = Statistics.WelchDifference(with, without);
            return new Measured(runs, with.Count, without.Count, difference,
                difference is null ? "Your pain after the run was the same score on every one of these runs, so there is nothing to compare yet." : null);
        }

        public override string Describe(Estimate effect, bool standsOut) =>
            $"On {WithRuns} your pain after the run averaged {SizeAndInterval(effect)} than on {OtherRuns}{Caveat(effect, standsOut, "no clear difference")}.";
    }

    /// <summary>One decimal, with a true minus sign and never "−0.0".</summary>
    internal static string Number(double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0;
        }
        return rounded.ToString("0.0", CultureInfo.InvariantCulture).Replace('-', '−');
    }
}
