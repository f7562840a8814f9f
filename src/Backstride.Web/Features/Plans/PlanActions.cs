using Backstride.Core.Plans;
using Backstride.Data.Diary;

namespace Backstride.Web.Features.Plans;

/// <summary>What a runner can do to a step, from the page's buttons (no script) or the timer script (API): one path for both.</summary>
public static class PlanActions
{
    public static readonly IReadOnlySet<string> TimerActions = new HashSet<string>(StringComparer.Ordinal) { "start", "pause", "resume", "finish" };
    public static readonly IReadOnlySet<string> StatusActions = new HashSet<string>(StringComparer.Ordinal) { "done", "skip" };

    public static bool IsKnown(string action, PlanStep step) =>
        StatusActions.Contains(action) || (TimerActions.Contains(action) && step.Duration is not null && step.Timer == TimerKind.Countdown);

    public static Task<PlanStepRecord> ApplyAsync(PlanSessionStore sessions, PlanSession session, PlanStep step, string action,
        CancellationToken cancellationToken) =>
        sessions.UpdateStepAsync(session, step.Id, (record, now) =>
        {
            var duration = step.Duration ?? TimeSpan.Zero;
            switch (action)
            {
                case "start":
                    StepTimer.Start(record, now);
                    break;
                case "pause":
                    StepTimer.Pause(record, now);
                    break;
                case "resume":
                    StepTimer.Resume(record, now);
                    break;
                case "finish":
                    StepTimer.Finish(record, duration, now);
                    break;
                case "done":
                    record.Status = StepStatus.Done;
                    record.FinishedAt ??= now;
                    break;
                case "skip":
                    record.Status = StepStatus.Skipped;
                    break;
            }
        }, cancellationToken);
}

/// <summary>A step's timer as the script needs it; times are the server's.</summary>
public sealed record StepState(
    string StepId,
    StepStatus Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? PausedAt,
    double PausedForSeconds,
    DateTimeOffset? FinishedAt,
    double DurationSeconds,
    double RemainingSeconds,
    DateTimeOffset ServerNow)
{
    public static StepState From(PlanStep step, PlanStepRecord? record, DateTimeOffset now)
    {
        var duration = step.Duration ?? TimeSpan.Zero;
        return new StepState(step.Id, record?.Status ?? StepStatus.NotStarted, record?.TimerStartedAt, record?.TimerPausedAt,
            record?.PausedFor.TotalSeconds ?? 0, record?.FinishedAt, duration.TotalSeconds,
            record is null ? duration.TotalSeconds : StepTimer.Remaining(record, duration, now).TotalSeconds, now);
    }
}

/// <summary>The stretch player's stretches, and where to report the routine done (none for the pre-run routine).</summary>
public sealed record StretchPlayerView(IReadOnlyList<Backstride.Core.Plans.Stretch> Stretches, string? DoneApi);
