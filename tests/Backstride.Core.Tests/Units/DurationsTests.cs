using Backstride.Core.Units;

namespace Backstride.Core.Tests.Units;

public sealed class DurationsTests
{
    // Durations.FromSeconds clamps to this so TimeSpan arithmetic never overflows.
    private static readonly TimeSpan Clamp = TimeSpan.FromSeconds(1e9);

    [Theory]
    [InlineData(2_525.0, "42:05")]
    [InlineData(600.0, "10:00")]
    [InlineData(59.0, "0:59")]
    [InlineData(0.0, "0:00")]
    [InlineData(3_599.0, "59:59")]
    public void Format_UnderAnHour_MinutesAndSeconds(double seconds, string expected)
    {
        // Arrange
        var duration = TimeSpan.FromSeconds(seconds);

        // Act
        var text = Durations.Format(duration);

        // Assert
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData(3_723.0, "1:02:03")]
    [InlineData(3_600.0, "1:00:00")]
    [InlineData(12_600.0, "3:30:00")]
    [InlineData(93_900.0, "26:05:00")]
    [InlineData(432_000.0, "120:00:00")]
    public void Format_AnHourOrMore_HoursMinutesAndSeconds(double seconds, string expected)
    {
        // Arrange
        var duration = TimeSpan.FromSeconds(seconds);

        // Act
        var text = Durations.Format(duration);

        // Assert
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Format_JustUnderAnHour_RoundsUpToOneHour()
    {
        // Arrange: 59:59.6
        var duration = new TimeSpan(0, 0, 59, 59, 600);

        // Act
        var text = Durations.Format(duration);

        // Assert
        Assert.Equal("1:00:00", text);
    }

    [Fact]
    public void Format_FractionalSeconds_RoundedToWholeSecond()
    {
        // Arrange: 42:05.3
        var duration = new TimeSpan(0, 0, 42, 5, 300);

        // Act
        var text = Durations.Format(duration);

        // Assert
        Assert.Equal("42:05", text);
    }

    [Fact]
    public void FromSeconds_Null_IsNull()
    {
        // Act
        var duration = Durations.FromSeconds(null);

        // Assert
        Assert.Null(duration);
    }

    [Fact]
    public void FromSeconds_NaN_IsZeroSoTheRulesRefuseIt()
    {
        // Act
        var duration = Durations.FromSeconds(double.NaN);

        // Assert
        Assert.Equal(TimeSpan.Zero, Assert.NotNull(duration));
    }

    [Theory]
    [InlineData(3_000.0)]
    [InlineData(1.0)]
    [InlineData(432_000.0)]
    [InlineData(1e9)]
    public void FromSeconds_OrdinaryValue_IsThatManySeconds(double seconds)
    {
        // Act
        var duration = Durations.FromSeconds(seconds);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(seconds), Assert.NotNull(duration));
    }

    [Fact]
    public void FromSeconds_FractionalSeconds_Kept()
    {
        // Act
        var duration = Durations.FromSeconds(3_000.5);

        // Assert
        Assert.Equal(new TimeSpan(0, 0, 50, 0, 500), Assert.NotNull(duration));
    }

    [Theory]
    [InlineData(1e12)]
    [InlineData(1e300)]
    [InlineData(double.MaxValue)]
    [InlineData(double.PositiveInfinity)]
    public void FromSeconds_HugeValue_ClampedWithoutOverflow(double seconds)
    {
        // Act
        var duration = Durations.FromSeconds(seconds);

        // Assert
        Assert.Equal(Clamp, Assert.NotNull(duration));
    }

    [Theory]
    [InlineData(-1e12)]
    [InlineData(double.MinValue)]
    [InlineData(double.NegativeInfinity)]
    public void FromSeconds_HugeNegativeValue_ClampedWithoutOverflow(double seconds)
    {
        // Act
        var duration = Durations.FromSeconds(seconds);

        // Assert
        Assert.Equal(-Clamp, Assert.NotNull(duration));
    }

    [Theory]
    [InlineData(-90.0)]
    [InlineData(-1.0)]
    public void FromSeconds_Negative_StaysNegativeForTheRulesToRefuse(double seconds)
    {
        // Act
        var duration = Durations.FromSeconds(seconds);

        // Assert
        var value = Assert.NotNull(duration);
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
        Assert.True(value < TimeSpan.Zero);
    }

    [Fact]
    public void FromParts_AllEmpty_IsNull()
    {
        // Act
        var duration = Durations.FromParts(null, null, null);

        // Assert
        Assert.Null(duration);
    }

    [Fact]
    public void FromParts_OneHourTwoMinutesThreeSeconds_Is3723Seconds()
    {
        // Act
        var duration = Durations.FromParts(1, 2, 3);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(3_723), Assert.NotNull(duration));
    }

    [Theory]
    [InlineData(null, 45, null, 2_700)]
    [InlineData(2, null, null, 7_200)]
    [InlineData(null, null, 30, 30)]
    [InlineData(0, 90, 0, 5_400)]
    [InlineData(0, 0, 0, 0)]
    public void FromParts_SomeBoxesEmpty_EmptyBoxesCountAsZero(int? hours, int? minutes, int? seconds, int expectedSeconds)
    {
        // Act
        var duration = Durations.FromParts(hours, minutes, seconds);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), Assert.NotNull(duration));
    }

    [Fact]
    public void FromParts_Negative_StaysNegativeForTheRulesToRefuse()
    {
        // Act
        var duration = Durations.FromParts(null, -5, null);

        // Assert
        Assert.Equal(TimeSpan.FromMinutes(-5), Assert.NotNull(duration));
    }

    [Fact]
    public void FromParts_HugeValues_ClampedWithoutOverflow()
    {
        // Act
        var duration = Durations.FromParts(int.MaxValue, int.MaxValue, int.MaxValue);

        // Assert
        Assert.Equal(Clamp, Assert.NotNull(duration));
    }
}
