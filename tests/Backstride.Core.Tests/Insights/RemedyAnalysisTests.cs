using Backstride.Core.Insights;
using Backstride.Core.Plans;

namespace Backstride.Core.Tests.Insights;

public sealed class RemedyAnalysisTests
{
    private static IReadOnlyList<RemedyResult> Analyse(InsightDiary diary) => RemedyAnalysis.Analyse(diary, RunEvenings.Build(diary));

    private static RemedyResult For(IReadOnlyList<RemedyResult> results, Remedy remedy) => Assert.Single(results, r => r.Remedy == remedy);

    [Fact]
    public void Analyse_HeatPlantedToEaseOneAndAHalfPointsMore_FindsItWithItsInterval()
    {
        // Arrange: pain after the run around 6; by the follow-up it eases 1 point, and 1.5 more on evenings with heat.
        var random = new Random(101);
        var runs = PlantedDiary.DailyRuns(random, 150, run =>
        {
            var pain = PlantedDiary.Score(PlantedDiary.Normal(random, 6, 1.2));
            var heat = random.NextDouble() < 0.4;
            var followUp = PlantedDiary.Score(pain - 1 - (heat ? 1.5 : 0) + PlantedDiary.Normal(random, 0, 1));
            var morning = PlantedDiary.Score(pain - 2 + PlantedDiary.Normal(random, 0, 1));
            return new PlantedRun(run, pain, followUp, morning, heat ? new HashSet<Remedy> { Remedy.Heat } : null);
        });

        // Act
        var heat = For(Analyse(PlantedDiary.Build(runs)), Remedy.Heat);

        // Assert
        var difference = heat.ToFollowUp.Difference;
        Assert.NotNull(difference);
        Assert.InRange(-1.5, difference.Low, difference.High);
        Assert.True(difference.High < 0);
        Assert.Equal(150, heat.ToFollowUp.EveningsWith + heat.ToFollowUp.EveningsWithout);
        Assert.Equal(150, heat.ToNextMorning.EveningsWith + heat.ToNextMorning.EveningsWithout);
        Assert.StartsWith($"On {heat.ToFollowUp.EveningsWith} evenings with heat your pain fell ", heat.ToFollowUp.Sentence, StringComparison.Ordinal);
        Assert.EndsWith(
            $" by the follow-up, {FactorAnalysis.Number(-difference.Value)} more than on {heat.ToFollowUp.EveningsWithout} evenings without "
            + $"({FactorAnalysis.Number(-difference.High)} to {FactorAnalysis.Number(-difference.Low)} more).",
            heat.ToFollowUp.Sentence, StringComparison.Ordinal);
        Assert.Contains(" by the next morning, ", heat.ToNextMorning.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_StrengthSessions_CountEveningsWithASessionInTheWeekBefore()
    {
        // Arrange: sessions at 07:00 on days 0, 20 and 40; a 17:00 run's check-in is within the week after on days
        // 0–6, 20–26 and 40–46. Plans that list strength on other evenings must not count.
        var random = new Random(103);
        var day = 0;
        var runs = PlantedDiary.DailyRuns(random, 60, run =>
        {
            var inWeekAfter = day++ % 20 < 7;
            var pain = PlantedDiary.Score(PlantedDiary.Normal(random, 6, 1));
            var followUp = PlantedDiary.Score(pain - (inWeekAfter ? 2 : 0.5) + PlantedDiary.Normal(random, 0, 0.8));
            return new PlantedRun(run, pain, followUp, Remedies: inWeekAfter ? null : new HashSet<Remedy> { Remedy.StrengthTraining });
        });
        var sessions = new[] { 0, 20, 40 }.Select(d => PlantedDiary.Day(d, hour: 7)).ToList();

        // Act
        var strength = For(Analyse(PlantedDiary.Build(runs, sessions)), Remedy.StrengthTraining);

        // Assert
        Assert.Equal(21, strength.ToFollowUp.EveningsWith);
        Assert.Equal(39, strength.ToFollowUp.EveningsWithout);
        Assert.NotNull(strength.ToFollowUp.Difference);
        Assert.InRange(-1.5, strength.ToFollowUp.Difference.Low, strength.ToFollowUp.Difference.High);
        Assert.StartsWith("On 21 evenings with strength training in the week before your pain fell ",
            strength.ToFollowUp.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_HeatOnThreeEvenings_NoDifferenceAndSentenceNamesTheNumbers()
    {
        // Arrange
        var random = new Random(107);
        var day = 0;
        var runs = PlantedDiary.DailyRuns(random, 23, run =>
        {
            var pain = PlantedDiary.Score(PlantedDiary.Normal(random, 6, 1));
            return new PlantedRun(run, pain, FollowUpPain: Math.Max(0, pain - 1),
                Remedies: day++ < 3 ? new HashSet<Remedy> { Remedy.Heat } : null);
        });

        // Act
        var heat = For(Analyse(PlantedDiary.Build(runs)), Remedy.Heat);

        // Assert
        Assert.Null(heat.ToFollowUp.Difference);
        Assert.Equal((3, 20), (heat.ToFollowUp.EveningsWith, heat.ToFollowUp.EveningsWithout));
        Assert.Equal("Not enough evenings with a follow-up yet: 3 with heat and 20 without; 6 needed on each side.", heat.ToFollowUp.Sentence);
        Assert.Equal("Not enough evenings with a next-morning score yet: 0 with heat and 0 without; 6 needed on each side.",
            heat.ToNextMorning.Sentence);
    }

    [Fact]
    public void Analyse_AnyDiary_ListsAllSixRemediesWithTheirReviewedEvidence()
    {
        // Arrange
        var diary = PlantedDiary.Build(PlantedDiary.DailyRuns(new Random(109), 10, run => new PlantedRun(run, 3)));

        // Act
        var results = Analyse(diary);

        // Assert
        Assert.Equal(["Ice", "Heat", "Stretching", "Pain reliever", "Strength training", "WBC cream"], results.Select(r => r.Name));
        Assert.All(results, r => Assert.Same(RemedyEvidence.ByRemedy[r.Remedy], r.Evidence));
        Assert.Equal("No trial in back pain", For(results, Remedy.WbcCream).Evidence.Level);
    }

    [Fact]
    public void Analyse_PainRoseLessWithCream_SaysRoseLess()
    {
        // Arrange: pain rises 2 by the follow-up, only 1 with the cream.
        var random = new Random(113);
        var day = 0;
        var runs = PlantedDiary.DailyRuns(random, 40, run =>
        {
            var cream = day++ % 2 == 0;
            var pain = PlantedDiary.Score(PlantedDiary.Normal(random, 3, 0.8));
            var followUp = PlantedDiary.Score(pain + (cream ? 1 : 2) + PlantedDiary.Normal(random, 0, 0.3));
            return new PlantedRun(run, pain, followUp, Remedies: cream ? new HashSet<Remedy> { Remedy.WbcCream } : null);
        });

        // Act
        var cream = For(Analyse(PlantedDiary.Build(runs)), Remedy.WbcCream).ToFollowUp;

        // Assert
        Assert.NotNull(cream.Difference);
        Assert.Matches("^On 20 evenings with WBC cream your pain rose [0-9.]+ points by the follow-up, [0-9.]+ less than on 20 evenings without \\([0-9.]+ to [0-9.]+ less\\)\\.$",
            cream.Sentence);
        Assert.DoesNotContain("caus", cream.Sentence, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Analyse_CreamWithNoEffect_SaysNoClearDifference()
    {
        // Arrange: the follow-up falls about 1 point whatever the evening, cream or not.
        var random = new Random(127);
        var day = 0;
        var runs = PlantedDiary.DailyRuns(random, 40, run =>
        {
            var cream = day++ % 2 == 0;
            var pain = PlantedDiary.Score(PlantedDiary.Normal(random, 4, 0.8));
            var followUp = PlantedDiary.Score(pain - 1 + PlantedDiary.Normal(random, 0, 1.2));
            return new PlantedRun(run, pain, followUp, Remedies: cream ? new HashSet<Remedy> { Remedy.WbcCream } : null);
        });

        // Act
        var cream = For(Analyse(PlantedDiary.Build(runs)), Remedy.WbcCream).ToFollowUp;

        // Assert
        Assert.NotNull(cream.Difference);
        Assert.False(cream.Difference.ExcludesZero);
        Assert.EndsWith(": no clear difference.", cream.Sentence, StringComparison.Ordinal);
    }
}
