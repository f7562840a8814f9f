using Backstride.Core.Insights;

namespace Backstride.Core.Tests.Insights;

public sealed class StatisticsTests
{
    // Student's sleep data (Cushny & Peebles 1905, R's `sleep`): extra hours of sleep with two drugs, same 10 patients.
    private static readonly double[] SleepDrugOne = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    private static readonly double[] SleepDrugTwo = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

    [Fact]
    public void MeanAndSampleVariance_SleepDrugOne_MatchHandComputation()
    {
        // Act
        var mean = Statistics.Mean(SleepDrugOne);
        var variance = Statistics.SampleVariance(SleepDrugOne);

        // Assert: sum 7.5 over 10; squared deviations sum 28.805, over n − 1 = 9.
        Assert.Equal(0.75, mean, precision: 12);
        Assert.Equal(28.805 / 9, variance, precision: 12);
    }

    [Fact]
    public void StudentTQuantile_975With10DegreesOfFreedom_IsTheTableValue()
    {
        Assert.Equal(2.228, Statistics.StudentTQuantile(0.975, 10), precision: 3);
    }

    [Fact]
    public void WelchDifference_SleepData_MatchesPublishedWelchTest()
    {
        // R: t.test(extra ~ group, data = sleep) gives t = −1.8608, df = 17.776, p = 0.07939,
        // 95 % interval −3.3654832 to 0.2054832 for drug one − drug two; here drug two − drug one.

        // Act
        var estimate = Statistics.WelchDifference(SleepDrugTwo, SleepDrugOne);

        // Assert
        Assert.NotNull(estimate);
        Assert.Equal(1.58, estimate.Value, precision: 10);
        Assert.Equal(17.776, estimate.DegreesOfFreedom, precision: 3);
        Assert.Equal(-0.2054832, estimate.Low, precision: 5);
        Assert.Equal(3.3654832, estimate.High, precision: 5);
        Assert.Equal(0.07939, estimate.PValue, precision: 5);
    }

    [Fact]
    public void WelchDifference_SmallHandExample_HasWelchSatterthwaiteDegreesOfFreedom()
    {
        // with {3,5,7,9}: mean 6, variance 20/3; without {1,2,3}: mean 2, variance 1.
        // SE² = (20/3)/4 + 1/3 = 2, so SE = √2; df = 2² / ((5/3)²/3 + (1/3)²/2) = 4 / (53/54) = 216/53 ≈ 4.0755.
        // t(0.975) lies between 2.571 (5 df) and 2.776 (4 df), so the interval is 4 ± 3.64 … 3.93.

        // Act
        var estimate = Statistics.WelchDifference([3, 5, 7, 9], [1, 2, 3]);

        // Assert
        Assert.NotNull(estimate);
        Assert.Equal(4, estimate.Value, precision: 12);
        Assert.Equal(Math.Sqrt(2), estimate.StandardError, precision: 12);
        Assert.Equal(216.0 / 53, estimate.DegreesOfFreedom, precision: 10);
        Assert.InRange(estimate.Low, 4 - 2.776 * Math.Sqrt(2), 4 - 2.571 * Math.Sqrt(2));
        Assert.InRange(estimate.High, 4 + 2.571 * Math.Sqrt(2), 4 + 2.776 * Math.Sqrt(2));
        Assert.Equal(4 - estimate.Low, estimate.High - 4, precision: 10);
    }

    [Fact]
    public void WelchDifference_GroupWithOneValue_IsNull()
    {
        Assert.Null(Statistics.WelchDifference([4], [1, 2, 3]));
    }

    [Fact]
    public void WelchDifference_SameScoreEverywhereOnBothSides_IsNull()
    {
        Assert.Null(Statistics.WelchDifference([5, 5, 5], [2, 2, 2]));
    }

    [Fact]
    public void MeanWithInterval_SleepPairedDifferences_MatchesPublishedPairedTest()
    {
        // R: t.test(extra ~ group, data = sleep, paired = TRUE) gives t = −4.0621, df = 9, p = 0.002833,
        // 95 % interval −2.4598858 to −0.7001142 for drug one − drug two; here drug two − drug one.
        var differences = SleepDrugTwo.Zip(SleepDrugOne, (two, one) => two - one).ToArray();

        // Act
        var estimate = Statistics.MeanWithInterval(differences);

        // Assert
        Assert.NotNull(estimate);
        Assert.Equal(1.58, estimate.Value, precision: 10);
        Assert.Equal(9, estimate.DegreesOfFreedom);
        Assert.Equal(0.7001142, estimate.Low, precision: 6);
        Assert.Equal(2.4598858, estimate.High, precision: 6);
        Assert.Equal(0.002833, estimate.PValue, precision: 6);
    }

    [Fact]
    public void MeanWithInterval_OneValue_IsNull()
    {
        Assert.Null(Statistics.MeanWithInterval([3]));
    }

    [Fact]
    public void Slope_SmallHandExample_MatchesHandComputedInterval()
    {
        // x̄ = 3, ȳ = 4, Sxx = 10, Sxy = 6: slope 0.6, intercept 2.2; residuals −0.8, 0.6, 1.0, −0.6, −0.2, SSE = 2.4;
        // s² = 2.4/3 = 0.8, SE = √(0.8/10) = 0.2828427; t(0.975, 3 df) = 3.182446, half-width 0.9001317.
        // t = 2.1213203; the 3-df t CDF has a closed form, ½ + (1/π)(t/(√3(1 + t²/3)) + atan(t/√3)), giving p = 0.1240271.

        // Act
        var estimate = Statistics.Slope([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);

        // Assert
        Assert.NotNull(estimate);
        Assert.Equal(0.6, estimate.Value, precision: 12);
        Assert.Equal(Math.Sqrt(0.08), estimate.StandardError, precision: 12);
        Assert.Equal(3, estimate.DegreesOfFreedom);
        Assert.Equal(0.6 - 0.9001317, estimate.Low, precision: 6);
        Assert.Equal(0.6 + 0.9001317, estimate.High, precision: 6);
        Assert.Equal(0.1240271, estimate.PValue, precision: 6);
    }

    [Fact]
    public void Slope_TwoPoints_IsNull()
    {
        Assert.Null(Statistics.Slope([1, 2], [3, 5]));
    }

    [Fact]
    public void Slope_EveryRunWithTheSameCadence_IsNull()
    {
        Assert.Null(Statistics.Slope([170, 170, 170, 170], [1, 4, 2, 6]));
    }

    [Fact]
    public void HolmAdjust_FourPValues_MatchesHandComputation()
    {
        // Sorted: 0.005 × 4 = 0.02, 0.01 × 3 = 0.03, 0.03 × 2 = 0.06, 0.04 × 1 = 0.04 → raised to 0.06 to stay monotone.

        // Act
        var adjusted = Statistics.HolmAdjust([0.01, 0.04, 0.03, 0.005]);

        // Assert
        Assert.Equal([0.03, 0.06, 0.06, 0.02], adjusted.Select(p => Math.Round(p, 12)));
    }

    [Fact]
    public void HolmAdjust_LargePValues_AreCappedAtOne()
    {
        // Act
        var adjusted = Statistics.HolmAdjust([0.4, 0.9, 0.6]);

        // Assert
        Assert.Equal([1.0, 1.0, 1.0], adjusted);
    }
}
