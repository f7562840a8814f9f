using Backstride.Core.Plans;

namespace Backstride.Core.Tests.Plans;

/// <summary>Timer arithmetic for a plan step: pauses do not count, and nothing runs past the step's cap.</summary>
public sealed class StepTimerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 21, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan TwentyMinutes = TimeSpan.FromMinutes(20);

    private static PlanStepRecord NewRecord() => new()
    {
        UserId = Guid.CreateVersion7(),
        PlanSessionId = Guid.CreateVersion7(),
        StepId = "ice",
        UpdatedAt = Now,
    };

    private static DateTimeOffset At(int minutes) => Now + TimeSpan.FromMinutes(minutes);

    [Fact]
    public void Remaining_NotStarted_TheFullDuration()
    {
        // Arrange
        var record = NewRecord();

        // Act
        var remaining = StepTimer.Remaining(record, TwentyMinutes, At(30));

        // Assert
        Assert.Equal(TwentyMinutes, remaining);
        Assert.Equal(TimeSpan.Zero, StepTimer.Elapsed(record, At(30)));
    }

    [Fact]
    public void Remaining_Start5MinutesPause3MinutesResume5Minutes_10MinutesOf20Left()
    {
        // Arrange
        var record = NewRecord();
        StepTimer.Start(record, At(0));
        StepTimer.Pause(record, At(5));
        StepTimer.Resume(record, At(8));

        // Act
        var remaining = StepTimer.Remaining(record, TwentyMinutes, At(13));

        // Assert
        Assert.Equal(TimeSpan.FromMinutes(10), remaining);
        Assert.Equal(TimeSpan.FromMinutes(10), StepTimer.Elapsed(record, At(13)));
        Assert.Equal(TimeSpan.FromMinutes(3), record.PausedFor);
        Assert.Null(record.TimerPausedAt);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(60)]
    public void Remaining_WhilePaused_StaysWhereItWasPaused(int minutesLater)
    {
        // Arrange
        var record = NewRecord();
        StepTimer.Start(record, At(0));
        StepTimer.Pause(record, At(5));

        // Act
        var remaining = StepTimer.Remaining(record, TwentyMinutes, At(minutesLater));

        // Assert
        Assert.Equal(TimeSpan.FromMinutes(15), remaining);
    }

    [Fact]
    public void Pause_Twice_TheFirstPauseCounts()
    {
        // Arrange
        var record = NewRecord();
        StepTimer.Start(record, At(0));
        StepTimer.Pause(record, At(5));

        // Act
        StepTimer.Pause(record, At(7));
        StepTimer.Resume(record, At(9));

        // Assert
        Assert.Equal(TimeSpan.FromMinutes(4), record.PausedFor);
        Assert.Equal(TimeSpan.FromMinutes(14), StepTimer.Remaining(record, TwentyMinutes, At(10)));
    }

    [Theory]
    [InlineData(20)]
    [InlineData(21)]
    [InlineData(25)]
    [InlineData(600)]
    public void Remaining_AtOrPastTheEnd_ZeroNeverNegative(int minutes)
    {
        // Arrange
        var record = NewRecord();
        StepTimer.Start(record, At(0));

        // Act
        var remaining = StepTimer.Remaining(record, TwentyMinutes, At(minutes));

        // Assert
        Assert.Equal(TimeSpan.Zero, remaining);
    }

    [Fact]
    public void Remaining_ClockBeforeTheStart_TheFullDurationNeverMore()
    {
        // Arrange: another device's clock runs a minute behind.
        var record = NewRecord();
        StepTimer.Start(record, At(0));

        // Act
        var remaining = StepTimer.Remaining(record, TwentyMinutes, At(-1));

        // Assert
        Assert.Equal(TwentyMinutes, remaining);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(21)]
    [InlineData(90)]
    public void Finish_AfterTheFullDuration_DoneAtStartPlusDuration(int finishedAtMinute)
    {
        // Arrange
        var record = NewRecord();
        StepTimer.Start(record, At(0));

        // Act
        StepTimer.Finish(record, TwentyMinutes, At(finishedAtMinute));

        // Assert
        Assert.Equal(StepStatus.Done, record.Status);
        Assert.Equal(At(20), record.FinishedAt);
        Assert.Equal(TimeSpan.Zero, StepTimer.Remaining(record, TwentyMinutes, At(finishedAtMinute + 60)));
    }

    [Theory]
    [InlineData(23)]
    [InlineData(24)]
    [InlineData(120)]
    public void Finish_AfterTheFullDurationWithAPause_DoneAtStartPlusPausedPlusDuration(int finishedAtMinute)
    {
        // Arrange: 5 minutes, 3 paused, then running again.
        var record = NewRecord();
        StepTimer.Start(record, At(0));
        StepTimer.Pause(record, At(5));
        StepTimer.Resume(record, At(8));

        // Act
        StepTimer.Finish(record, TwentyMinutes, At(finishedAtMinute));

        // Assert
        Assert.Equal(StepStatus.Done, record.Status);
        Assert.Equal(At(0) + TimeSpan.FromMinutes(3) + TwentyMinutes, record.FinishedAt);
        Assert.Equal(TwentyMinutes, StepTimer.Elapsed(record, At(finishedAtMinute)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(19)]
    public void Finish_BeforeTheFullDuration_CutShortWhenStopped(int finishedAtMinute)
    {
        // Arrange
        var record = NewRecord();
        StepTimer.Start(record, At(0));

        // Act
        StepTimer.Finish(record, TwentyMinutes, At(finishedAtMinute));

        // Assert
        Assert.Equal(StepStatus.CutShort, record.Status);
        Assert.Equal(At(finishedAtMinute), record.FinishedAt);
    }

    [Fact]
    public void Finish_OneSecondShort_CutShort()
    {
        // Arrange
        var record = NewRecord();
        StepTimer.Start(record, At(0));
        var stoppedAt = At(20) - TimeSpan.FromSeconds(1);

        // Act
        StepTimer.Finish(record, TwentyMinutes, stoppedAt);

        // Assert
        Assert.Equal(StepStatus.CutShort, record.Status);
        Assert.Equal(stoppedAt, record.FinishedAt);
    }

    [Fact]
    public void Finish_WhilePaused_CutShortAndThePauseNotCounted()
    {
        // Arrange
        var record = NewRecord();
        StepTimer.Start(record, At(0));
        StepTimer.Pause(record, At(5));

        // Act
        StepTimer.Finish(record, TwentyMinutes, At(40));

        // Assert
        Assert.Equal(StepStatus.CutShort, record.Status);
        Assert.Equal(TimeSpan.FromMinutes(5), StepTimer.Elapsed(record, At(60)));
    }

    [Fact]
    public void Finish_NotStarted_NothingChanges()
    {
        // Arrange
        var record = NewRecord();

        // Act
        StepTimer.Finish(record, TwentyMinutes, At(30));

        // Assert
        Assert.Equal(StepStatus.NotStarted, record.Status);
        Assert.Null(record.FinishedAt);
    }

    [Fact]
    public void Finish_Twice_TheFirstFinishStands()
    {
        // Arrange
        var record = NewRecord();
        StepTimer.Start(record, At(0));
        StepTimer.Finish(record, TwentyMinutes, At(10));

        // Act
        StepTimer.Finish(record, TwentyMinutes, At(40));

        // Assert
        Assert.Equal(StepStatus.CutShort, record.Status);
        Assert.Equal(At(10), record.FinishedAt);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    public void Start_AfterFinish_DoesNotRestartSoNoEveningAddsUpPastTheCap(int finishedAtMinute)
    {
        // Arrange
        var record = NewRecord();
        StepTimer.Start(record, At(0));
        StepTimer.Pause(record, At(2));
        StepTimer.Resume(record, At(4));
        StepTimer.Finish(record, TwentyMinutes, At(finishedAtMinute));
        var finishedAt = record.FinishedAt;
        var status = record.Status;

        // Act
        StepTimer.Start(record, At(60));

        // Assert
        Assert.Equal(At(0), record.TimerStartedAt);
        Assert.Equal(finishedAt, record.FinishedAt);
        Assert.Equal(status, record.Status);
        Assert.Equal(TimeSpan.Zero, StepTimer.Remaining(record, TwentyMinutes, At(65)) - StepTimer.Remaining(record, TwentyMinutes, At(61)));
    }

    [Fact]
    public void Start_WhileRunning_KeepsTheFirstStart()
    {
        // Arrange: a second tap on Start (or a second device) does not reset a running timer.
        var record = NewRecord();
        StepTimer.Start(record, At(0));

        // Act
        StepTimer.Start(record, At(5));

        // Assert
        Assert.Equal(At(0), record.TimerStartedAt);
        Assert.Equal(TimeSpan.FromMinutes(12), StepTimer.Remaining(record, TwentyMinutes, At(8)));
    }
}
