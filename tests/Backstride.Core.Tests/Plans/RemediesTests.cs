using Backstride.Core.Plans;

namespace Backstride.Core.Tests.Plans;

/// <summary>The reviewed remedy tables of CLINICAL.md §3.</summary>
public sealed class RemediesTests
{
    [Theory]
    [InlineData(Remedy.Ice)]
    [InlineData(Remedy.Heat)]
    [InlineData(Remedy.Stretching)]
    [InlineData(Remedy.Medication)]
    [InlineData(Remedy.StrengthTraining)]
    [InlineData(Remedy.WbcCream)]
    public void ByRemedy_EachRemedy_HasLevelSummaryAndSources(Remedy remedy)
    {
        // Arrange
        var table = RemedyEvidence.ByRemedy;

        // Act
        var evidence = table[remedy];

        // Assert
        Assert.False(string.IsNullOrWhiteSpace(evidence.Level));
        Assert.False(string.IsNullOrWhiteSpace(evidence.Summary));
        Assert.False(string.IsNullOrWhiteSpace(evidence.Sources));
    }

    [Theory]
    [InlineData(Remedy.Ice)]
    [InlineData(Remedy.Heat)]
    public void ByRemedy_IceAndHeat_Say20MinutesIsAGuidelineNotAProvenDose(Remedy remedy)
    {
        // Arrange: CLINICAL.md §3: "present it as the guideline the plan follows, not as proven".
        var table = RemedyEvidence.ByRemedy;

        // Act
        var summary = table[remedy].Summary;

        // Assert
        Assert.Contains("guideline", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_IceAndHeat_CappedAt20MinutesAndShowerWithinTheCap()
    {
        // Arrange
        var cap = TimeSpan.FromMinutes(20);

        // Act
        var limits = new[] { RemedyLimits.MaxIce, RemedyLimits.MaxHeat, RemedyLimits.ShowerHeat };

        // Assert
        Assert.Equal(cap, RemedyLimits.MaxIce);
        Assert.Equal(cap, RemedyLimits.MaxHeat);
        Assert.All(limits, limit => Assert.InRange(limit, TimeSpan.FromTicks(1), cap));
    }

    [Fact]
    public void Limits_WarmingIngredients_AreTheThreeOfTheFdaWarning()
    {
        // Arrange
        var expected = new[] { "capsaicin", "menthol", "methyl salicylate" };

        // Act
        var ingredients = RemedyLimits.WarmingIngredients;

        // Assert
        Assert.Equal(expected, ingredients.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("menthol", true)]
    [InlineData("L-Menthol", true)]
    [InlineData("Methyl Salicylate", true)]
    [InlineData("capsaicin 0.025 %", true)]
    [InlineData("water", false)]
    [InlineData("copper gluconate", false)]
    [InlineData("salicylic acid", false)]
    public void Warms_ByIngredient_TrueOnlyForAWarmingIngredient(string ingredient, bool expected)
    {
        // Arrange
        var cream = new CreamProduct("Cream", ["water", ingredient], "/cream");

        // Act
        var warms = cream.Warms;

        // Assert
        Assert.Equal(expected, warms);
    }

    [Fact]
    public void Warms_SampleWbcCream_WarmsBecauseOfMenthol()
    {
        // Arrange
        var cream = CreamProduct.WbcSample;

        // Act
        var warms = cream.Warms;

        // Assert
        Assert.True(warms);
        Assert.Contains("menthol", cream.Ingredients);
    }

    [Fact]
    public void Stretches_EveningHolds_About30Seconds()
    {
        // Arrange
        var routine = Stretches.Evening;

        // Act
        var holds = routine.Select(s => s.HoldSeconds).ToList();

        // Assert
        Assert.NotEmpty(holds);
        Assert.All(holds, hold => Assert.Equal(30, hold));
        Assert.Equal(routine.Count, routine.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count());
    }
}
