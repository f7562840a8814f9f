using System.Globalization;
using Backstride.Core.Training;

namespace Backstride.Core.Tests.Training;

/// <summary>
/// Progression for one exercise (issue 8, part 3): up after every set of two sessions in a row was done at effort
/// 7/10 or less; down when back pain reached 5/10 during the last session or at the check-in the day after; each
/// change with its reason.
/// </summary>
public sealed class ProgressionTests
{
    private static readonly DateOnly FirstSession = new(2026, 11, 24);

    /// <summary>Every set done as prescribed, at one effort, with the same pain (or none recorded).</summary>
    private static List<SetLog> SetsAsPrescribed(Prescription prescribed, int effort, int? pain = null) =>
        Enumerable.Range(0, prescribed.Sets).Select(_ => new SetLog(prescribed.Amount, null, effort, pain)).ToList();

    private static ExerciseLog Log(int sessionNumber, Prescription prescribed, List<SetLog> sets) =>
        new(FirstSession.AddDays(2 * sessionNumber), prescribed, sets);

    private static string OutOfTen(int pain) => pain.ToString(CultureInfo.InvariantCulture) + "/10";

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(7)]
    public void Next_TwoSessionsAllSetsAtEffortUpTo7_StepsUpTwoReps(int effort)
    {
        // Arrange
        var current = new Prescription("squat", 3, 10, Variant.Standard);
        List<ExerciseLog> history =
        [
            Log(0, current, SetsAsPrescribed(current, effort)),
            Log(1, current, SetsAsPrescribed(current, effort)),
        ];

        // Act
        var decision = Progression.Next(current, history, null);

        // Assert
        Assert.Equal(ProgressionChange.StepUp, decision.Change);
        Assert.Equal(new Prescription("squat", 3, 12, Variant.Standard), decision.Next);
        Assert.Contains("7/10", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_SidePlankTwoEasySessions_StepsUpFiveSeconds()
    {
        // Arrange
        var current = new Prescription("side-plank", 3, 25, Variant.Standard);
        List<ExerciseLog> history =
        [
            Log(0, current, SetsAsPrescribed(current, 6)),
            Log(1, current, SetsAsPrescribed(current, 7)),
        ];

        // Act
        var decision = Progression.Next(current, history, null);

        // Assert
        Assert.Equal(ProgressionChange.StepUp, decision.Change);
        Assert.Equal(new Prescription("side-plank", 3, 30, Variant.Standard), decision.Next);
        Assert.Contains("7/10", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 2)]
    [InlineData(1, 0)]
    [InlineData(1, 2)]
    public void Next_Effort8InOneSetOfEitherSession_Stays(int session, int set)
    {
        // Arrange
        var current = new Prescription("squat", 3, 10, Variant.Standard);
        var sets = new[] { SetsAsPrescribed(current, 7), SetsAsPrescribed(current, 7) };
        sets[session][set] = sets[session][set] with { Effort = 8 };
        List<ExerciseLog> history = [Log(0, current, sets[0]), Log(1, current, sets[1])];

        // Act
        var decision = Progression.Next(current, history, null);

        // Assert
        Assert.Equal(ProgressionChange.Stay, decision.Change);
        Assert.Equal(current, decision.Next);
        Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void Next_OnlyOneSessionLogged_Stays(int effort)
    {
        // Arrange
        var current = new Prescription("squat", 3, 10, Variant.Standard);
        List<ExerciseLog> history = [Log(0, current, SetsAsPrescribed(current, effort))];

        // Act
        var decision = Progression.Next(current, history, null);

        // Assert
        Assert.Equal(ProgressionChange.Stay, decision.Change);
        Assert.Equal(current, decision.Next);
    }

    [Fact]
    public void Next_NoSessionLogged_Stays()
    {
        // Arrange
        var current = new Prescription("squat", 3, 10, Variant.Standard);
        List<ExerciseLog> history = [];

        // Act
        var decision = Progression.Next(current, history, null);

        // Assert
        Assert.Equal(ProgressionChange.Stay, decision.Change);
        Assert.Equal(current, decision.Next);
        Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 2)]
    [InlineData(1, 0)]
    [InlineData(1, 2)]
    public void Next_OneSetOneRepShortInEitherSession_Stays(int session, int set)
    {
        // Arrange
        var current = new Prescription("squat", 3, 10, Variant.Standard);
        var sets = new[] { SetsAsPrescribed(current, 5), SetsAsPrescribed(current, 5) };
        sets[session][set] = sets[session][set] with { Amount = 9 };
        List<ExerciseLog> history = [Log(0, current, sets[0]), Log(1, current, sets[1])];

        // Act
        var decision = Progression.Next(current, history, null);

        // Assert
        Assert.Equal(ProgressionChange.Stay, decision.Change);
        Assert.Equal(current, decision.Next);
    }

    [Fact]
    public void Next_ASetMissingFromTheLastSession_Stays()
    {
        // Arrange: three sets prescribed, two logged.
        var current = new Prescription("squat", 3, 10, Variant.Standard);
        var shortSession = SetsAsPrescribed(current, 5);
        shortSession.RemoveAt(2);
        List<ExerciseLog> history = [Log(0, current, SetsAsPrescribed(current, 5)), Log(1, current, shortSession)];

        // Act
        var decision = Progression.Next(current, history, null);

        // Assert
        Assert.Equal(ProgressionChange.Stay, decision.Change);
        Assert.Equal(current, decision.Next);
    }

    [Fact]
    public void Next_ASetOneRepOverThePrescription_StillStepsUp()
    {
        // Arrange
        var current = new Prescription("squat", 3, 10, Variant.Standard);
        var sets = SetsAsPrescribed(current, 7);
        sets[1] = sets[1] with { Amount = 11 };
        List<ExerciseLog> history = [Log(0, current, SetsAsPrescribed(current, 7)), Log(1, current, sets)];

        // Act
        var decision = Progression.Next(current, history, null);

        // Assert
        Assert.Equal(ProgressionChange.StepUp, decision.Change);
        Assert.Equal(12, decision.Next.Amount);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(10)]
    public void Next_PainOf5OrMoreDuringTheLastSession_StepsDownNamingThePain(int pain)
    {
        // Arrange: one set hurt; the others had no pain recorded.
        var current = new Prescription("squat", 3, 10, Variant.Standard);
        var lastSets = SetsAsPrescribed(current, 6);
        lastSets[1] = lastSets[1] with { Pain = pain };
        List<ExerciseLog> history = [Log(0, current, lastSets)];

        // Act
        var decision = Progression.Next(current, history, null);

        // Assert
        Assert.Equal(ProgressionChange.StepDown, decision.Change);
        Assert.Equal(new Prescription("squat", 3, 8, Variant.Standard), decision.Next);
        Assert.Contains(OutOfTen(pain), decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(4)]
    public void Next_PainBelow5DuringTheLastSession_NotAStepDown(int pain)
    {
        // Arrange
        var current = new Prescription("squat", 3, 10, Variant.Standard);
        List<ExerciseLog> history =
        [
            Log(0, current, SetsAsPrescribed(current, 6, pain)),
            Log(1, current, SetsAsPrescribed(current, 6, pain)),
        ];

        // Act
        var decision = Progression.Next(current, history, null);

        // Assert
        Assert.NotEqual(ProgressionChange.StepDown, decision.Change);
        Assert.True(decision.Next.Amount >= current.Amount, $"Went down to {decision.Next.Amount}.");
        Assert.Equal(current.Variant, decision.Next.Variant);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(10)]
    public void Next_PainOf5OrMoreTheDayAfter_StepsDownNamingThePain(int painTheDayAfter)
    {
        // Arrange
        var current = new Prescription("squat", 3, 10, Variant.Standard);
        List<ExerciseLog> history = [Log(0, current, SetsAsPrescribed(current, 6, 0))];

        // Act
        var decision = Progression.Next(current, history, painTheDayAfter);

        // Assert
        Assert.Equal(ProgressionChange.StepDown, decision.Change);
        Assert.Equal(new Prescription("squat", 3, 8, Variant.Standard), decision.Next);
        Assert.Contains(OutOfTen(painTheDayAfter), decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(4)]
    public void Next_PainBelow5TheDayAfter_NotAStepDown(int? painTheDayAfter)
    {
        // Arrange
        var current = new Prescription("squat", 3, 10, Variant.Standard);
        List<ExerciseLog> history = [Log(0, current, SetsAsPrescribed(current, 6, 0))];

        // Act
        var decision = Progression.Next(current, history, painTheDayAfter);

        // Assert
        Assert.NotEqual(ProgressionChange.StepDown, decision.Change);
        Assert.Equal(current, decision.Next);
    }

    [Fact]
    public void Next_PainOf5DuringAnEasySecondSession_PainWinsStepsDown()
    {
        // Arrange: both sessions complete at effort 1 (a step up otherwise), but the last one hurt.
        var current = new Prescription("glute-bridge", 3, 12, Variant.Standard);
        List<ExerciseLog> history =
        [
            Log(0, current, SetsAsPrescribed(current, 1)),
            Log(1, current, SetsAsPrescribed(current, 1, 5)),
        ];

        // Act
        var decision = Progression.Next(current, history, null);

        // Assert
        Assert.Equal(ProgressionChange.StepDown, decision.Change);
        Assert.Equal(new Prescription("glute-bridge", 3, 10, Variant.Standard), decision.Next);
        Assert.Contains("5/10", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_PainOf5TheDayAfterTwoEasySessions_PainWinsStepsDown()
    {
        // Arrange
        var current = new Prescription("side-plank", 3, 25, Variant.Standard);
        List<ExerciseLog> history =
        [
            Log(0, current, SetsAsPrescribed(current, 2, 0)),
            Log(1, current, SetsAsPrescribed(current, 2, 0)),
        ];

        // Act
        var decision = Progression.Next(current, history, 5);

        // Assert
        Assert.Equal(ProgressionChange.StepDown, decision.Change);
        Assert.Equal(new Prescription("side-plank", 3, 20, Variant.Standard), decision.Next);
        Assert.Contains("5/10", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("squat", Variant.Standard, 13, Variant.Standard, 15)]
    [InlineData("squat", Variant.Easier, 15, Variant.Standard, 8)]
    [InlineData("squat", Variant.Standard, 15, Variant.Harder, 8)]
    [InlineData("glute-bridge", Variant.Standard, 15, Variant.Harder, 8)]
    [InlineData("side-plank", Variant.Standard, 55, Variant.Standard, 60)]
    [InlineData("side-plank", Variant.Standard, 60, Variant.Harder, 20)]
    public void Next_StepUpAtOrBelowTheMaximum_RepsFirstThenTheHarderVersion(
        string exerciseId, Variant from, int amount, Variant expectedVariant, int expectedAmount)
    {
        // Arrange
        var current = new Prescription(exerciseId, 3, amount, from);
        List<ExerciseLog> history =
        [
            Log(0, current, SetsAsPrescribed(current, 7)),
            Log(1, current, SetsAsPrescribed(current, 7)),
        ];

        // Act
        var decision = Progression.Next(current, history, null);

        // Assert
        Assert.Equal(ProgressionChange.StepUp, decision.Change);
        Assert.Equal(new Prescription(exerciseId, 3, expectedAmount, expectedVariant), decision.Next);
    }

    [Theory]
    [InlineData("squat", 15)]
    [InlineData("bird-dog", 15)]
    [InlineData("side-plank", 60)]
    public void Next_HarderVersionAtTheMaximum_StaysAtTheTopOfTheLadder(string exerciseId, int amount)
    {
        // Arrange
        var current = new Prescription(exerciseId, 3, amount, Variant.Harder);
        List<ExerciseLog> history =
        [
            Log(0, current, SetsAsPrescribed(current, 5)),
            Log(1, current, SetsAsPrescribed(current, 5)),
        ];

        // Act
        var decision = Progression.Next(current, history, null);

        // Assert
        Assert.Equal(ProgressionChange.Stay, decision.Change);
        Assert.Equal(current, decision.Next);
        Assert.Contains("top of", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("ladder", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("squat", 6, 5, null)]
    [InlineData("squat", 6, null, 5)]
    [InlineData("side-plank", 10, 7, null)]
    [InlineData("side-plank", 10, null, 9)]
    public void Next_PainAtTheMinimumOfTheEasierVersion_StaysEasierWithTheEasiestVersionReason(
        string exerciseId, int amount, int? painDuring, int? painTheDayAfter)
    {
        // Arrange
        var current = new Prescription(exerciseId, 2, amount, Variant.Easier);
        List<ExerciseLog> history = [Log(0, current, SetsAsPrescribed(current, 6, painDuring))];
        var pain = painDuring ?? painTheDayAfter ?? 0;

        // Act
        var decision = Progression.Next(current, history, painTheDayAfter);

        // Assert
        Assert.Equal(ProgressionChange.Stay, decision.Change);
        Assert.Equal(current, decision.Next);
        Assert.Contains("easiest version", decision.Reason, StringComparison.Ordinal);
        Assert.Contains(OutOfTen(pain), decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("squat", 6, 8)]
    [InlineData("dead-bug", 6, 8)]
    [InlineData("side-plank", 10, 15)]
    public void Next_PainAtTheMinimumOfTheStandardVersion_StepsDownToTheEasierVersion(
        string exerciseId, int amount, int expectedAmount)
    {
        // Arrange
        var current = new Prescription(exerciseId, 3, amount, Variant.Standard);
        List<ExerciseLog> history = [Log(0, current, SetsAsPrescribed(current, 6, 5))];

        // Act
        var decision = Progression.Next(current, history, null);

        // Assert
        Assert.Equal(ProgressionChange.StepDown, decision.Change);
        Assert.Equal(new Prescription(exerciseId, 3, expectedAmount, Variant.Easier), decision.Next);
        Assert.Contains("5/10", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Next_StepsUpAndDownFromEveryLevel_AmountAboveZeroAndSetsUnchanged(int level)
    {
        // Arrange
        var start = Programme.Level(level);
        var decisions = new List<(Prescription From, ProgressionDecision Decision)>();

        // Act: fifteen steps up from each prescription, then fifteen steps down.
        foreach (var prescription in start)
        {
            var current = prescription;
            for (var step = 0; step < 15; step++)
            {
                List<ExerciseLog> easy =
                [
                    Log(0, current, SetsAsPrescribed(current, 7)),
                    Log(1, current, SetsAsPrescribed(current, 7)),
                ];
                var decision = Progression.Next(current, easy, null);
                decisions.Add((current, decision));
                current = decision.Next;
            }
            for (var step = 0; step < 15; step++)
            {
                List<ExerciseLog> painful = [Log(0, current, SetsAsPrescribed(current, 7, 5))];
                var decision = Progression.Next(current, painful, null);
                decisions.Add((current, decision));
                current = decision.Next;
            }
        }

        // Assert
        Assert.NotEmpty(decisions);
        Assert.All(decisions, d =>
        {
            Assert.True(d.Decision.Next.Amount > 0, $"{d.From} led to {d.Decision.Next}.");
            Assert.Equal(d.From.Sets, d.Decision.Next.Sets);
            Assert.Equal(d.From.ExerciseId, d.Decision.Next.ExerciseId);
            Assert.False(string.IsNullOrWhiteSpace(d.Decision.Reason));
        });
        Assert.Contains(decisions, d => d.Decision.Change == ProgressionChange.StepUp);
        Assert.Contains(decisions, d => d.Decision.Change == ProgressionChange.StepDown);
    }
}
