using Backstride.Core.Insights;
using Backstride.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Diary;

/// <summary>
/// Reads the signed-in runner's diary as the plain rows the insights work on, and keeps their self-experiments.
/// Only the columns insights need are read (never the sample blobs); ten years take 55–75 ms, which is why the insights
/// pages keep the rows per runner while the diary version is unchanged.
/// </summary>
public sealed class InsightStore(BackstrideDbContext db, TimeProvider clock)
{
    /// <param name="since">Only rows from this instant on (the plan reads just an experiment's weeks); null for everything.</param>
    public async Task<InsightDiary> LoadAsync(TimeZoneInfo zone, DateTimeOffset? since = null, CancellationToken cancellationToken = default)
    {
        // Measured on ten years (bench/InsightsBenchmarks, insights-phases): reading is most of a page's time, so each
        // query reads only its columns, sorts in memory rather than in SQL, and the shoes' names come from their own
        // small table instead of a join per run. Reading on two connections at once was tried: no faster on two cores.
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

    /// <summary>The runner's diary version (see <see cref="DiaryVersion"/>): it changes with every change to their diary.</summary>
    public async Task<long> DiaryVersionAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await db.DiaryVersions.Where(v => v.UserId == userId).Select(v => (long?)v.Version).FirstOrDefaultAsync(cancellationToken) ?? 0;

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
        catch (DbUpdateException exception) when (UniqueViolations.IsUniqueViolation(exception))
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
    /// Gives an evening the running experiment's next slot, once, and ends the experiment on time when that was its
    /// last slot. Conditional updates, so two tabs can neither give one evening two slots nor one slot two evenings
    /// (a unique index), and a stopped experiment gives none. Returns the evening's slot, or null when it has none.
    /// </summary>
    public async Task<int?> AssignExperimentSlotAsync(PlanSession session, Guid experimentId, DateTimeOffset checkInAt,
        CancellationToken cancellationToken = default)
    {
        if (session.ExperimentId is not null)
        {
            return session.ExperimentId == experimentId ? session.ExperimentSlot : null;
        }
        var experiment = await db.SelfExperiments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == experimentId, cancellationToken);
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
        int taken;
        try
        {
            taken = await db.PlanSessions
                .Where(s => s.Id == session.Id && s.ExperimentId == null)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.ExperimentId, experimentId).SetProperty(s => s.ExperimentSlot, next),
                    cancellationToken);
        }
        catch (Exception exception) when (UniqueViolations.IsUniqueViolation(exception))
        {
            // Another evening took this slot at the same moment; a reload of this plan gets the next one.
            return null;
        }
        var stored = await db.PlanSessions.AsNoTracking().Where(s => s.Id == session.Id)
            .Select(s => new { s.ExperimentId, s.ExperimentSlot }).FirstAsync(cancellationToken);
        // Keep the tracked copy as the database has it, without marking it changed.
        var entry = db.Entry(session);
        entry.Property(s => s.ExperimentId).CurrentValue = stored.ExperimentId;
        entry.Property(s => s.ExperimentId).OriginalValue = stored.ExperimentId;
        entry.Property(s => s.ExperimentSlot).CurrentValue = stored.ExperimentSlot;
        entry.Property(s => s.ExperimentSlot).OriginalValue = stored.ExperimentSlot;
        if (taken == 1 && next + 1 == ExperimentSchedule.EveningsPlanned(experiment))
        {
            await db.SelfExperiments.Where(e => e.Id == experimentId && e.EndedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.EndedAt, clock.GetUtcNow()), cancellationToken);
        }
        if (taken == 1 && db.DiaryOwnerIdOrNull is { } owner)
        {
            await db.TouchDiaryAsync(owner, cancellationToken);
        }
        return stored.ExperimentId == experimentId ? stored.ExperimentSlot : null;
    }

    /// <summary>Ends a running experiment early; false when it had already ended (on time or by another tab).</summary>
    public async Task<bool> EndExperimentAsync(Guid id, bool stoppedEarly, CancellationToken cancellationToken = default)
    {
        var ended = await db.SelfExperiments.Where(e => e.Id == id && e.EndedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.EndedAt, clock.GetUtcNow()).SetProperty(e => e.StoppedEarly, stoppedEarly),
                cancellationToken);
        return ended == 1;
    }
}
