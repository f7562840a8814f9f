using Backstride.Core.Units;

namespace Backstride.Core.Tests.Units;

public sealed class PaceTests
{
    private const string NoPace = "\u2014"; // em dash

    [Fact]
    public void SecondsPerUnit_TenKilometresInFiftyMinutes_Is300SecondsPerKilometre()
    {
        // Arrange
        var duration = TimeSpan.FromMinutes(50);

        // Act
        var seconds = Pace.SecondsPerUnit(10_000, duration, DistanceUnit.Kilometres);

        // Assert
        Assert.Equal(300.0, Assert.NotNull(seconds), precision: 9);
    }

    [Fact]
    public void SecondsPerUnit_TenKilometresInFiftyMinutesInMiles_IsAbout483SecondsPerMile()
    {
        // Arrange
        var duration = TimeSpan.FromMinutes(50);

        // Act
        var seconds = Pace.SecondsPerUnit(10_000, duration, DistanceUnit.Miles);

        // Assert
        Assert.Equal(482.8032, Assert.NotNull(seconds), precision: 6);
    }

    [Theory]
    [InlineData(0.0, 3000.0)]
    [InlineData(-10.0, 3000.0)]
    [InlineData(10_000.0, 0.0)]
    [InlineData(10_000.0, -60.0)]
    [InlineData(0.0, 0.0)]
    public void SecondsPerUnit_NoDistanceOrNoDuration_IsNull(double metres, double durationSeconds)
    {
        // Arrange
        var duration = TimeSpan.FromSeconds(durationSeconds);

        // Act
        var seconds = Pace.SecondsPerUnit(metres, duration, DistanceUnit.Kilometres);

        // Assert
        Assert.Null(seconds);
    }

    [Theory]
    [InlineData(10_000.0, 3000.0, DistanceUnit.Kilometres, "5:00 /km")]
    [InlineData(10_000.0, 3000.0, DistanceUnit.Miles, "8:03 /mi")]
    [InlineData(1_609.344, 480.0, DistanceUnit.Miles, "8:00 /mi")]
    [InlineData(5_000.0, 1_537.0, DistanceUnit.Kilometres, "5:07 /km")]
    [InlineData(21_097.5, 6_300.0, DistanceUnit.Kilometres, "4:59 /km")]
    [InlineData(10_000.0, 1_500.0, DistanceUnit.Kilometres, "2:30 /km")]
    [InlineData(1_000.0, 4_500.0, DistanceUnit.Kilometres, "75:00 /km")]
    public void Format_DistanceAndDuration_MinutesAndSecondsPerUnit(
        double metres, double durationSeconds, DistanceUnit unit, string expected)
    {
        // Arrange
        var duration = TimeSpan.FromSeconds(durationSeconds);

        // Act
        var text = Pace.Format(metres, duration, unit);

        // Assert
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Format_PaceJustUnderFiveMinutes_RoundsToFiveMinutesNotFourSixty()
    {
        // Arrange: 1 km in 4:59.6
        var duration = new TimeSpan(0, 0, 4, 59, 600);

        // Act
        var text = Pace.Format(1_000, duration, DistanceUnit.Kilometres);

        // Assert
        Assert.Equal("5:00 /km", text);
    }

    [Theory]
    [InlineData(0.0, 3000.0)]
    [InlineData(-5.0, 3000.0)]
    [InlineData(10_000.0, 0.0)]
    [InlineData(10_000.0, -60.0)]
    public void Format_NoDistanceOrNoDuration_EmDash(double metres, double durationSeconds)
    {
        // Arrange
        var duration = TimeSpan.FromSeconds(durationSeconds);

        // Act
        var kilometres = Pace.Format(metres, duration, DistanceUnit.Kilometres);
        var miles = Pace.Format(metres, duration, DistanceUnit.Miles);

        // Assert
        Assert.Equal(NoPace, kilometres);
        Assert.Equal(NoPace, miles);
    }

    [Fact]
    public void Format_TenMetresInFiveDays_NoPaceRatherThanAnOverflow()
    {
        var pace = Pace.Format(10, TimeSpan.FromDays(5), DistanceUnit.Kilometres);

        Assert.Equal("—", pace);
        Assert.Null(Pace.SecondsPerUnit(10, TimeSpan.FromDays(5), DistanceUnit.Kilometres));
    }

    [Fact]
    public void Format_NaNDistance_NoPace()
    {
        Assert.Equal("—", Pace.Format(double.NaN, TimeSpan.FromMinutes(30), DistanceUnit.Kilometres));
    }
}
