using static Backstride.Core.Tests.Validation.ValidationAssert;
using Backstride.Core.CheckIns;
using Backstride.Core.Runs;
using Backstride.Core.Validation;

namespace Backstride.Core.Tests.CheckIns;

public sealed class CheckInRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A standalone check-in an hour ago: mild central pain that stays in the back.</summary>
    private static CheckInDraft ValidStandalone() => new(
        RunId: null,
        RecordedAt: Now.AddHours(-1),
        Pain: 3,
        Locations: PainLocation.Centre | PainLocation.Left,
        Stiffness: Stiffness.Mild,
        LegSpread: LegSpread.No,
        LegsAffected: null,
        Onset: PainOnset.HoursLater,
        Notes: "Ached after sitting at my desk.");

    /// <summary>A 10 km run that started three hours ago.</summary>
    private static Run RunStartedThreeHoursAgo() => new()
    {
        UserId = Guid.CreateVersion7(),
        StartedAt = Now.AddHours(-3),
        DistanceMetres = 10_000,
        Duration = TimeSpan.FromMinutes(50),
        Surface = Surface.Road,
    };

    private static CheckInDraft ValidFor(Run run) =>
        ValidStandalone() with { RunId = run.Id, RecordedAt = run.StartedAt.AddHours(2), Onset = PainOnset.RightAfter };

    [Fact]
    public void Validate_ValidStandalone_Passes()
    {
        // Arrange
        var draft = ValidStandalone();

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        AssertValid(errors);
    }

    [Fact]
    public void Validate_ValidForRun_Passes()
    {
        // Arrange
        var run = RunStartedThreeHoursAgo();
        var draft = ValidFor(run);

        // Act
        var errors = CheckInRules.Validate(draft, run, Now);

        // Assert
        AssertValid(errors);
    }

    // --- run ---

    [Fact]
    public void Validate_RunIdGivenButRunNotFound_RefusedOnRun()
    {
        // Arrange: the run was deleted, or belongs to someone else, so the lookup found nothing.
        var draft = ValidStandalone() with { RunId = Guid.CreateVersion7() };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        Assert.Equal("That run isn't in your diary any more. Choose another run or none.",
            SingleErrorOn(errors, CheckInRules.RunField));
    }

    // --- when ---

    [Fact]
    public void Validate_RecordedAtMissing_RefusedOnRecordedAt()
    {
        // Arrange
        var draft = ValidStandalone() with { RecordedAt = null };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        Assert.Equal("Enter when you felt this.", SingleErrorOn(errors, CheckInRules.RecordedAtField));
    }

    [Fact]
    public void Validate_RecordedBeforeRunStarted_RefusedOnRecordedAt()
    {
        // Arrange
        var run = RunStartedThreeHoursAgo();
        var draft = ValidFor(run) with { RecordedAt = run.StartedAt.AddMinutes(-1) };

        // Act
        var errors = CheckInRules.Validate(draft, run, Now);

        // Assert
        Assert.Equal("A check-in for a run can't be before the run started.",
            SingleErrorOn(errors, CheckInRules.RecordedAtField));
    }

    [Fact]
    public void Validate_RecordedBeforeRunStartedInAnotherOffset_RefusedOnRecordedAt()
    {
        // Arrange: 06:59 at +01:00 is 05:59 UTC, a minute before the 06:00 UTC start.
        var run = RunStartedThreeHoursAgo();
        var draft = ValidFor(run) with { RecordedAt = new DateTimeOffset(2026, 11, 26, 6, 59, 0, TimeSpan.FromHours(1)) };

        // Act
        var errors = CheckInRules.Validate(draft, run, Now);

        // Assert
        SingleErrorOn(errors, CheckInRules.RecordedAtField);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    public void Validate_RecordedAtOrDuringRun_Accepted(int minutesAfterStart)
    {
        // Arrange: pain that started during the run is logged against it.
        var run = RunStartedThreeHoursAgo();
        var draft = ValidFor(run) with
        {
            RecordedAt = run.StartedAt.AddMinutes(minutesAfterStart),
            Onset = PainOnset.During,
        };

        // Act
        var errors = CheckInRules.Validate(draft, run, Now);

        // Assert
        AssertValid(errors);
    }

    [Fact]
    public void Validate_StandaloneRecordedLongAgo_Accepted()
    {
        // Arrange: without a run there is no start to be after.
        var draft = ValidStandalone() with { RecordedAt = new DateTimeOffset(2020, 1, 1, 8, 0, 0, TimeSpan.Zero) };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        AssertValid(errors);
    }

    [Theory]
    [InlineData(61)]
    [InlineData(3_600)]
    public void Validate_RecordedInFuture_RefusedOnRecordedAt(int secondsAhead)
    {
        // Arrange
        var draft = ValidStandalone() with { RecordedAt = Now.AddSeconds(secondsAhead) };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        Assert.Equal("A check-in can't be in the future.", SingleErrorOn(errors, CheckInRules.RecordedAtField));
    }

    [Fact]
    public void Validate_RecordedInFutureForRun_RefusedOnRecordedAt()
    {
        // Arrange
        var run = RunStartedThreeHoursAgo();
        var draft = ValidFor(run) with { RecordedAt = Now.AddHours(1) };

        // Act
        var errors = CheckInRules.Validate(draft, run, Now);

        // Assert
        Assert.Equal("A check-in can't be in the future.", SingleErrorOn(errors, CheckInRules.RecordedAtField));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(60)]
    public void Validate_RecordedWithinOneMinuteAhead_AcceptedForClockSkew(int secondsAhead)
    {
        // Arrange
        var draft = ValidStandalone() with { RecordedAt = Now.AddSeconds(secondsAhead) };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        AssertValid(errors);
    }

    // --- pain ---

    [Fact]
    public void Validate_PainMissing_RefusedOnPain()
    {
        // Arrange
        var draft = ValidStandalone() with { Pain = null };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        Assert.Equal("Choose how much your back hurts, from 0 to 10.", SingleErrorOn(errors, CheckInRules.PainField));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    [InlineData(100)]
    public void Validate_PainOffTheScale_RefusedOnPain(int pain)
    {
        // Arrange
        var draft = ValidStandalone() with { Pain = pain };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        Assert.Equal("Pain is from 0 (no pain) to 10 (worst imaginable).", SingleErrorOn(errors, CheckInRules.PainField));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(10)]
    public void Validate_PainOnTheScale_Accepted(int pain)
    {
        // Arrange
        var draft = ValidStandalone() with { Pain = pain };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        AssertValid(errors);
    }

    // --- where ---

    [Theory]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(65)] // Centre plus an unknown bit
    [InlineData(-1)]
    public void Validate_LocationsWithUndefinedBit_RefusedOnLocations(int value)
    {
        // Arrange
        var draft = ValidStandalone() with { Locations = (PainLocation)value };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        Assert.Equal("Choose where it hurts from the list.", SingleErrorOn(errors, CheckInRules.LocationsField));
    }

    [Theory]
    [InlineData(PainLocation.None)]
    [InlineData(PainLocation.Centre)]
    [InlineData(PainLocation.Buttock | PainLocation.DownALeg)]
    [InlineData(PainLocation.Centre | PainLocation.Left | PainLocation.Right | PainLocation.Buttock | PainLocation.DownALeg)]
    public void Validate_LocationsFromTheList_Accepted(PainLocation locations)
    {
        // Arrange
        var draft = ValidStandalone() with { Locations = locations };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        AssertValid(errors);
    }

    // --- stiffness ---

    [Fact]
    public void Validate_StiffnessMissing_RefusedOnStiffness()
    {
        // Arrange
        var draft = ValidStandalone() with { Stiffness = null };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        Assert.Equal("Choose how stiff your back is.", SingleErrorOn(errors, CheckInRules.StiffnessField));
    }

    [Fact]
    public void Validate_StiffnessUndefined_RefusedOnStiffness()
    {
        // Arrange
        var draft = ValidStandalone() with { Stiffness = (Stiffness)9 };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        SingleErrorOn(errors, CheckInRules.StiffnessField);
    }

    [Theory]
    [InlineData(Stiffness.None)]
    [InlineData(Stiffness.Mild)]
    [InlineData(Stiffness.Moderate)]
    [InlineData(Stiffness.Severe)]
    public void Validate_EachStiffness_Accepted(Stiffness stiffness)
    {
        // Arrange
        var draft = ValidStandalone() with { Stiffness = stiffness };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        AssertValid(errors);
    }

    // --- leg spread and which legs ---

    [Fact]
    public void Validate_LegSpreadMissing_RefusedOnLegSpreadOnly()
    {
        // Arrange
        var draft = ValidStandalone() with { LegSpread = null, LegsAffected = null };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        Assert.Equal("Say whether the pain spreads into a leg.", SingleErrorOn(errors, CheckInRules.LegSpreadField));
    }

    [Fact]
    public void Validate_LegSpreadUndefined_RefusedOnLegSpread()
    {
        // Arrange
        var draft = ValidStandalone() with { LegSpread = (LegSpread)7, LegsAffected = LegsAffected.OneLeg };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        SingleErrorOn(errors, CheckInRules.LegSpreadField);
    }

    [Theory]
    [InlineData(LegSpread.ButtockOrThigh)]
    [InlineData(LegSpread.BelowKnee)]
    public void Validate_LegSpreadWithoutWhichLegs_RefusedOnLegsAffected(LegSpread spread)
    {
        // Arrange: both legs is a red flag, so the answer is never assumed.
        var draft = ValidStandalone() with { LegSpread = spread, LegsAffected = null };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        Assert.Equal("Say whether it is one leg or both.", SingleErrorOn(errors, CheckInRules.LegsAffectedField));
        Assert.Empty(errors.For(CheckInRules.LegSpreadField));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Validate_LegSpreadWithUndefinedLegs_RefusedOnLegsAffected(int value)
    {
        // Arrange
        var draft = ValidStandalone() with { LegSpread = LegSpread.BelowKnee, LegsAffected = (LegsAffected)value };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        SingleErrorOn(errors, CheckInRules.LegsAffectedField);
    }

    [Theory]
    [InlineData(LegSpread.ButtockOrThigh, LegsAffected.OneLeg)]
    [InlineData(LegSpread.ButtockOrThigh, LegsAffected.BothLegs)]
    [InlineData(LegSpread.BelowKnee, LegsAffected.OneLeg)]
    [InlineData(LegSpread.BelowKnee, LegsAffected.BothLegs)]
    public void Validate_LegSpreadWithWhichLegs_Accepted(LegSpread spread, LegsAffected legs)
    {
        // Arrange
        var draft = ValidStandalone() with
        {
            Locations = PainLocation.Centre | PainLocation.DownALeg,
            LegSpread = spread,
            LegsAffected = legs,
        };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        AssertValid(errors);
    }

    [Fact]
    public void Validate_NoLegSpreadWithoutWhichLegs_Accepted()
    {
        // Arrange
        var draft = ValidStandalone() with { LegSpread = LegSpread.No, LegsAffected = null };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        AssertValid(errors);
    }

    [Fact]
    public void Validate_NoLegSpreadWithStaleWhichLegs_AcceptedAsTheAnswerIsIgnored()
    {
        // Arrange: the form kept "both legs" from before the runner switched back to "No".
        var draft = ValidStandalone() with { LegSpread = LegSpread.No, LegsAffected = LegsAffected.BothLegs };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        AssertValid(errors);
    }

    // --- onset ---

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void Validate_OnsetUndefined_RefusedOnOnset(int value)
    {
        // Arrange
        var draft = ValidStandalone() with { Onset = (PainOnset)value };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        Assert.Equal("Choose when the pain started.", SingleErrorOn(errors, CheckInRules.OnsetField));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(PainOnset.During)]
    [InlineData(PainOnset.RightAfter)]
    [InlineData(PainOnset.HoursLater)]
    public void Validate_OnsetSkippedOrFromTheList_Accepted(PainOnset? onset)
    {
        // Arrange
        var draft = ValidStandalone() with { Onset = onset };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        AssertValid(errors);
    }

    // --- notes ---

    [Fact]
    public void Validate_NotesOver10000Characters_RefusedOnNotesWithBothCounts()
    {
        // Arrange
        var draft = ValidStandalone() with { Notes = new string('n', 10_001) };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        Assert.Equal("Notes can be up to 10,000 characters; these have 10,001.",
            SingleErrorOn(errors, CheckInRules.NotesField));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4_000)] // the product promises at least 4,000
    [InlineData(10_000)]
    public void Validate_NotesUpTo10000Characters_Accepted(int length)
    {
        // Arrange
        var draft = ValidStandalone() with { Notes = new string('n', length) };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        AssertValid(errors);
    }

    [Fact]
    public void Validate_NotesMissing_Accepted()
    {
        // Arrange
        var draft = ValidStandalone() with { Notes = null };

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        AssertValid(errors);
    }

    // --- several problems ---

    [Fact]
    public void Validate_EmptyFormForMissingRun_EveryProblemReportedAtOnce()
    {
        // Arrange
        var draft = new CheckInDraft(Guid.CreateVersion7(), null, null, PainLocation.None, null, null, null, null, null);

        // Act
        var errors = CheckInRules.Validate(draft, run: null, Now);

        // Assert
        Assert.Equal(
            new[]
            {
                CheckInRules.RunField, CheckInRules.RecordedAtField, CheckInRules.PainField,
                CheckInRules.StiffnessField, CheckInRules.LegSpreadField,
            }.Order(StringComparer.Ordinal),
            errors.Fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_SeveralProblems_AllReportedAtOnceEachOnItsField()
    {
        // Arrange
        var run = RunStartedThreeHoursAgo();
        var draft = new CheckInDraft(
            RunId: run.Id,
            RecordedAt: run.StartedAt.AddHours(-1),
            Pain: 11,
            Locations: (PainLocation)64,
            Stiffness: (Stiffness)9,
            LegSpread: LegSpread.BelowKnee,
            LegsAffected: null,
            Onset: (PainOnset)9,
            Notes: new string('n', 10_001));

        // Act
        var errors = CheckInRules.Validate(draft, run, Now);

        // Assert
        Assert.Equal(
            new[]
            {
                CheckInRules.RecordedAtField, CheckInRules.PainField, CheckInRules.LocationsField,
                CheckInRules.StiffnessField, CheckInRules.LegsAffectedField, CheckInRules.OnsetField,
                CheckInRules.NotesField,
            }.Order(StringComparer.Ordinal),
            errors.Fields.Order(StringComparer.Ordinal));
        Assert.All(errors.Fields, field => Assert.Single(errors.For(field)));
    }

    [Fact]
    public void Validate_FieldNames_MatchTheInputModel()
    {
        // Assert: the names are what the form and the API put errors under.
        Assert.Equal("RunId", CheckInRules.RunField);
        Assert.Equal("RecordedAt", CheckInRules.RecordedAtField);
        Assert.Equal("Pain", CheckInRules.PainField);
        Assert.Equal("Locations", CheckInRules.LocationsField);
        Assert.Equal("Stiffness", CheckInRules.StiffnessField);
        Assert.Equal("LegSpread", CheckInRules.LegSpreadField);
        Assert.Equal("LegsAffected", CheckInRules.LegsAffectedField);
        Assert.Equal("Onset", CheckInRules.OnsetField);
        Assert.Equal("Notes", CheckInRules.NotesField);
    }
}
