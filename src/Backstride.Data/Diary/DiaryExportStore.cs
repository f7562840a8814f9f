using Backstride.Core.CheckIns;
using Backstride.Core.Insights;
using Backstride.Core.Plans;
using Backstride.Core.Profiles;
using Backstride.Core.Runners;
using Backstride.Core.Runs;
using Backstride.Core.Training;
using Backstride.Core.Triage;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Diary;

/// <summary>
/// Everything of the signed-in runner, read for the exports: no tracking, only the columns a file needs, oldest
/// first. The long lists stream row by row, so a file of ten years is written without holding it in memory.
/// Every query passes the context's per-runner filter.
/// </summary>
public sealed class DiaryExportStore(BackstrideDbContext db)
{
    public async Task<RunnerSettings> SettingsAsync(CancellationToken cancellationToken = default) =>
        await db.RunnerSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new RunnerSettings();

    public IAsyncEnumerable<RunExportRow> RunsAsync() =>
        db.Runs.AsNoTracking().OrderBy(r => r.StartedAt).ThenBy(r => r.Id)
            .Select(r => new RunExportRow(r.Id, r.StartedAt, r.DistanceMetres, r.Duration, r.Surface,
                r.Shoe != null ? r.Shoe.Name : null, r.StretchedBefore, r.Effort, r.Notes, r.Source, r.SourceFileName,
                r.Measurements,
                db.RunTracks.Where(t => t.RunId == r.Id).Select(t => (int?)t.SampleCount).FirstOrDefault()))
            .AsAsyncEnumerable();

    public IAsyncEnumerable<CheckInExportRow> CheckInsAsync() =>
        db.CheckIns.AsNoTracking().OrderBy(c => c.RecordedAt).ThenBy(c => c.Id)
            .Select(c => new CheckInExportRow(c.Id, c.RunId, c.RecordedAt, c.Pain, c.Locations, c.Stiffness, c.LegSpread,
                c.LegsAffected, c.Onset, c.Notes))
            .AsAsyncEnumerable();

    /// <summary>One row per plan step the runner touched (started, did, skipped), with the evening's check-in.</summary>
    public IAsyncEnumerable<PlanStepExportRow> PlanStepsAsync() =>
        (from step in db.PlanStepRecords.AsNoTracking()
         join session in db.PlanSessions.AsNoTracking() on step.PlanSessionId equals session.Id
         join checkIn in db.CheckIns.AsNoTracking() on session.CheckInId equals checkIn.Id
         orderby checkIn.RecordedAt, checkIn.Id, step.StepId
         select new PlanStepExportRow(checkIn.Id, checkIn.RecordedAt, checkIn.Pain, session.TriageLevel,
             new PlanStepRecordRow(step.StepId, step.Status, step.TimerStartedAt, step.TimerPausedAt, step.PausedFor, step.FinishedAt)))
        .AsAsyncEnumerable();

    /// <summary>Every evening's plan with its safety answers and steps, including evenings where no step was touched.</summary>
    public IAsyncEnumerable<PlanExportRow> PlansAsync() =>
        db.PlanSessions.AsNoTracking().OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .Select(s => new PlanExportRow(s.Id, s.CheckInId, s.CreatedAt, s.TriageLevel, s.SafetyAnswers,
                s.Steps.OrderBy(step => step.StepId)
                    .Select(step => new PlanStepRecordRow(step.StepId, step.Status, step.TimerStartedAt, step.TimerPausedAt,
                        step.PausedFor, step.FinishedAt))
                    .ToList()))
            .AsAsyncEnumerable();

    public IAsyncEnumerable<DoseExportRow> DosesAsync() =>
        db.DoseLog.AsNoTracking().OrderBy(d => d.TakenAt).ThenBy(d => d.Id)
            .Select(d => new DoseExportRow(d.Id, d.TakenAt, d.ProductId, d.Units))
            .AsAsyncEnumerable();

    /// <summary>Every saved version of the back profile, oldest first.</summary>
    public Task<List<BackProfile>> ProfileVersionsAsync(CancellationToken cancellationToken = default) =>
        db.BackProfiles.AsNoTracking().OrderBy(p => p.Version).ToListAsync(cancellationToken);

    /// <summary>The runner's pairs by name; sorted here, not in SQL, so the order never depends on a database's collation.</summary>
    public async Task<List<ShoeExportRow>> ShoesAsync(CancellationToken cancellationToken = default) =>
        (await db.Shoes.AsNoTracking().Select(s => new ShoeExportRow(s.Id, s.Name, s.CreatedAt)).ToListAsync(cancellationToken))
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The strength programme without its calendar token, which is a secret that opens the feed.</summary>
    public Task<TrainingPlanExportRow?> TrainingPlanAsync(CancellationToken cancellationToken = default) =>
        db.TrainingPlans.AsNoTracking()
            .Select(p => new TrainingPlanExportRow(p.Level, p.SessionsPerWeek, p.PreferredDays, p.LongRunDay, p.HardRunDays,
                p.CreatedAt, p.LevelSince))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<List<ExerciseProgress>> ExerciseLadderAsync(CancellationToken cancellationToken = default) =>
        db.ExerciseProgress.AsNoTracking().OrderBy(p => p.ExerciseId).ToListAsync(cancellationToken);

    public IAsyncEnumerable<StrengthSessionExportRow> StrengthSessionsAsync() =>
        db.StrengthSessions.AsNoTracking().OrderBy(s => s.StartedAt).ThenBy(s => s.Id)
            .Select(s => new StrengthSessionExportRow(s.Id, s.StartedAt, s.FinishedAt,
                s.Sets.OrderBy(set => set.ExerciseId).ThenBy(set => set.SetNumber)
                    .Select(set => new SetExportRow(set.ExerciseId, set.SetNumber, set.Amount, set.LoadKg, set.Effort, set.Pain))
                    .ToList()))
            .AsAsyncEnumerable();

    public Task<List<SelfExperiment>> ExperimentsAsync(CancellationToken cancellationToken = default) =>
        db.SelfExperiments.AsNoTracking().OrderBy(e => e.StartedAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);
}

/// <summary>A run as exported; <see cref="WatchSampleCount"/> says how many watch samples are stored (they are not exported).</summary>
public sealed record RunExportRow(
    Guid Id,
    DateTimeOffset StartedAt,
    double DistanceMetres,
    TimeSpan Duration,
    Surface Surface,
    string? ShoeName,
    bool StretchedBefore,
    int? Effort,
    string? Notes,
    RunSource Source,
    string? SourceFileName,
    RunMeasurements? Measurements,
    int? WatchSampleCount);

public sealed record CheckInExportRow(
    Guid Id,
    Guid? RunId,
    DateTimeOffset RecordedAt,
    int Pain,
    PainLocation Locations,
    Stiffness Stiffness,
    LegSpread LegSpread,
    LegsAffected? LegsAffected,
    PainOnset? Onset,
    string? Notes);

/// <summary>One plan step with the check-in of its evening, for the one-row-per-step CSV.</summary>
public sealed record PlanStepExportRow(Guid CheckInId, DateTimeOffset CheckInRecordedAt, int CheckInPain, TriageLevel? Triage,
    PlanStepRecordRow Step);

public sealed record PlanExportRow(
    Guid Id,
    Guid CheckInId,
    DateTimeOffset CreatedAt,
    TriageLevel? Triage,
    string SafetyAnswers,
    List<PlanStepRecordRow> Steps);

public sealed record PlanStepRecordRow(
    string StepId,
    StepStatus Status,
    DateTimeOffset? TimerStartedAt,
    DateTimeOffset? TimerPausedAt,
    TimeSpan PausedFor,
    DateTimeOffset? FinishedAt)
{
    /// <summary>How long the step's timer ran, pauses left out; a timer still running counts up to <paramref name="now"/>.</summary>
    public TimeSpan TimerElapsed(DateTimeOffset now) => StepTimer.Elapsed(new PlanStepRecord
    {
        StepId = StepId,
        TimerStartedAt = TimerStartedAt,
        TimerPausedAt = TimerPausedAt,
        PausedFor = PausedFor,
        FinishedAt = FinishedAt,
    }, now);
}

public sealed record DoseExportRow(Guid Id, DateTimeOffset TakenAt, string ProductId, int Units);

public sealed record ShoeExportRow(Guid Id, string Name, DateTimeOffset CreatedAt);

public sealed record TrainingPlanExportRow(
    int Level,
    int SessionsPerWeek,
    string PreferredDays,
    DayOfWeek? LongRunDay,
    string HardRunDays,
    DateTimeOffset CreatedAt,
    DateTimeOffset LevelSince);

public sealed record StrengthSessionExportRow(Guid Id, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, List<SetExportRow> Sets);

public sealed record SetExportRow(string ExerciseId, int SetNumber, int Amount, double? LoadKg, int Effort, int? Pain);
