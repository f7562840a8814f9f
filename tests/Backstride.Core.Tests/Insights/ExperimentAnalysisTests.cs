using Backstride.Core.Insights;
using Backstride.Core.Plans;
using MathNet.Numerics.Distributions;

namespace Backstride.Core.Tests.Insights;

public sealed class ExperimentAnalysisTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// One run a day from the start, each evening done as scheduled, follow-up pain drawn around 5 and lowered by
    /// <paramref name="aLowerBy"/> on option A evenings, rounded to the 0–10 scale as a runner would score it.
    /// </summary>
    private static (SelfExperiment Experiment, IReadOnlyList<RunEvening> Evenings) Planted(
        double aLowerBy, int seed, int blockLength = 3, int blockPairs = 6, int? runs = null)
    {
        var experiment = ExperimentSchedule.Start(ExperimentOption.Heat, ExperimentOption.WbcCream, blockLength, blockPairs, seed, Start);
        var noise = new Normal(0, 1, new Random(seed));
        var diary = new InsightDiaryBuilder(experiment: experiment);
        var count = runs ?? ExperimentSchedule.EveningsPlanned(experiment);
        for (var i = 0; i < count; i++)
        {
            var option = ExperimentSchedule.OptionFor(experiment, i);
            var shift = option == ExperimentOption.Heat ? -aLowerBy : 0;
            var followUp = (int)Math.Clamp(Math.Round(5 + shift + noise.Sample()), 0, 10);
            diary.Run(Start.AddDays(i + 1), pain: 5, followUp: followUp, done: [SelfExperiment.RemedyOf(option)!.Value]);
        }
        return (experiment, diary.Evenings());
    }

    [Fact]
    public void Analyse_HeatPlantedOneAndAHalfLower_RecoversItWithHighChanceHeatIsBetter()
    {
        // Arrange
        var (experiment, evenings) = Planted(aLowerBy: 1.5, seed: 11);

        // Act
        var result = ExperimentAnalysis.Analyse(experiment, evenings);

        // Assert
        Assert.Equal(6, result.PairsCompared);
        Assert.Equal(18, result.EveningsA);
        Assert.Equal(18, result.EveningsB);
        Assert.Equal(36, result.EveningsThatFollowedTheSchedule);
        var difference = Assert.IsType<Estimate>(result.Difference);
        Assert.InRange(-1.5, difference.Low, difference.High);
        Assert.True(difference.High < 0, "the interval should lie below zero with a planted 1.5-point drop");
        Assert.True(result.ProbabilityABetter > 0.9, $"P(heat better) was {result.ProbabilityABetter}");
        Assert.StartsWith("Your pain at the follow-up averaged ", result.Sentence, StringComparison.Ordinal);
        Assert.Contains(" lower on heat evenings than on WBC cream evenings (", result.Sentence, StringComparison.Ordinal);
        Assert.Contains("over 6 pairs of blocks. The chance that heat works better for you than WBC cream is ", result.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_NoPlantedDifference_IntervalCoversZeroForAtLeastNineInTenSeeds()
    {
        // Act
        var covered = Enumerable.Range(1000, 200).Count(seed =>
        {
            var (experiment, evenings) = Planted(aLowerBy: 0, seed);
            var difference = ExperimentAnalysis.Analyse(experiment, evenings).Difference!;
            return difference.Low <= 0 && difference.High >= 0;
        });

        // Assert
        Assert.True(covered >= 180, $"the 95 % interval covered zero for {covered} of 200 seeds");
    }

    [Fact]
    public void Analyse_NoPlantedDifference_SaysTheIntervalSpansZeroAndNeitherCameOutAhead()
    {
        // Arrange
        var (experiment, evenings) = Planted(aLowerBy: 0, seed: 1000);

        // Act
        var result = ExperimentAnalysis.Analyse(experiment, evenings);

        // Assert
        Assert.Equal(
            "Your pain at the follow-up averaged 0.1 points higher on heat evenings than on WBC cream evenings (anywhere from 1.0 lower to 1.1 higher), over 6 pairs of blocks. The chance that WBC cream works better for you than heat is about 55 %, close to even: neither option has shown itself better.",
            result.Sentence);
    }

    [Fact]
    public void Analyse_ProbabilityABetter_IsTheStudentTPosteriorBelowZero()
    {
        // Arrange
        var (experiment, evenings) = Planted(aLowerBy: 0.5, seed: 3);

        // Act
        var result = ExperimentAnalysis.Analyse(experiment, evenings);

        // Assert
        var d = result.Difference!;
        var expected = StudentT.CDF(d.Value, d.StandardError, result.PairsCompared - 1, 0);
        Assert.Equal(expected, result.ProbabilityABetter!.Value, 12);
        Assert.Equal(result.PairsCompared - 1, d.DegreesOfFreedom);
    }

    [Fact]
    public void Analyse_StoppedAfterOnePair_SaysNotEnoughWithNoEstimate()
    {
        // Arrange
        var (experiment, evenings) = Planted(aLowerBy: 1.5, seed: 5, blockLength: 2, blockPairs: 4, runs: 4);
        experiment.EndedAt = Start.AddDays(5).AddHours(12);
        experiment.StoppedEarly = true;

        // Act
        var result = ExperimentAnalysis.Analyse(experiment, evenings);

        // Assert
        Assert.Equal(1, result.PairsCompared);
        Assert.Null(result.Difference);
        Assert.Null(result.ProbabilityABetter);
        Assert.Equal(
            "There is not enough data to judge yet: only 1 pair of blocks has follow-up scores for both heat and WBC cream, and at least 2 pairs are needed to tell a difference from day-to-day ups and downs.",
            result.Sentence);
        Assert.Contains(result.Caveats, c => c.StartsWith("The experiment was stopped early: 1 pair of blocks could be compared out of 4 planned", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyse_AnyResult_CarriesTheStandingCaveats()
    {
        // Arrange
        var (experiment, evenings) = Planted(aLowerBy: 1, seed: 8);

        // Act
        var caveats = ExperimentAnalysis.Analyse(experiment, evenings).Caveats;

        // Assert
        Assert.Contains(caveats, c => c.Contains("one person's result", StringComparison.Ordinal));
        Assert.Contains(caveats, c => c.Contains("Pain varies from day to day", StringComparison.Ordinal));
        Assert.Contains(caveats, c => c.Contains("no blinding", StringComparison.Ordinal));
        Assert.Contains(caveats, c => c.Contains("under the option the schedule gave it", StringComparison.Ordinal));
        Assert.Contains(caveats, c => c.Contains("without a follow-up score are left out", StringComparison.Ordinal));
        Assert.DoesNotContain(caveats, c => c.Contains("did not follow the schedule", StringComparison.Ordinal));
        Assert.DoesNotContain(caveats, c => c.Contains("stopped early", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyse_EveningsDoneAgainstTheSchedule_CountUnderTheirAssignedOptionAndAreNamed()
    {
        // Arrange: blocks of 1, order "AB,BA"; the runner used heat every evening, so the cream evenings did not follow.
        var experiment = ExperimentSchedule.Start(ExperimentOption.Heat, ExperimentOption.WbcCream, 1, 2, 0, Start);
        experiment.Order = "AB,BA";
        var diary = new InsightDiaryBuilder(experiment: experiment)
            .Run(Start.AddDays(1), pain: 4, followUp: 2, done: [Remedy.Heat])
            .Run(Start.AddDays(2), pain: 4, followUp: 3, done: [Remedy.Heat])
            .Run(Start.AddDays(3), pain: 4, followUp: 4, done: [Remedy.Heat, Remedy.WbcCream])
            .Run(Start.AddDays(4), pain: 4, followUp: 3, done: [Remedy.Heat]);

        // Act
        var result = ExperimentAnalysis.Analyse(experiment, diary.Evenings());

        // Assert: pair 1 heat 2 − cream 3 = −1; pair 2 heat 3 − cream 4 = −1, by assignment.
        Assert.Equal(2, result.EveningsA);
        Assert.Equal(2, result.EveningsB);
        Assert.Equal(2, result.EveningsThatFollowedTheSchedule);
        Assert.Equal(-1, result.Difference!.Value, 12);
        Assert.Contains("2 of 4 evenings did not follow the schedule; they still count under the option they were given, which can make a real difference look smaller.", result.Caveats);
    }

    [Fact]
    public void Analyse_EveryPairTheSameDifference_GivesNoProbabilityAndSaysWhy()
    {
        // Arrange: blocks of 1, both pairs exactly 1 point lower on heat.
        var experiment = ExperimentSchedule.Start(ExperimentOption.Heat, ExperimentOption.Nothing, 1, 2, 0, Start);
        experiment.Order = "AB,AB";
        var diary = new InsightDiaryBuilder(experiment: experiment)
            .Run(Start.AddDays(1), pain: 4, followUp: 2, done: [Remedy.Heat])
            .Run(Start.AddDays(2), pain: 4, followUp: 3)
            .Run(Start.AddDays(3), pain: 4, followUp: 3, done: [Remedy.Heat])
            .Run(Start.AddDays(4), pain: 4, followUp: 4);

        // Act
        var result = ExperimentAnalysis.Analyse(experiment, diary.Evenings());

        // Assert
        Assert.Null(result.ProbabilityABetter);
        Assert.Equal(
            "Your pain at the follow-up averaged 1.0 point lower on heat evenings than on evenings with nothing extra in each of 2 pairs of blocks. With so few pairs, all alike, there is no way yet to tell how much of that is chance.",
            result.Sentence);
    }

    [Fact]
    public void Analyse_EveningsWithoutFollowUp_LeftOutAndCounted()
    {
        // Arrange: order "AB,AB", blocks of 2; one heat evening in each pair has no follow-up.
        var experiment = ExperimentSchedule.Start(ExperimentOption.Heat, ExperimentOption.Ice, 2, 2, 0, Start);
        experiment.Order = "AB,AB";
        var diary = new InsightDiaryBuilder(experiment: experiment)
            .Run(Start.AddDays(1), pain: 5, followUp: 2, done: [Remedy.Heat])
            .Run(Start.AddDays(2), pain: 5, followUp: null, done: [Remedy.Heat])
            .Run(Start.AddDays(3), pain: 5, followUp: 4, done: [Remedy.Ice])
            .Run(Start.AddDays(4), pain: 5, followUp: 6, done: [Remedy.Ice])
            .Run(Start.AddDays(5), pain: 5, followUp: null, done: [Remedy.Heat])
            .Run(Start.AddDays(6), pain: 5, followUp: 4, done: [Remedy.Heat])
            .Run(Start.AddDays(7), pain: 5, followUp: 4, done: [Remedy.Ice])
            .Run(Start.AddDays(8), pain: 5, followUp: 4, done: [Remedy.Ice]);

        // Act
        var result = ExperimentAnalysis.Analyse(experiment, diary.Evenings());

        // Assert: pair 1: 2 − 5 = −3; pair 2: 4 − 4 = 0; mean −1.5.
        Assert.Equal(2, result.PairsCompared);
        Assert.Equal(-1.5, result.Difference!.Value, 12);
        Assert.Contains("Evenings without a follow-up score are left out: 2 of 8 had none.", result.Caveats);
        Assert.Contains("(anywhere from ", result.Sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ExperimentOption.Nothing, new Remedy[0], true)]
    [InlineData(ExperimentOption.Nothing, new[] { Remedy.Medication }, true)]
    [InlineData(ExperimentOption.Nothing, new[] { Remedy.Stretching }, false)]
    [InlineData(ExperimentOption.Stretching, new[] { Remedy.Stretching, Remedy.Ice }, true)]
    [InlineData(ExperimentOption.Stretching, new Remedy[0], false)]
    public void FollowedSchedule_StretchingAgainstNothing_NeedsTheAssignedRemedyAndNotTheOther(ExperimentOption assigned, Remedy[] done, bool expected)
    {
        // Arrange
        var other = assigned == ExperimentOption.Nothing ? ExperimentOption.Stretching : ExperimentOption.Nothing;
        var evening = new InsightDiaryBuilder().Run(Start, pain: 3, followUp: 2, done: done).Evenings().Single();

        // Act
        var followed = ExperimentAnalysis.FollowedSchedule(evening, assigned, other);

        // Assert
        Assert.Equal(expected, followed);
    }
}
