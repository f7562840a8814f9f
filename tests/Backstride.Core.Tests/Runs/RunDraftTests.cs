using Backstride.Core.Runs;

namespace Backstride.Core.Tests.Runs;

public sealed class RunDraftTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static RunDraft ValidDraft() => new(
        StartedAt: Now.AddHours(-2),
        DistanceMetres: 10_000,
        Duration: TimeSpan.FromMinutes(50),
        Surface: Surface.Trail,
        ShoeName: "Pegasus 40",
        StretchedBefore: true,
        Effort: 7,
        Notes: "Sore lower back after the descent.");

    [Fact]
    public void ApplyTo_StartWithOffset_StoredAsSameInstantInUtc()
    {
        // Arrange: 08:30 in Berlin summer time.
        var draft = ValidDraft() with { StartedAt = new DateTimeOffset(2026, 7, 15, 8, 30, 0, TimeSpan.FromHours(2)) };
        var run = new Run();

        // Act
        draft.ApplyTo(run);

        // Assert
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 6, 30, 0, TimeSpan.Zero), run.StartedAt);
        Assert.Equal(TimeSpan.Zero, run.StartedAt.Offset);
        Assert.Equal(new DateTime(2026, 7, 15, 6, 30, 0), run.StartedAt.DateTime);
    }

    [Fact]
    public void ApplyTo_ValidDraft_CopiesEveryAnswer()
    {
        // Arrange
        var draft = ValidDraft();
        var run = new Run();

        // Act
        draft.ApplyTo(run);

        // Assert
        Assert.Equal(Now.AddHours(-2), run.StartedAt);
        Assert.Equal(10_000.0, run.DistanceMetres);
        Assert.Equal(TimeSpan.FromMinutes(50), run.Duration);
        Assert.Equal(Surface.Trail, run.Surface);
        Assert.True(run.StretchedBefore);
        Assert.Equal(7, run.Effort);
        Assert.Equal("Sore lower back after the descent.", run.Notes);
    }

    [Theory]
    [InlineData("  Sore after the hills  ", "Sore after the hills")]
    [InlineData("\tStiff in the morning\n", "Stiff in the morning")]
    [InlineData("No pain", "No pain")]
    [InlineData("Line one\nLine two", "Line one\nLine two")]
    public void ApplyTo_Notes_StoredTrimmed(string notes, string expected)
    {
        // Arrange
        var draft = ValidDraft() with { Notes = notes };
        var run = new Run();

        // Act
        draft.ApplyTo(run);

        // Assert
        Assert.Equal(expected, run.Notes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t ")]
    public void ApplyTo_BlankNotes_StoredAsNull(string? notes)
    {
        // Arrange
        var draft = ValidDraft() with { Notes = notes };
        var run = new Run();

        // Act
        draft.ApplyTo(run);

        // Assert
        Assert.Null(run.Notes);
    }

    [Fact]
    public void ApplyTo_EditClearingOptionalAnswers_ClearsThemOnTheRun()
    {
        // Arrange: a run saved earlier with effort and notes, edited to skip both.
        var run = new Run { Effort = 4, Notes = "Old notes", StretchedBefore = true };
        var draft = ValidDraft() with { Effort = null, Notes = "  ", StretchedBefore = false };

        // Act
        draft.ApplyTo(run);

        // Assert
        Assert.Null(run.Effort);
        Assert.Null(run.Notes);
        Assert.False(run.StretchedBefore);
    }

    [Fact]
    public void ApplyTo_ExistingRun_KeepsIdentityAndOwner()
    {
        // Arrange
        var id = Guid.CreateVersion7();
        var userId = Guid.CreateVersion7();
        var run = new Run { Id = id, UserId = userId };

        // Act
        ValidDraft().ApplyTo(run);

        // Assert
        Assert.Equal(id, run.Id);
        Assert.Equal(userId, run.UserId);
    }
}
