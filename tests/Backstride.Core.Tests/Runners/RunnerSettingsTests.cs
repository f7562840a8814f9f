using Backstride.Core.Runners;
using Backstride.Core.Units;

namespace Backstride.Core.Tests.Runners;

public sealed class RunnerSettingsTests
{
    private const string Berlin = "Europe/Berlin";

    [Fact]
    public void New_Defaults_KilometresInUtc()
    {
        // Act
        var settings = new RunnerSettings();

        // Assert
        Assert.Equal(DistanceUnit.Kilometres, settings.Units);
        Assert.Equal("UTC", settings.TimeZoneId);
        Assert.Null(settings.BirthYear);
        Assert.Equal(TimeSpan.Zero, settings.TimeZone.BaseUtcOffset);
    }

    [Fact]
    public void FromLocal_BerlinWinter_OneHourAheadOfUtc()
    {
        // Arrange
        var settings = new RunnerSettings { TimeZoneId = Berlin };

        // Act
        var instant = settings.FromLocal(new DateTime(2026, 1, 15, 8, 0, 0));

        // Assert
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 7, 0, 0, TimeSpan.Zero), instant);
        Assert.Equal(TimeSpan.Zero, instant!.Value.Offset);
    }

    [Fact]
    public void FromLocal_BerlinSummer_TwoHoursAheadOfUtc()
    {
        // Arrange
        var settings = new RunnerSettings { TimeZoneId = Berlin };

        // Act
        var instant = settings.FromLocal(new DateTime(2026, 7, 15, 8, 0, 0));

        // Assert
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 6, 0, 0, TimeSpan.Zero), instant);
        Assert.Equal(TimeSpan.Zero, instant!.Value.Offset);
    }

    [Fact]
    public void ToLocal_BerlinWinter_WallClockOneHourAhead()
    {
        // Arrange
        var settings = new RunnerSettings { TimeZoneId = Berlin };

        // Act
        var local = settings.ToLocal(new DateTimeOffset(2026, 1, 15, 7, 0, 0, TimeSpan.Zero));

        // Assert
        Assert.Equal(new DateTime(2026, 1, 15, 8, 0, 0), local);
    }

    [Fact]
    public void ToLocal_BerlinSummer_WallClockTwoHoursAhead()
    {
        // Arrange
        var settings = new RunnerSettings { TimeZoneId = Berlin };

        // Act
        var local = settings.ToLocal(new DateTimeOffset(2026, 7, 15, 6, 0, 0, TimeSpan.Zero));

        // Assert
        Assert.Equal(new DateTime(2026, 7, 15, 8, 0, 0), local);
    }

    [Theory]
    [InlineData(2026, 1, 15, 8, 0)] // winter, +01:00
    [InlineData(2026, 7, 15, 8, 0)] // summer, +02:00
    [InlineData(2026, 3, 29, 1, 59)] // just before the spring-forward gap
    [InlineData(2026, 3, 29, 3, 0)] // just after it
    [InlineData(2027, 1, 1, 0, 30)] // New Year's night: still the old year in UTC
    [InlineData(2026, 11, 26, 10, 0)]
    public void ToLocal_AfterFromLocal_GivesBackTheTypedWallClock(int year, int month, int day, int hour, int minute)
    {
        // Arrange
        var settings = new RunnerSettings { TimeZoneId = Berlin };
        var typed = new DateTime(year, month, day, hour, minute, 0);

        // Act
        var roundTripped = settings.ToLocal(settings.FromLocal(typed)!.Value);

        // Assert
        Assert.Equal(typed, roundTripped);
    }

    [Fact]
    public void FromLocal_AfterToLocal_GivesBackTheSameInstant()
    {
        // Arrange
        var settings = new RunnerSettings { TimeZoneId = Berlin };
        var instant = new DateTimeOffset(2026, 7, 15, 6, 0, 0, TimeSpan.Zero);

        // Act
        var roundTripped = settings.FromLocal(settings.ToLocal(instant));

        // Assert
        Assert.Equal(instant, roundTripped);
    }

    [Fact]
    public void FromLocal_TimeSkippedBySpringForward_MovesForwardInsteadOfThrowing()
    {
        // Arrange: on 29 March 2026 Berlin clocks jump from 02:00 to 03:00, so 02:30 never happens.
        var settings = new RunnerSettings { TimeZoneId = Berlin };
        var skipped = new DateTime(2026, 3, 29, 2, 30, 0);

        // Act
        var instant = settings.FromLocal(skipped);

        // Assert: 03:30 summer time.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), instant);
        Assert.Equal(new DateTime(2026, 3, 29, 3, 30, 0), settings.ToLocal(instant!.Value));
    }

    [Fact]
    public void FromLocal_TimeRepeatedByFallBack_OneOfTheTwoInstantsThatShowThatTime()
    {
        // Arrange: on 25 October 2026 Berlin clocks go from 03:00 back to 02:00, so 02:30 happens twice.
        var settings = new RunnerSettings { TimeZoneId = Berlin };
        var repeated = new DateTime(2026, 10, 25, 2, 30, 0);

        // Act
        var instant = settings.FromLocal(repeated);

        // Assert
        Assert.Contains(instant!.Value, new[]
        {
            new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero),
        });
        Assert.Equal(repeated, settings.ToLocal(instant!.Value));
    }

    [Theory]
    [InlineData(DateTimeKind.Unspecified)]
    [InlineData(DateTimeKind.Utc)]
    [InlineData(DateTimeKind.Local)]
    public void FromLocal_AnyDateTimeKind_TreatedAsTheRunnersWallClock(DateTimeKind kind)
    {
        // Arrange
        var settings = new RunnerSettings { TimeZoneId = Berlin };
        var typed = new DateTime(2026, 1, 15, 8, 0, 0, kind);

        // Act
        var instant = settings.FromLocal(typed);

        // Assert
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 7, 0, 0, TimeSpan.Zero), instant);
    }

    [Fact]
    public void FromLocal_NewYorkSummer_FourHoursBehindUtc()
    {
        // Arrange
        var settings = new RunnerSettings { TimeZoneId = "America/New_York" };

        // Act
        var instant = settings.FromLocal(new DateTime(2026, 7, 4, 7, 0, 0));

        // Assert
        Assert.Equal(new DateTimeOffset(2026, 7, 4, 11, 0, 0, TimeSpan.Zero), instant);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Europe/Nowhere")]
    public void TimeZone_UnknownId_FallsBackToUtc(string timeZoneId)
    {
        // Arrange
        var settings = new RunnerSettings { TimeZoneId = timeZoneId };

        // Act
        var zone = settings.TimeZone;

        // Assert
        Assert.Same(TimeZoneInfo.Utc, zone);
    }

    [Fact]
    public void FromLocal_UnknownZone_TreatsWallClockAsUtc()
    {
        // Arrange
        var settings = new RunnerSettings { TimeZoneId = "Mars/Olympus_Mons" };

        // Act
        var instant = settings.FromLocal(new DateTime(2026, 7, 15, 8, 0, 0));
        var local = settings.ToLocal(new DateTimeOffset(2026, 7, 15, 8, 0, 0, TimeSpan.Zero));

        // Assert
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 8, 0, 0, TimeSpan.Zero), instant);
        Assert.Equal(new DateTime(2026, 7, 15, 8, 0, 0), local);
    }

    [Fact]
    public void TimeZone_KnownId_IsThatZone()
    {
        // Arrange
        var settings = new RunnerSettings { TimeZoneId = Berlin };

        // Act
        var zone = settings.TimeZone;

        // Assert
        Assert.Equal(Berlin, zone.Id);
        Assert.Equal(TimeSpan.FromHours(1), zone.BaseUtcOffset);
    }

    [Fact]
    public void FromLocal_TimeSkippedByAHalfHourChange_LandsAsFarPastTheChange()
    {
        // Arrange: on 4 October 2026 Lord Howe Island's clocks jump from 02:00 to 02:30 (+10:30 to +11:00).
        var settings = new RunnerSettings { TimeZoneId = "Australia/Lord_Howe" };
        var skipped = new DateTime(2026, 10, 4, 2, 15, 0);

        // Act
        var instant = settings.FromLocal(skipped);

        // Assert: 02:15 read at +10:30 is 15:45 UTC the day before, which the wall clock shows as 02:45.
        Assert.Equal(new DateTimeOffset(2026, 10, 3, 15, 45, 0, TimeSpan.Zero), instant);
        Assert.Equal(new DateTime(2026, 10, 4, 2, 45, 0), settings.ToLocal(instant!.Value));
    }

    [Theory]
    [InlineData("Europe/Berlin", 1, 1, 1, 0, 30)]
    [InlineData("America/New_York", 9999, 12, 31, 23, 30)]
    public void FromLocal_TimeAtTheEdgeOfTheCalendar_NullInsteadOfThrowing(string zone, int year, int month, int day, int hour, int minute)
    {
        var settings = new RunnerSettings { TimeZoneId = zone };

        var instant = settings.FromLocal(new DateTime(year, month, day, hour, minute, 0));

        Assert.Null(instant);
    }
}
