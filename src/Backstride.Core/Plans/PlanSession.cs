using Backstride.Core.Triage;

namespace Backstride.Core.Plans;

/// <summary>
/// The runner's evening after one check-in: the safety answers they gave, the triage level, and what they did
/// with each step. Follow-ups and insights read it later.
/// </summary>
public sealed class PlanSession : IOwnedByRunner
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public Guid CheckInId { get; set; }

    /// <summary>Null until the safety questions were answered (or not needed).</summary>
    public TriageLevel? TriageLevel { get; set; }

    /// <summary>The red-flag question ids answered "yes", comma-separated.</summary>
    public string SafetyAnswers { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The self-experiment this evening belongs to, set once when its plan first showed tonight's option.</summary>
    public Guid? ExperimentId { get; set; }

    /// <summary>The evening's place in that experiment (0-based); kept so later evenings never shift it.</summary>
    public int? ExperimentSlot { get; set; }

    public List<PlanStepRecord> Steps { get; set; } = [];

    public IReadOnlySet<string> YesAnswers =>
        SafetyAnswers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}

public enum StepStatus
{
    NotStarted = 0,
    Done = 1,
    Skipped = 2,
    CutShort = 3,
}

/// <summary>
/// What happened to one plan step, and its timer as the server knows it, so a reload (or another device)
/// shows the same remaining time.
/// </summary>
public sealed class PlanStepRecord : IOwnedByRunner
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public Guid PlanSessionId { get; set; }

    public required string StepId { get; set; }

    public StepStatus Status { get; set; }

    public DateTimeOffset? TimerStartedAt { get; set; }

    public DateTimeOffset? TimerPausedAt { get; set; }

    /// <summary>Time spent paused before the current pause.</summary>
    public TimeSpan PausedFor { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Timer arithmetic for a step: elapsed time excludes pauses, and nothing runs past the step's cap.</summary>
public static class StepTimer
{
    public static TimeSpan Elapsed(PlanStepRecord record, DateTimeOffset now)
    {
        if (record.TimerStartedAt is not { } started)
        {
            return TimeSpan.Zero;
        }
        var end = record.FinishedAt ?? record.TimerPausedAt ?? now;
        var elapsed = end - started - record.PausedFor;
        return elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed;
    }

    public static TimeSpan Remaining(PlanStepRecord record, TimeSpan duration, DateTimeOffset now)
    {
        var remaining = duration - Elapsed(record, now);
        return remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining;
    }

    /// <summary>Starts the timer once; a finished timer is not restarted, so ice or heat never adds up past its cap in one evening.</summary>
    public static void Start(PlanStepRecord record, DateTimeOffset now)
    {
        if (record.TimerStartedAt is null)
        {
            record.TimerStartedAt = now;
            record.TimerPausedAt = null;
            record.PausedFor = TimeSpan.Zero;
            record.FinishedAt = null;
            record.Status = StepStatus.NotStarted;
        }
    }

    public static void Pause(PlanStepRecord record, DateTimeOffset now)
    {
        if (record.TimerStartedAt is not null && record.TimerPausedAt is null && record.FinishedAt is null)
        {
            record.TimerPausedAt = now;
        }
    }

    public static void Resume(PlanStepRecord record, DateTimeOffset now)
    {
        if (record.TimerPausedAt is { } paused && record.FinishedAt is null)
        {
            record.PausedFor += now - paused;
            record.TimerPausedAt = null;
        }
    }

    /// <summary>Ends the timer: done when it ran its time, cut short when stopped earlier.</summary>
    public static void Finish(PlanStepRecord record, TimeSpan duration, DateTimeOffset now)
    {
        if (record.TimerStartedAt is null || record.FinishedAt is not null)
        {
            return;
        }
        Resume(record, now);
        var ranItsTime = Elapsed(record, now) >= duration;
        // A timer that ran past its end is recorded as ending at its end, never longer than the cap.
        record.FinishedAt = ranItsTime ? record.TimerStartedAt + record.PausedFor + duration : now;
        record.Status = ranItsTime ? StepStatus.Done : StepStatus.CutShort;
    }
}
