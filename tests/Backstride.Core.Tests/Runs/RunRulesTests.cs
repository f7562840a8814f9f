using static Backstride.Core.Tests.Validation.ValidationAssert;
using Backstride.Core.Runs;
using Backstride.Core.Units;
using Backstride.Core.Validation;

namespace Backstride.Core.Tests.Runs;

public sealed class RunRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A 10 km road run at 5:00 /km that finished an hour ago; a fresh instance each call.</summary>
    private static RunDraft ValidDraft() => new(
        StartedAt: Now.AddHours(-2),
        DistanceMetres: 10_000,
        Duration: TimeSpan.FromMinutes(50),
        Surface: Surface.Road,
        ShoeName: "Pegasus 40",
        StretchedBefore: true,
        Effort: 6,
        Notes: "Lower back tight on the last hill.");

    [Fact]
    public void Validate_ValidRun_Passes()
    {
        // Arrange
        var draft = ValidDraft();

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        AssertValid(errors);
    }

    [Fact]
    public void Validate_MinimalRunWithoutOptionalAnswers_Passes()
    {
        // Arrange
        var draft = new RunDraft(Now.AddDays(-1), 5_000, TimeSpan.FromMinutes(30), Surface.Trail,
            ShoeName: null, StretchedBefore: false, Effort: null, Notes: null);

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        AssertValid(errors);
    }

    // --- start ---

    [Fact]
    public void Validate_StartMissing_RefusedOnStartedAt()
    {
        // Arrange
        var draft = ValidDraft() with { StartedAt = null };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        Assert.Equal("Enter when the run started.", SingleErrorOn(errors, RunRules.StartedAtField));
    }

    [Theory]
    [InlineData(61)]
    [InlineData(120)]
    [InlineData(86_400)]
    public void Validate_StartInFutureBeyondTolerance_RefusedOnStartedAt(int secondsAhead)
    {
        // Arrange
        var draft = ValidDraft() with { StartedAt = Now.AddSeconds(secondsAhead) };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        Assert.Equal("The start can't be in the future.", SingleErrorOn(errors, RunRules.StartedAtField));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(60)]
    public void Validate_StartWithinOneMinuteAhead_AcceptedForClockSkew(int secondsAhead)
    {
        // Arrange
        // A 50-minute run whose end is up to a minute ahead of the server's clock.
        var draft = ValidDraft() with { StartedAt = Now.AddMinutes(-50).AddSeconds(secondsAhead) };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        AssertValid(errors);
    }

    [Fact]
    public void Validate_StartInLocalOffset_ComparedAsAnInstant()
    {
        // Arrange: 50-minute runs; one ends 30 s after Now (09:10:30 +01:00 start), one 30 min after (09:40 +01:00).
        var berlin = TimeSpan.FromHours(1);
        var slightlyAhead = ValidDraft() with { StartedAt = new DateTimeOffset(2026, 11, 26, 9, 10, 30, berlin) };
        var farAhead = ValidDraft() with { StartedAt = new DateTimeOffset(2026, 11, 26, 9, 40, 0, berlin) };

        // Act
        var slightlyAheadErrors = RunRules.Validate(slightlyAhead, Now);
        var farAheadErrors = RunRules.Validate(farAhead, Now);

        // Assert
        AssertValid(slightlyAheadErrors);
        SingleErrorOn(farAheadErrors, RunRules.StartedAtField);
    }

    [Fact]
    public void Validate_StartBefore1970_RefusedOnStartedAt()
    {
        // Arrange
        var draft = ValidDraft() with { StartedAt = new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.Zero) };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        Assert.Equal("Enter a start date from 1970 on.", SingleErrorOn(errors, RunRules.StartedAtField));
    }

    [Fact]
    public void Validate_StartAtMinValue_RefusedOnStartedAt()
    {
        // Arrange
        var draft = ValidDraft() with { StartedAt = DateTimeOffset.MinValue };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        SingleErrorOn(errors, RunRules.StartedAtField);
    }

    [Fact]
    public void Validate_StartOnFirstOfJanuary1970_Accepted()
    {
        // Arrange
        var draft = ValidDraft() with { StartedAt = new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero) };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        AssertValid(errors);
    }

    // --- distance ---

    [Fact]
    public void Validate_DistanceMissing_RefusedOnDistance()
    {
        // Arrange
        var draft = ValidDraft() with { DistanceMetres = null };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        Assert.Equal("Enter the distance.", SingleErrorOn(errors, RunRules.DistanceField));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(-10_000.0)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Validate_DistanceZeroNegativeOrNaN_RefusedOnDistance(double metres)
    {
        // Arrange
        var draft = ValidDraft() with { DistanceMetres = metres };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        Assert.Equal("The distance must be more than zero.", SingleErrorOn(errors, RunRules.DistanceField));
    }

    [Theory]
    [InlineData(500_001.0)]
    [InlineData(5_000_000.0)]
    [InlineData(double.PositiveInfinity)]
    public void Validate_DistanceOver500Kilometres_RefusedOnDistanceOnly(double metres)
    {
        // Arrange: a missing decimal point; the pace check must not pile a second error on the duration.
        var draft = ValidDraft() with { DistanceMetres = metres };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        Assert.Equal("That distance is longer than any run we can log (500 km at most).",
            SingleErrorOn(errors, RunRules.DistanceField));
        Assert.Empty(errors.For(RunRules.DurationField));
    }

    [Fact]
    public void Validate_Distance500KilometresOverFourDays_Accepted()
    {
        // Arrange
        var draft = ValidDraft() with { StartedAt = Now.AddDays(-6), DistanceMetres = 500_000, Duration = TimeSpan.FromHours(100) };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        AssertValid(errors);
    }

    // --- duration ---

    [Fact]
    public void Validate_DurationMissing_RefusedOnDuration()
    {
        // Arrange
        var draft = ValidDraft() with { Duration = null };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        Assert.Equal("Enter how long the run took.", SingleErrorOn(errors, RunRules.DurationField));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-3_000)]
    public void Validate_DurationZeroOrNegative_RefusedOnDuration(int seconds)
    {
        // Arrange
        var draft = ValidDraft() with { Duration = TimeSpan.FromSeconds(seconds) };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        Assert.Equal("The duration must be more than zero.", SingleErrorOn(errors, RunRules.DurationField));
    }

    [Fact]
    public void Validate_DurationOver120Hours_RefusedOnDuration()
    {
        // Arrange
        var draft = ValidDraft() with { Duration = TimeSpan.FromHours(120) + TimeSpan.FromSeconds(1) };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        Assert.Equal("That duration is longer than any run we can log (120 hours at most).",
            SingleErrorOn(errors, RunRules.DurationField));
    }

    [Fact]
    public void Validate_DurationClampedFromAbsurdSeconds_RefusedOnDuration()
    {
        // Arrange: what the API builds from a duration of 1e15 seconds.
        var draft = ValidDraft() with { Duration = Durations.FromSeconds(1e15) };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        SingleErrorOn(errors, RunRules.DurationField);
    }

    [Fact]
    public void Validate_DurationExactly120Hours_Accepted()
    {
        // Arrange
        var draft = ValidDraft() with { StartedAt = Now.AddDays(-6), DistanceMetres = 322_000, Duration = TimeSpan.FromHours(120) };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        AssertValid(errors);
    }

    // --- plausible pace ---

    [Theory]
    [InlineData(10_000.0, 19)] // 1:54 /km
    [InlineData(100_000.0, 50)] // minutes typed as hours, or an extra zero
    [InlineData(42_195.0, 60)]
    public void Validate_FasterThanTwoMinutesPerKilometre_RefusedOnDuration(double metres, int minutes)
    {
        // Arrange
        var draft = ValidDraft() with { DistanceMetres = metres, Duration = TimeSpan.FromMinutes(minutes) };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        Assert.Equal("That is faster than 2:00 per km. Check the distance and the duration.",
            SingleErrorOn(errors, RunRules.DurationField));
        Assert.Empty(errors.For(RunRules.DistanceField));
    }

    [Theory]
    [InlineData(10_000.0, 25)] // 2:30 /km
    [InlineData(10_000.0, 20)] // exactly 2:00 /km
    [InlineData(42_195.0, 121)] // a world-class marathon
    public void Validate_TwoMinutesPerKilometreOrSlower_Accepted(double metres, int minutes)
    {
        // Arrange
        var draft = ValidDraft() with { DistanceMetres = metres, Duration = TimeSpan.FromMinutes(minutes) };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        AssertValid(errors);
    }

    [Fact]
    public void Validate_DistanceMissingWithShortDuration_NoPaceErrorOnDuration()
    {
        // Arrange
        var draft = ValidDraft() with { DistanceMetres = null, Duration = TimeSpan.FromSeconds(1) };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        SingleErrorOn(errors, RunRules.DistanceField);
        Assert.Empty(errors.For(RunRules.DurationField));
    }

    // --- surface ---

    [Fact]
    public void Validate_SurfaceMissing_RefusedOnSurface()
    {
        // Arrange
        var draft = ValidDraft() with { Surface = null };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        Assert.Equal("Choose the surface.", SingleErrorOn(errors, RunRules.SurfaceField));
    }

    [Theory]
    [InlineData(99)]
    [InlineData(5)]
    [InlineData(-1)]
    public void Validate_SurfaceUndefined_RefusedOnSurface(int value)
    {
        // Arrange
        var draft = ValidDraft() with { Surface = (Surface)value };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        SingleErrorOn(errors, RunRules.SurfaceField);
    }

    [Theory]
    [InlineData(Surface.Road)]
    [InlineData(Surface.Trail)]
    [InlineData(Surface.Track)]
    [InlineData(Surface.Treadmill)]
    [InlineData(Surface.Other)]
    public void Validate_EachSurface_Accepted(Surface surface)
    {
        // Arrange
        var draft = ValidDraft() with { Surface = surface };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        AssertValid(errors);
    }

    // --- effort ---

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(-1)]
    public void Validate_EffortOutsideOneToTen_RefusedOnEffort(int effort)
    {
        // Arrange
        var draft = ValidDraft() with { Effort = effort };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        Assert.Equal("Effort is from 1 (very easy) to 10 (all out).", SingleErrorOn(errors, RunRules.EffortField));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(10)]
    public void Validate_EffortSkippedOrOneToTen_Accepted(int? effort)
    {
        // Arrange
        var draft = ValidDraft() with { Effort = effort };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        AssertValid(errors);
    }

    // --- shoes ---

    [Fact]
    public void Validate_ShoeNameOver80Characters_RefusedOnShoes()
    {
        // Arrange
        var draft = ValidDraft() with { ShoeName = new string('x', 81) };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        Assert.Equal("Keep the shoe name to 80 characters.", SingleErrorOn(errors, RunRules.ShoesField));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(80)]
    public void Validate_ShoeNameUpTo80Characters_Accepted(int length)
    {
        // Arrange
        var draft = ValidDraft() with { ShoeName = new string('x', length) };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        AssertValid(errors);
    }

    // --- notes ---

    [Fact]
    public void Validate_NotesOver10000Characters_RefusedOnNotesWithBothCounts()
    {
        // Arrange
        var draft = ValidDraft() with { Notes = new string('n', 10_001) };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        Assert.Equal("Notes can be up to 10,000 characters; these have 10,001.",
            SingleErrorOn(errors, RunRules.NotesField));
    }

    [Theory]
    [InlineData(4_000)]
    [InlineData(10_000)]
    public void Validate_NotesUpTo10000Characters_Accepted(int length)
    {
        // Arrange
        var draft = ValidDraft() with { Notes = new string('n', length) };

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        AssertValid(errors);
    }

    // --- several problems ---

    [Fact]
    public void Validate_EmptyForm_EveryRequiredFieldReported()
    {
        // Arrange
        var draft = new RunDraft(null, null, null, null, null, false, null, null);

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        Assert.False(errors.IsValid);
        Assert.Equal(
            new[] { RunRules.StartedAtField, RunRules.DistanceField, RunRules.DurationField, RunRules.SurfaceField }
                .Order(StringComparer.Ordinal),
            errors.Fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_SeveralProblems_AllReportedAtOnceEachOnItsField()
    {
        // Arrange
        var draft = new RunDraft(
            StartedAt: Now.AddDays(1),
            DistanceMetres: -5,
            Duration: TimeSpan.Zero,
            Surface: (Surface)99,
            ShoeName: new string('s', 81),
            StretchedBefore: false,
            Effort: 11,
            Notes: new string('n', 10_001));

        // Act
        var errors = RunRules.Validate(draft, Now);

        // Assert
        Assert.Equal(
            new[]
            {
                RunRules.StartedAtField, RunRules.DistanceField, RunRules.DurationField, RunRules.SurfaceField,
                RunRules.ShoesField, RunRules.EffortField, RunRules.NotesField,
            }.Order(StringComparer.Ordinal),
            errors.Fields.Order(StringComparer.Ordinal));
        Assert.All(errors.Fields, field => Assert.Single(errors.For(field)));
    }

    [Fact]
    public void Validate_FieldNames_MatchTheInputModel()
    {
        // Assert: the names are what the form and the API put errors under.
        Assert.Equal("StartedAt", RunRules.StartedAtField);
        Assert.Equal("Distance", RunRules.DistanceField);
        Assert.Equal("Duration", RunRules.DurationField);
        Assert.Equal("Surface", RunRules.SurfaceField);
        Assert.Equal("Shoes", RunRules.ShoesField);
        Assert.Equal("Effort", RunRules.EffortField);
        Assert.Equal("Notes", RunRules.NotesField);
    }

    [Theory]
    [InlineData(0.0001)]
    [InlineData(9.99)]
    public void Validate_DistanceUnderTenMetres_RefusedOnDistance(double metres)
    {
        var draft = ValidDraft() with { DistanceMetres = metres };

        var message = SingleErrorOn(RunRules.Validate(draft, Now), RunRules.DistanceField);

        Assert.Equal("Enter at least 0.01 km (10 metres).", message);
    }

    [Fact]
    public void Validate_NotesAtTheLimitWithATrailingLineBreak_AcceptedBecauseTheStoredTextFits()
    {
        var draft = ValidDraft() with { Notes = new string('n', RunRules.MaxNotesLength) + "\n" };

        AssertValid(RunRules.Validate(draft, Now));
    }

    [Fact]
    public void Validate_RunThatWouldEndInTheFuture_RefusedOnStartedAt()
    {
        var draft = ValidDraft() with { StartedAt = Now.AddMinutes(-30), Duration = TimeSpan.FromMinutes(50) };

        var message = SingleErrorOn(RunRules.Validate(draft, Now), RunRules.StartedAtField);

        Assert.Contains("would end in the future", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RunEndingJustNow_Accepted()
    {
        var draft = ValidDraft() with { StartedAt = Now.AddMinutes(-50), Duration = TimeSpan.FromMinutes(50) };

        AssertValid(RunRules.Validate(draft, Now));
    }
}
