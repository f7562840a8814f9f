using Backstride.Core.CheckIns;

namespace Backstride.Core.Tests.CheckIns;

public sealed class CheckInHistoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static readonly Guid LowId = new("00000000-0000-0000-0000-000000000001");
    private static readonly Guid HighId = new("00000000-0000-0000-0000-000000000002");

    private static CheckIn CheckInFor(Guid? runId, DateTimeOffset recordedAt, Guid? id = null) => new()
    {
        Id = id ?? Guid.CreateVersion7(),
        RunId = runId,
        RecordedAt = recordedAt,
        Pain = 4,
        Stiffness = Stiffness.Mild,
        LegSpread = LegSpread.No,
    };

    [Fact]
    public void IsFollowUp_FirstCheckInOfRun_NotFollowUp()
    {
        // Arrange
        var runId = Guid.CreateVersion7();
        var first = CheckInFor(runId, Now.AddHours(-3));
        var later = CheckInFor(runId, Now.AddHours(-1));

        // Act
        var isFollowUp = CheckInHistory.IsFollowUp(first, [first, later]);

        // Assert
        Assert.False(isFollowUp);
    }

    [Fact]
    public void IsFollowUp_LaterCheckInOfRun_IsFollowUp()
    {
        // Arrange
        var runId = Guid.CreateVersion7();
        var first = CheckInFor(runId, Now.AddHours(-3));
        var later = CheckInFor(runId, Now.AddHours(-1));

        // Act
        var isFollowUp = CheckInHistory.IsFollowUp(later, [first, later]);

        // Assert
        Assert.True(isFollowUp);
    }

    [Fact]
    public void IsFollowUp_ThirdCheckInOfRun_IsFollowUp()
    {
        // Arrange
        var runId = Guid.CreateVersion7();
        var first = CheckInFor(runId, Now.AddHours(-30));
        var second = CheckInFor(runId, Now.AddHours(-24));
        var third = CheckInFor(runId, Now.AddHours(-1));

        // Act
        var isFollowUp = CheckInHistory.IsFollowUp(third, [third, second, first]);

        // Assert
        Assert.True(isFollowUp);
    }

    [Fact]
    public void IsFollowUp_OnlyCheckInOfRun_NotFollowUp()
    {
        // Arrange
        var only = CheckInFor(Guid.CreateVersion7(), Now.AddHours(-1));

        // Act
        var isFollowUp = CheckInHistory.IsFollowUp(only, [only]);

        // Assert
        Assert.False(isFollowUp);
    }

    [Fact]
    public void IsFollowUp_NoOtherCheckIns_NotFollowUp()
    {
        // Arrange
        var only = CheckInFor(Guid.CreateVersion7(), Now.AddHours(-1));

        // Act
        var isFollowUp = CheckInHistory.IsFollowUp(only, []);

        // Assert
        Assert.False(isFollowUp);
    }

    [Fact]
    public void IsFollowUp_StandaloneAfterEarlierStandalone_NeverFollowUp()
    {
        // Arrange
        var earlier = CheckInFor(null, Now.AddDays(-2));
        var later = CheckInFor(null, Now.AddHours(-1));

        // Act
        var isFollowUp = CheckInHistory.IsFollowUp(later, [earlier, later]);

        // Assert
        Assert.False(isFollowUp);
    }

    [Fact]
    public void IsFollowUp_StandaloneAfterRunCheckIns_NeverFollowUp()
    {
        // Arrange
        var forRun = CheckInFor(Guid.CreateVersion7(), Now.AddDays(-2));
        var standalone = CheckInFor(null, Now.AddHours(-1));

        // Act
        var isFollowUp = CheckInHistory.IsFollowUp(standalone, [forRun, standalone]);

        // Assert
        Assert.False(isFollowUp);
    }

    [Fact]
    public void IsFollowUp_EarlierCheckInOfAnotherRun_DoesNotCount()
    {
        // Arrange
        var yesterdaysRun = CheckInFor(Guid.CreateVersion7(), Now.AddDays(-1));
        var todaysFirst = CheckInFor(Guid.CreateVersion7(), Now.AddHours(-1));

        // Act
        var isFollowUp = CheckInHistory.IsFollowUp(todaysFirst, [yesterdaysRun, todaysFirst]);

        // Assert
        Assert.False(isFollowUp);
    }

    [Fact]
    public void IsFollowUp_SameRecordedAt_LowerIdCountsAsFirst()
    {
        // Arrange
        var runId = Guid.CreateVersion7();
        var at = Now.AddHours(-1);
        var low = CheckInFor(runId, at, LowId);
        var high = CheckInFor(runId, at, HighId);

        // Act
        var lowIsFollowUp = CheckInHistory.IsFollowUp(low, [high, low]);
        var highIsFollowUp = CheckInHistory.IsFollowUp(high, [high, low]);

        // Assert: exactly one of the two is "the" check-in.
        Assert.False(lowIsFollowUp);
        Assert.True(highIsFollowUp);
    }

    [Fact]
    public void IsFollowUp_SameInstantInDifferentOffsets_TieBrokenById()
    {
        // Arrange: the same instant written in UTC and in Berlin time.
        var runId = Guid.CreateVersion7();
        var low = CheckInFor(runId, new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero), LowId);
        var high = CheckInFor(runId, new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(1)), HighId);

        // Act
        var lowIsFollowUp = CheckInHistory.IsFollowUp(low, [low, high]);
        var highIsFollowUp = CheckInHistory.IsFollowUp(high, [low, high]);

        // Assert
        Assert.False(lowIsFollowUp);
        Assert.True(highIsFollowUp);
    }

    [Fact]
    public void IsFollowUp_LaterCheckInBackDatedBeforeFirst_BecomesTheFirst()
    {
        // Arrange: the follow-up is edited to a time before the original check-in.
        var runId = Guid.CreateVersion7();
        var original = CheckInFor(runId, Now.AddHours(-2));
        var backDated = CheckInFor(runId, Now.AddHours(-3));

        // Act
        var originalIsFollowUp = CheckInHistory.IsFollowUp(original, [original, backDated]);
        var backDatedIsFollowUp = CheckInHistory.IsFollowUp(backDated, [original, backDated]);

        // Assert
        Assert.True(originalIsFollowUp);
        Assert.False(backDatedIsFollowUp);
    }

    [Fact]
    public void IsFollowUp_EarlierCopyOfItself_NotCountedAgainstItself()
    {
        // Arrange: the stored version of the same check-in, from before an edit moved it later.
        var runId = Guid.CreateVersion7();
        var id = Guid.CreateVersion7();
        var stored = CheckInFor(runId, Now.AddHours(-3), id);
        var edited = CheckInFor(runId, Now.AddHours(-1), id);

        // Act
        var isFollowUp = CheckInHistory.IsFollowUp(edited, [stored]);

        // Assert
        Assert.False(isFollowUp);
    }
}
