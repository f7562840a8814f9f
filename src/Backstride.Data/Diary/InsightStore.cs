using Backstride.Core.Insights;
using Backstride.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Diary;

/// <summary>
/// Reads the signed-in runner's diary as the plain rows the insights work on, and keeps their self-experiments.
/// Only the columns insights need are read (never the sample blobs), so ten years of runs load in a few milliseconds.
/// </summary>
public sealed class InsightStore(BackstrideDbContext db, TimeProvider clock)
{
    /// <param name="since">Only rows from this instant on (the plan reads just an experiment's weeks); null for everything.</param>
    public async Task<InsightDiary> LoadAsync(TimeZoneInfo zone, DateTimeOffset? since = null, CancellationToken cancellationToken = default)
    {
        // Measured on ten years (bench/InsightsBenchmarks, insights-phases): reading is most of a page's time, so each
        // query reads only its columns, sorts in memory rather than in SQL, and the shoes' names come from their own
        // small table instead of a join per run.
        var fromInstant = since ?? DateTimeOffset.MinValue;
        var shoeNames = await db.Shoes.AsNoTracking()
            .Select(s => new { s.Id, s.Name })
            .ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var runs = await db.Runs.AsNoTracking()
            .Where(r => since == null || r.StartedAt >= fromInstant)
            .Select(r => new RunRow(r.Id, r.StartedAt, r.DistanceMetres, r.Duration, r.Surface, r.ShoeId, null, r.StretchedBefore,
                r.Measurements == null ? null : r.Measurements.AvgCadenceStepsPerMinute,
                r.Measurements == null ? null : r.Measurements.AvgVerticalOscillationMm,
                r.Measurements == null ? null : r.Measurements.AvgGroundContactTimeMs,
                r.Measurements == null ? null : r.Measurements.AvgVerticalRatioPercent,
                r.Measurements == null ? null : r.Measurements.AvgStepLengthMm))
            .ToListAsync(cancellationToken);
        for (var i = 0; i < runs.Count; i++)
        {
            if (runs[i].ShoeId is { } shoeId && shoeNames.TryGetValue(shoeId, out var shoeName))
            {
                runs[i] = runs[i] with { ShoeName = shoeName };
            }
        }
        runs.Sort((a, b) => a.StartedAt != b.StartedAt ? a.StartedAt.CompareTo(b.StartedAt) : a.Id.CompareTo(b.Id));

        var checkIns = await db.CheckIns.AsNoTracking()
            .Where(c => since == null || c.RecordedAt >= fromInstant)
            .Select(c => new PainRow(c.Id, c.RunId, c.RecordedAt, c.Pain))
            .ToListAsync(cancellationToken);
        checkIns.Sort((a, b) => a.RecordedAt != b.RecordedAt ? a.RecordedAt.CompareTo(b.RecordedAt) : a.Id.CompareTo(b.Id));

        var sessions = await db.PlanSessions.AsNoTracking()
            .Where(s => since == null || s.CreatedAt >= fromInstant)
            .Select(s => new { s.Id, s.CheckInId, s.CreatedAt, s.TriageLevel, s.ExperimentId, s.ExperimentSlot })
            .ToListAsync(cancellationToken);
        // Two queries rather than a join: SQLite planned the left join over both filtered tables as a scan per evening
        // (4.6 s on ten years, against 10 ms for the two).
        var steps = await db.PlanStepRecords.AsNoTracking()
            .Where(s => s.Status == StepStatus.Done || s.Status == StepStatus.CutShort)
            .Where(s => since == null || s.UpdatedAt >= fromInstant)
            .Select(s => new { s.PlanSessionId, s.StepId })
            .ToListAsync(cancellationToken);
        var doneBySession = new Dictionary<Guid, HashSet<Remedy>>();
        foreach (var step in steps)
        {
            if (RunEvenings.RemedyOfStep(step.StepId) is not { } remedy)
            {
                continue;
            }
            if (!doneBySession.TryGetValue(step.PlanSessionId, out var done))
            {
                doneBySession[step.PlanSessionId] = done = [];
            }
            done.Add(remedy);
        }
        var evenings = sessions
            .OrderBy(s => s.CreatedAt)
            .Select(s => new EveningRow(s.CheckInId, s.CreatedAt, s.TriageLevel,
                doneBySession.TryGetValue(s.Id, out var done) ? done : NoRemedies, s.ExperimentId, s.ExperimentSlot))
            .ToList();

        var strength = await db.StrengthSessions.AsNoTracking()
            .Where(s => since == null || s.StartedAt >= fromInstant)
            .Select(s => s.StartedAt).ToListAsync(cancellationToken);
        strength.Sort();
        var doses = await db.DoseLog.AsNoTracking()
            .Where(d => since == null || d.TakenAt >= fromInstant)
            .Select(d => new DoseRow(d.TakenAt, d.ProductId, d.Units))
            .ToListAsync(cancellationToken);
        doses.Sort((a, b) => a.TakenAt.CompareTo(b.TakenAt));

        return new InsightDiary(runs, checkIns, evenings, strength, doses, zone);
    }

    /// <summary>
    /// A cheap summary of every row the insights read (counts and latest change times, from the indexes): it differs
    /// whenever a run, check-in, evening, step, dose, strength session or shoe was added, changed or deleted, so a
    /// cached copy of the diary can be checked against the database on each request, on any instance.
    /// </summary>
    public async Task<string> FingerprintAsync(CancellationToken cancellationToken = default)
    {
        var runs = await db.Runs.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Last = g.Max(r => r.UpdatedAt) })
            .FirstOrDefaultAsync(cancellationToken);
        var checkIns = await db.CheckIns.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Last = g.Max(c => c.UpdatedAt) })
            .FirstOrDefaultAsync(cancellationToken);
        var sessions = await db.PlanSessions.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Last = g.Max(s => s.CreatedAt), Slots = g.Count(s => s.ExperimentSlot != null) })
            .FirstOrDefaultAsync(cancellationToken);
        var steps = await db.PlanStepRecords.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Last = g.Max(s => s.UpdatedAt) })
            .FirstOrDefaultAsync(cancellationToken);
        var doses = await db.DoseLog.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Last = g.Max(d => d.TakenAt) })
            .FirstOrDefaultAsync(cancellationToken);
        var strength = await db.StrengthSessions.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Last = g.Max(s => s.StartedAt) })
            .FirstOrDefaultAsync(cancellationToken);
        var shoes = await db.Shoes.CountAsync(cancellationToken);
        return string.Join('|', runs, checkIns, sessions, steps, doses, strength, shoes);
    }

    private static readonly IReadOnlySet<Remedy> NoRemedies = new HashSet<Remedy>();

    /// <summary>Newest first.</summary>
    public Task<List<SelfExperiment>> ExperimentsAsync(CancellationToken cancellationToken = default) =>
        db.SelfExperiments.AsNoTracking().OrderByDescending(e => e.StartedAt).ThenByDescending(e => e.Id)
            .ToListAsync(cancellationToken);

    public Task<SelfExperiment?> FindExperimentAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.SelfExperiments.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

    /// <summary>The experiment still running, if any: a runner runs one at a time (a unique index) so evenings are never shared.</summary>
    public Task<SelfExperiment?> RunningExperimentAsync(CancellationToken cancellationToken = default) =>
        db.SelfExperiments.AsNoTracking().Where(e => e.EndedAt == null)
            .OrderByDescending(e => e.StartedAt).FirstOrDefaultAsync(cancellationToken);

    public async Task<DiaryResult<SelfExperiment>> StartExperimentAsync(ExperimentOption optionA, ExperimentOption optionB,
        int blockLength, int blockPairs, CancellationToken cancellationToken = default)
    {
        var errors = ExperimentSchedule.Validate(optionA, optionB, blockLength, blockPairs);
        if (await RunningExperimentAsync(cancellationToken) is not null)
        {
            errors.Add("OptionA", "An experiment is already running: finish or stop it before starting another.");
        }
        if (!errors.IsValid)
        {
            return DiaryResult<SelfExperiment>.Invalid(errors);
        }
        // The seed is kept with the experiment, so its schedule can always be drawn again and checked.
        var seed = System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue);
        var experiment = ExperimentSchedule.Start(optionA, optionB, blockLength, blockPairs, seed, clock.GetUtcNow());
        db.SelfExperiments.Add(experiment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index on a runner's running experiment: another tab started one at the same moment.
            db.Entry(experiment).State = EntityState.Detached;
            var raced = new Core.Validation.ValidationErrors();
            raced.Add("OptionA", "An experiment is already running: finish or stop it before starting another.");
            return DiaryResult<SelfExperiment>.Invalid(raced);
        }
        return DiaryResult<SelfExperiment>.Saved(experiment);
    }

    /// <summary>
    /// Gives an evening the running experiment's next slot, once, when its plan first shows tonight's option, and ends
    /// the experiment on time when that was its last slot. Returns the evening's slot, or null when it has none.
    /// </summary>
    public async Task<int?> AssignExperimentSlotAsync(PlanSession session, Guid experimentId, DateTimeOffset checkInAt,
        CancellationToken cancellationToken = default)
    {
        if (session.ExperimentId is not null)
        {
            return session.ExperimentId == experimentId ? session.ExperimentSlot : null;
        }
        var experiment = await FindExperimentAsync(experimentId, cancellationToken);
        if (experiment is null)
        {
            return null;
        }
        // After the highest slot, not the count: a deleted check-in leaves a gap rather than a slot given twice.
        var next = (await db.PlanSessions.Where(s => s.ExperimentId == experimentId)
            .MaxAsync(s => s.ExperimentSlot, cancellationToken) ?? -1) + 1;
        if (!ExperimentSchedule.CanAssign(experiment, checkInAt, next))
        {
            return null;
        }
        session.ExperimentId = experimentId;
        session.ExperimentSlot = next;
        if (next + 1 == ExperimentSchedule.EveningsPlanned(experiment))
        {
            experiment.EndedAt = clock.GetUtcNow();
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return next;
        }
        catch (DbUpdateException)
        {
            // Another tab took this slot at the same moment (unique index): this view shows no option; a reload gets the next.
            session.ExperimentId = null;
            session.ExperimentSlot = null;
            db.Entry(session).State = EntityState.Unchanged;
            db.Entry(experiment).State = EntityState.Detached;
            return null;
        }
    }

    /// <summary>Ends a running experiment: early when the runner stops it, or on time when its last evening is counted.</summary>
    public async Task<bool> EndExperimentAsync(Guid id, bool stoppedEarly, CancellationToken cancellationToken = default)
    {
        var experiment = await FindExperimentAsync(id, cancellationToken);
        if (experiment is null || experiment.EndedAt is not null)
        {
            return false;
        }
        experiment.EndedAt = clock.GetUtcNow();
        experiment.StoppedEarly = stoppedEarly;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
