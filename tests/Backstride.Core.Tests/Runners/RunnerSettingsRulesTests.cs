using Backstride.Core.Runners;
using Backstride.Core.Units;
using Backstride.Core.Validation;

namespace Backstride.Core.Tests.Runners;

public sealed class RunnerSettingsRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static string SingleErrorOn(ValidationErrors errors, string field)
    {
        Assert.False(errors.IsValid);
        Assert.Equal(field, Assert.Single(errors.Fields));
        return Assert.Single(errors.For(field));
    }

    [Fact]
    public void Validate_ValidSettings_Passes()
    {
        // Act
        var errors = RunnerSettingsRules.Validate(DistanceUnit.Kilometres, "Europe/Berlin", 1985, Now);

        // Assert
        Assert.True(errors.IsValid);
        Assert.Empty(errors.Fields);
    }

    // --- time zone ---

    [Theory]
    [InlineData("UTC")]
    [InlineData("America/New_York")]
    [InlineData("Europe/Berlin")]
    [InlineData("Asia/Kolkata")]
    public void Validate_KnownTimeZone_Accepted(string timeZoneId)
    {
        // Act
        var errors = RunnerSettingsRules.Validate(DistanceUnit.Miles, timeZoneId, null, Now);

        // Assert
        Assert.True(errors.IsValid);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Europe/Nowhere")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Validate_UnknownOrMissingTimeZone_RefusedOnTimeZone(string? timeZoneId)
    {
        // Act
        var errors = RunnerSettingsRules.Validate(DistanceUnit.Kilometres, timeZoneId, null, Now);

        // Assert
        Assert.Equal("Choose a time zone from the list.", SingleErrorOn(errors, RunnerSettingsRules.TimeZoneField));
    }

    // --- birth year ---

    [Theory]
    [InlineData(1899)]
    [InlineData(1066)]
    [InlineData(0)]
    [InlineData(-1985)]
    public void Validate_BirthYearBefore1900_RefusedOnBirthYear(int birthYear)
    {
        // Act
        var errors = RunnerSettingsRules.Validate(DistanceUnit.Kilometres, "UTC", birthYear, Now);

        // Assert
        Assert.Equal("Enter a birth year between 1900 and 2021.", SingleErrorOn(errors, RunnerSettingsRules.BirthYearField));
    }

    [Theory]
    [InlineData(4)] // a four-year-old
    [InlineData(0)] // born this year
    [InlineData(-1)] // born next year
    public void Validate_BirthYearUnderFiveYearsAgo_RefusedOnBirthYear(int yearsAgo)
    {
        // Arrange
        var birthYear = Now.Year - yearsAgo;

        // Act
        var errors = RunnerSettingsRules.Validate(DistanceUnit.Kilometres, "UTC", birthYear, Now);

        // Assert
        Assert.Equal("Enter a birth year between 1900 and 2021.", SingleErrorOn(errors, RunnerSettingsRules.BirthYearField));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1900)]
    [InlineData(1985)]
    [InlineData(2021)] // Now.Year - 5
    public void Validate_BirthYearSkippedOrPlausible_Accepted(int? birthYear)
    {
        // Act
        var errors = RunnerSettingsRules.Validate(DistanceUnit.Kilometres, "UTC", birthYear, Now);

        // Assert
        Assert.True(errors.IsValid);
    }

    [Fact]
    public void Validate_BirthYearLimit_MovesWithTheClock()
    {
        // Arrange: refused as a four-year-old in 2026, accepted as a five-year-old a year later.
        var nextYear = Now.AddYears(1);

        // Act
        var thisYearErrors = RunnerSettingsRules.Validate(DistanceUnit.Kilometres, "UTC", 2022, Now);
        var nextYearErrors = RunnerSettingsRules.Validate(DistanceUnit.Kilometres, "UTC", 2022, nextYear);

        // Assert
        SingleErrorOn(thisYearErrors, RunnerSettingsRules.BirthYearField);
        Assert.True(nextYearErrors.IsValid);
    }

    // --- units ---

    [Fact]
    public void Validate_UnitsMissing_RefusedOnUnits()
    {
        // Act
        var errors = RunnerSettingsRules.Validate(null, "UTC", null, Now);

        // Assert
        Assert.Equal("Choose kilometres or miles.", SingleErrorOn(errors, RunnerSettingsRules.UnitsField));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(-1)]
    public void Validate_UndefinedUnit_RefusedOnUnits(int value)
    {
        // Act
        var errors = RunnerSettingsRules.Validate((DistanceUnit)value, "UTC", null, Now);

        // Assert
        Assert.Equal("Choose kilometres or miles.", SingleErrorOn(errors, RunnerSettingsRules.UnitsField));
    }

    [Theory]
    [InlineData(DistanceUnit.Kilometres)]
    [InlineData(DistanceUnit.Miles)]
    public void Validate_EachUnit_Accepted(DistanceUnit units)
    {
        // Act
        var errors = RunnerSettingsRules.Validate(units, "UTC", null, Now);

        // Assert
        Assert.True(errors.IsValid);
    }

    // --- several problems ---

    [Fact]
    public void Validate_EverythingWrong_AllReportedAtOnce()
    {
        // Act
        var errors = RunnerSettingsRules.Validate((DistanceUnit)7, "Mars/Olympus_Mons", 1899, Now);

        // Assert
        Assert.Equal(
            new[] { RunnerSettingsRules.UnitsField, RunnerSettingsRules.TimeZoneField, RunnerSettingsRules.BirthYearField }
                .Order(StringComparer.Ordinal),
            errors.Fields.Order(StringComparer.Ordinal));
    }

    // --- FindTimeZone ---

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    public void FindTimeZone_KnownId_ReturnsThatZone(string id)
    {
        // Act
        var zone = RunnerSettingsRules.FindTimeZone(id);

        // Assert
        Assert.NotNull(zone);
        Assert.Equal(id, zone.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("Mars/Olympus_Mons")]
    public void FindTimeZone_UnknownOrBlankId_Null(string? id)
    {
        // Act
        var zone = RunnerSettingsRules.FindTimeZone(id);

        // Assert
        Assert.Null(zone);
    }
}
