using Backstride.Core.Training;

namespace Backstride.Core.Tests.Training;

/// <summary>The exercise table and the three programme levels against issue 8, part 1 and 2.</summary>
public sealed class ExercisesTests
{
    public static TheoryData<string> ExerciseIds()
    {
        var data = new TheoryData<string>();
        foreach (var exercise in Exercises.All)
        {
            data.Add(exercise.Id);
        }
        return data;
    }

    [Fact]
    public void All_Ids_AreUnique()
    {
        // Arrange
        var ids = Exercises.All.Select(e => e.Id).ToList();

        // Act
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();

        // Assert
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, distinct.Count);
    }

    [Theory]
    [InlineData("squat")]
    [InlineData("deadlift")]
    [InlineData("hip-hinge")]
    [InlineData("sit-up")]
    [InlineData("dead-bug")]
    [InlineData("bird-dog")]
    [InlineData("side-plank")]
    [InlineData("glute-bridge")]
    public void All_TheIssuesExercise_IsInTheTable(string id)
    {
        // Arrange
        var ids = Exercises.All.Select(e => e.Id).ToList();

        // Act
        var found = Exercises.Find(id);

        // Assert
        Assert.Contains(id, ids);
        Assert.Equal(id, found.Id);
    }

    [Theory]
    [MemberData(nameof(ExerciseIds))]
    public void All_EachExercise_HasInstructionsAFaultAnEasierAndAHarderVersionAndRest(string id)
    {
        // Arrange
        var exercise = Exercises.All.Single(e => string.Equals(e.Id, id, StringComparison.Ordinal));

        // Act
        var faults = exercise.CommonFaults;

        // Assert
        Assert.False(string.IsNullOrWhiteSpace(exercise.Name));
        Assert.False(string.IsNullOrWhiteSpace(exercise.HowTo));
        Assert.NotEmpty(faults);
        Assert.All(faults, fault => Assert.False(string.IsNullOrWhiteSpace(fault)));
        Assert.False(string.IsNullOrWhiteSpace(exercise.Easier));
        Assert.False(string.IsNullOrWhiteSpace(exercise.Harder));
        Assert.NotEqual(exercise.Easier, exercise.Harder);
        Assert.True(exercise.RestSeconds > 0, $"{id} has no rest.");
    }

    [Theory]
    [MemberData(nameof(ExerciseIds))]
    public void Programme_EachExercise_AppearsInAtLeastOneLevelWithSetsAndAnAmount(string id)
    {
        // Arrange
        var levels = new[] { 1, 2, 3 };

        // Act
        var prescriptions = levels.SelectMany(level => Programme.Level(level))
            .Where(p => string.Equals(p.ExerciseId, id, StringComparison.Ordinal))
            .ToList();

        // Assert
        Assert.NotEmpty(prescriptions);
        Assert.All(prescriptions, p => Assert.True(p.Sets > 0 && p.Amount > 0, $"{id}: {p.Sets} x {p.Amount}."));
    }

    [Fact]
    public void Find_SidePlank_IsAHoldInSeconds()
    {
        // Arrange
        const string id = "side-plank";

        // Act
        var exercise = Exercises.Find(id);

        // Assert
        Assert.Equal(DoseKind.HoldSeconds, exercise.Kind);
    }

    [Theory]
    [InlineData("squat")]
    [InlineData("deadlift")]
    [InlineData("sit-up")]
    [InlineData("glute-bridge")]
    public void Find_ARepExercise_IsCountedInReps(string id)
    {
        // Arrange
        var expected = DoseKind.Reps;

        // Act
        var exercise = Exercises.Find(id);

        // Assert
        Assert.Equal(expected, exercise.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Squat")]
    [InlineData("plank")]
    public void Find_UnknownId_Throws(string id)
    {
        // Arrange
        var known = Exercises.All.Select(e => e.Id).ToList();

        // Act & Assert
        Assert.DoesNotContain(id, known);
        Assert.Throws<ArgumentException>(() => Exercises.Find(id));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Level_OneToThree_OnlyKnownExercisesWithSetsAndAmountsAboveZero(int level)
    {
        // Arrange
        var known = Exercises.All.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);

        // Act
        var prescriptions = Programme.Level(level);

        // Assert
        Assert.NotEmpty(prescriptions);
        Assert.All(prescriptions, p =>
        {
            Assert.Contains(p.ExerciseId, known);
            Assert.True(p.Sets > 0, $"{p.ExerciseId} has {p.Sets} sets.");
            Assert.True(p.Amount > 0, $"{p.ExerciseId} has an amount of {p.Amount}.");
            Assert.True(Enum.IsDefined(p.Variant));
        });
        var ids = prescriptions.Select(p => p.ExerciseId).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Level_OutsideOneToThree_Throws(int level)
    {
        // Arrange
        var levels = new[] { 1, 2, 3 };

        // Act & Assert
        Assert.DoesNotContain(level, levels);
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Programme.Level(level));
        Assert.Equal("level", exception.ParamName);
    }

    [Fact]
    public void Programme_SessionsPerWeek_TwoToThree()
    {
        // Arrange
        var min = Programme.MinSessionsPerWeek;

        // Act
        var max = Programme.MaxSessionsPerWeek;

        // Assert
        Assert.Equal(2, min);
        Assert.Equal(3, max);
    }
}
