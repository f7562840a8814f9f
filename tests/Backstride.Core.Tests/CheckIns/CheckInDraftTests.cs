using Backstride.Core.CheckIns;

namespace Backstride.Core.Tests.CheckIns;

public sealed class CheckInDraftTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static CheckInDraft ValidDraft() => new(
        RunId: Guid.CreateVersion7(),
        RecordedAt: Now.AddHours(-1),
        Pain: 6,
        Locations: PainLocation.Left | PainLocation.Buttock | PainLocation.DownALeg,
        Stiffness: Stiffness.Moderate,
        LegSpread: LegSpread.BelowKnee,
        LegsAffected: LegsAffected.OneLeg,
        Onset: PainOnset.RightAfter,
        Notes: "Shooting pain down the left leg.");

    [Fact]
    public void ApplyTo_ValidDraft_CopiesEveryAnswer()
    {
        // Arrange
        var draft = ValidDraft();
        var checkIn = new CheckIn();

        // Act
        draft.ApplyTo(checkIn);

        // Assert
        Assert.Equal(draft.RunId, checkIn.RunId);
        Assert.Equal(Now.AddHours(-1), checkIn.RecordedAt);
        Assert.Equal(6, checkIn.Pain);
        Assert.Equal(PainLocation.Left | PainLocation.Buttock | PainLocation.DownALeg, checkIn.Locations);
        Assert.Equal(Stiffness.Moderate, checkIn.Stiffness);
        Assert.Equal(LegSpread.BelowKnee, checkIn.LegSpread);
        Assert.Equal(LegsAffected.OneLeg, checkIn.LegsAffected);
        Assert.Equal(PainOnset.RightAfter, checkIn.Onset);
        Assert.Equal("Shooting pain down the left leg.", checkIn.Notes);
    }

    [Fact]
    public void ApplyTo_RecordedAtWithOffset_StoredAsSameInstantInUtc()
    {
        // Arrange: 21:15 in New York winter time.
        var draft = ValidDraft() with { RecordedAt = new DateTimeOffset(2026, 11, 25, 21, 15, 0, TimeSpan.FromHours(-5)) };
        var checkIn = new CheckIn();

        // Act
        draft.ApplyTo(checkIn);

        // Assert
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 2, 15, 0, TimeSpan.Zero), checkIn.RecordedAt);
        Assert.Equal(TimeSpan.Zero, checkIn.RecordedAt.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(LegsAffected.OneLeg)]
    [InlineData(LegsAffected.BothLegs)]
    public void ApplyTo_NoLegSpread_ClearsWhichLegs(LegsAffected? legs)
    {
        // Arrange
        var draft = ValidDraft() with { LegSpread = LegSpread.No, LegsAffected = legs };
        var checkIn = new CheckIn();

        // Act
        draft.ApplyTo(checkIn);

        // Assert
        Assert.Equal(LegSpread.No, checkIn.LegSpread);
        Assert.Null(checkIn.LegsAffected);
    }

    [Fact]
    public void ApplyTo_EditToNoLegSpread_ClearsPreviouslyStoredBothLegs()
    {
        // Arrange: a check-in saved with "both legs", edited to "no spread".
        var checkIn = new CheckIn { LegSpread = LegSpread.BelowKnee, LegsAffected = LegsAffected.BothLegs };
        var draft = ValidDraft() with { LegSpread = LegSpread.No, LegsAffected = LegsAffected.BothLegs };

        // Act
        draft.ApplyTo(checkIn);

        // Assert
        Assert.Null(checkIn.LegsAffected);
    }

    [Theory]
    [InlineData(LegSpread.ButtockOrThigh, LegsAffected.OneLeg)]
    [InlineData(LegSpread.BelowKnee, LegsAffected.BothLegs)]
    public void ApplyTo_LegSpread_KeepsWhichLegs(LegSpread spread, LegsAffected legs)
    {
        // Arrange
        var draft = ValidDraft() with { LegSpread = spread, LegsAffected = legs };
        var checkIn = new CheckIn();

        // Act
        draft.ApplyTo(checkIn);

        // Assert
        Assert.Equal(spread, checkIn.LegSpread);
        Assert.Equal(legs, checkIn.LegsAffected);
    }

    [Theory]
    [InlineData("  Tight after the hills  ", "Tight after the hills")]
    [InlineData("\nBetter by lunchtime\t", "Better by lunchtime")]
    [InlineData("Left side\nthen right", "Left side\nthen right")]
    public void ApplyTo_Notes_StoredTrimmed(string notes, string expected)
    {
        // Arrange
        var draft = ValidDraft() with { Notes = notes };
        var checkIn = new CheckIn();

        // Act
        draft.ApplyTo(checkIn);

        // Assert
        Assert.Equal(expected, checkIn.Notes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("    ")]
    [InlineData("\r\n")]
    public void ApplyTo_BlankNotes_StoredAsNull(string? notes)
    {
        // Arrange
        var draft = ValidDraft() with { Notes = notes };
        var checkIn = new CheckIn();

        // Act
        draft.ApplyTo(checkIn);

        // Assert
        Assert.Null(checkIn.Notes);
    }

    [Fact]
    public void ApplyTo_Standalone_ClearsRunAndOnset()
    {
        // Arrange: a check-in moved off its run, with the onset question skipped.
        var checkIn = new CheckIn { RunId = Guid.CreateVersion7(), Onset = PainOnset.During };
        var draft = ValidDraft() with { RunId = null, Onset = null };

        // Act
        draft.ApplyTo(checkIn);

        // Assert
        Assert.Null(checkIn.RunId);
        Assert.Null(checkIn.Onset);
    }

    [Fact]
    public void ApplyTo_ExistingCheckIn_KeepsIdentityAndOwner()
    {
        // Arrange
        var id = Guid.CreateVersion7();
        var userId = Guid.CreateVersion7();
        var checkIn = new CheckIn { Id = id, UserId = userId };

        // Act
        ValidDraft().ApplyTo(checkIn);

        // Assert
        Assert.Equal(id, checkIn.Id);
        Assert.Equal(userId, checkIn.UserId);
    }
}
