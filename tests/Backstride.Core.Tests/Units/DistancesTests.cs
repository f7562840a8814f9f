using System.Globalization;
using Backstride.Core.Units;

namespace Backstride.Core.Tests.Units;

public sealed class DistancesTests
{
    [Fact]
    public void ToMetres_OneMile_IsTheInternationalMile()
    {
        Assert.Equal(1609.344, Distances.ToMetres(1, DistanceUnit.Miles), precision: 6);
    }

    [Theory]
    [InlineData(10.25, DistanceUnit.Kilometres, 10_250.0)]
    [InlineData(42.195, DistanceUnit.Kilometres, 42_195.0)]
    [InlineData(0.0, DistanceUnit.Kilometres, 0.0)]
    [InlineData(26.2, DistanceUnit.Miles, 42_164.8128)]
    [InlineData(0.5, DistanceUnit.Miles, 804.672)]
    public void ToMetres_TypedValue_ConvertsToStoredMetres(double value, DistanceUnit unit, double expectedMetres)
    {
        // Act
        var metres = Distances.ToMetres(value, unit);

        // Assert
        Assert.Equal(expectedMetres, metres, precision: 6);
    }

    [Theory]
    [InlineData(10_000.0, DistanceUnit.Kilometres, 10.0)]
    [InlineData(21_097.5, DistanceUnit.Kilometres, 21.0975)]
    [InlineData(10_000.0, DistanceUnit.Miles, 6.213712)]
    [InlineData(1_609.344, DistanceUnit.Miles, 1.0)]
    [InlineData(0.0, DistanceUnit.Miles, 0.0)]
    public void FromMetres_StoredMetres_ConvertsToRunnersUnit(double metres, DistanceUnit unit, double expected)
    {
        // Act
        var value = Distances.FromMetres(metres, unit);

        // Assert
        Assert.Equal(expected, value, precision: 6);
    }

    [Theory]
    [InlineData(5.0, DistanceUnit.Kilometres)]
    [InlineData(13.1, DistanceUnit.Miles)]
    [InlineData(100.0, DistanceUnit.Miles)]
    public void FromMetres_AfterToMetres_GivesBackTheTypedValue(double typed, DistanceUnit unit)
    {
        // Act
        var roundTripped = Distances.FromMetres(Distances.ToMetres(typed, unit), unit);

        // Assert
        Assert.Equal(typed, roundTripped, precision: 9);
    }

    [Theory]
    [InlineData(DistanceUnit.Kilometres, 1000.0)]
    [InlineData(DistanceUnit.Miles, 1609.344)]
    public void MetresPer_KnownUnit_IsTheUnitLength(DistanceUnit unit, double expected)
    {
        // Act
        var metres = Distances.MetresPer(unit);

        // Assert
        Assert.Equal(expected, metres, precision: 9);
    }

    [Fact]
    public void MetresPer_UndefinedUnit_Throws()
    {
        // Arrange
        var unknown = (DistanceUnit)9;

        // Act & Assert
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Distances.MetresPer(unknown));
        Assert.Equal("unit", exception.ParamName);
    }

    [Theory]
    [InlineData(DistanceUnit.Kilometres, "km")]
    [InlineData(DistanceUnit.Miles, "mi")]
    public void Abbreviation_Unit_IsShortLabel(DistanceUnit unit, string expected)
    {
        // Act
        var abbreviation = Distances.Abbreviation(unit);

        // Assert
        Assert.Equal(expected, abbreviation);
    }

    [Theory]
    [InlineData(10_250.0, DistanceUnit.Kilometres, "10.25 km")]
    [InlineData(10_000.0, DistanceUnit.Kilometres, "10 km")]
    [InlineData(10_500.0, DistanceUnit.Kilometres, "10.5 km")]
    [InlineData(10_256.0, DistanceUnit.Kilometres, "10.26 km")]
    [InlineData(21_097.5, DistanceUnit.Kilometres, "21.1 km")]
    [InlineData(0.0, DistanceUnit.Kilometres, "0 km")]
    [InlineData(10_000.0, DistanceUnit.Miles, "6.21 mi")]
    [InlineData(42_195.0, DistanceUnit.Miles, "26.22 mi")]
    [InlineData(1_609.344, DistanceUnit.Miles, "1 mi")]
    public void Format_Metres_AtMostTwoDecimalsWithUnit(double metres, DistanceUnit unit, string expected)
    {
        // Act
        var text = Distances.Format(metres, unit);

        // Assert
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    public void Format_CommaDecimalCulture_StillUsesInvariantPoint(string cultureName)
    {
        // Arrange
        var original = CultureInfo.CurrentCulture;
        var originalUi = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(cultureName);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(cultureName);
        try
        {
            // Act
            var kilometres = Distances.Format(10_250, DistanceUnit.Kilometres);
            var miles = Distances.Format(10_000, DistanceUnit.Miles);

            // Assert
            Assert.Equal("10.25 km", kilometres);
            Assert.Equal("6.21 mi", miles);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
            CultureInfo.CurrentUICulture = originalUi;
        }
    }
}
