using System.Security.Cryptography;
using Backstride.Core.Training;
using Backstride.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Diary;

/// <summary>The runner's strength programme: set-up, the ladder per exercise, sessions and their sets.</summary>
public sealed class TrainingStore(BackstrideDbContext db, TimeProvider clock)
{
    public Task<TrainingPlan?> PlanAsync(CancellationToken cancellationToken = default) =>
        db.TrainingPlans.FirstOrDefaultAsync(cancellationToken);

    public async Task<DiaryResult<TrainingPlan>> SavePlanAsync(int? level, IReadOnlyCollection<DayOfWeek> preferredDays,
        int? sessionsPerWeek, DayOfWeek? longRunDay, IReadOnlyCollection<DayOfWeek> hardRunDays,
        CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        if (level is not (>= 1 and <= 3))
        {
            errors.Add("Level", "Choose level 1, 2 or 3.");
        }
        if (sessionsPerWeek is not (>= Programme.MinSessionsPerWeek and <= Programme.MaxSessionsPerWeek))
        {
            errors.Add("SessionsPerWeek", "Choose 2 or 3 sessions a week.");
        }
        if (preferredDays.Count == 0)
        {
            errors.Add("PreferredDays", "Pick at least one day that suits you.");
        }
        if (!errors.IsValid)
        {
            return DiaryResult<TrainingPlan>.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        // The programme and its ladder change together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await PlanAsync(cancellationToken);
        if (plan is null)
        {
            plan = new TrainingPlan { CreatedAt = now, LevelSince = now };
            db.TrainingPlans.Add(plan);
        }
        else if (plan.Level != level)
        {
            // A new level starts its own ladder, and earlier sessions no longer count towards it.
            await db.ExerciseProgress.ExecuteDeleteAsync(cancellationToken);
            plan.LevelSince = now;
        }
        plan.Level = level!.Value;
        plan.SessionsPerWeek = sessionsPerWeek!.Value;
        plan.PreferredDays = TrainingPlan.Join(preferredDays);
        plan.LongRunDay = longRunDay;
        plan.HardRunDays = TrainingPlan.Join(hardRunDays.Where(d => d != longRunDay));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return DiaryResult<TrainingPlan>.Saved(plan);
    }

    /// <summary>What each exercise of the level asks for now: the ladder's current rung, or the level's start.</summary>
    public async Task<IReadOnlyList<(Prescription Prescription, string? LastChange)>> PrescriptionsAsync(int level,
        CancellationToken cancellationToken = default)
    {
        var progress = await db.ExerciseProgress.AsNoTracking().ToListAsync(cancellationToken);
        return Programme.Level(level).Select(start => progress.FirstOrDefault(p => p.ExerciseId == start.ExerciseId) is { } p
            ? (p.Prescription, p.LastChange)
            : (start, (string?)null)).ToList();
    }

    public Task<StrengthSession?> SessionAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.StrengthSessions.Include(s => s.Sets).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>
    /// Starts a session. A painful check-in (5 or more) in the day and a half after the last session steps that
    /// session's exercises down first, so the new session never repeats the load that hurt.
    /// </summary>
    public async Task<StrengthSession> StartSessionAsync(TrainingPlan plan, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var previous = await db.StrengthSessions.AsNoTracking().Include(s => s.Sets)
            .Where(s => s.FinishedAt != null && s.StartedAt >= plan.LevelSince)
            .OrderByDescending(s => s.StartedAt).FirstOrDefaultAsync(cancellationToken);
        if (previous?.FinishedAt is { } previousEnd)
        {
            var until = previousEnd.AddHours(36);
            var painAfter = await db.CheckIns.AsNoTracking()
                .Where(c => c.RecordedAt > previousEnd && c.RecordedAt <= until)
                .MaxAsync(c => (int?)c.Pain, cancellationToken);
            if (painAfter is >= Progression.PainfulBack)
            {
                var progress = await db.ExerciseProgress.ToListAsync(cancellationToken);
                foreach (var (current, _) in await PrescriptionsAsync(plan.Level, cancellationToken))
                {
                    var row = progress.FirstOrDefault(p => p.ExerciseId == current.ExerciseId);
                    if (!previous.Sets.Any(set => set.ExerciseId == current.ExerciseId) || row?.ChangedAt > previousEnd)
                    {
                        continue;
                    }
                    var decision = Progression.Next(current, [], painAfter);
                    if (row is null)
                    {
                        row = new ExerciseProgress { ExerciseId = current.ExerciseId };
                        db.ExerciseProgress.Add(row);
                    }
                    (row.Sets, row.Amount, row.Variant, row.LastChange, row.ChangedAt) =
                        (decision.Next.Sets, decision.Next.Amount, decision.Next.Variant, decision.Reason, now);
                }
            }
        }
        var session = new StrengthSession { StartedAt = now };
        db.StrengthSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    public async Task<DiaryResult<SetRecord>> LogSetAsync(StrengthSession session, string exerciseId, int? amount, double? loadKg,
        int? effort, int? pain, int? setNumber = null, CancellationToken cancellationToken = default)
    {
        // A second tap on the same "Log set" button sends the same set number: it is logged once.
        if (setNumber is { } number && session.Sets.FirstOrDefault(s => s.ExerciseId == exerciseId && s.SetNumber == number) is { } already)
        {
            return DiaryResult<SetRecord>.Saved(already);
        }
        var errors = new ValidationErrors();
        if (Exercises.All.All(e => e.Id != exerciseId))
        {
            errors.Add("ExerciseId", "Choose an exercise of the session.");
        }
        if (amount is not (>= 0 and <= 500))
        {
            errors.Add("Amount", "Enter how many reps (or seconds) you did.");
        }
        if (loadKg is < 0 or > 500)
        {
            errors.Add("LoadKg", "Enter the weight in kg, or leave it empty.");
        }
        if (effort is not (>= 1 and <= 10))
        {
            errors.Add("Effort", "Choose how hard it was, 1 to 10.");
        }
        if (pain is not (>= 0 and <= 10))
        {
            errors.Add("Pain", "Enter your back pain during the set, 0 to 10 (0 for none).");
        }
        if (session.FinishedAt is not null)
        {
            errors.Add("Session", "This session is finished.");
        }
        if (!errors.IsValid)
        {
            return DiaryResult<SetRecord>.Invalid(errors);
        }
        var set = new SetRecord
        {
            SessionId = session.Id, ExerciseId = exerciseId, Amount = amount!.Value, LoadKg = loadKg, Effort = effort!.Value,
            Pain = pain, SetNumber = session.Sets.Count(s => s.ExerciseId == exerciseId) + 1,
        };
        session.Sets.Add(set);
        await db.SaveChangesAsync(cancellationToken);
        return DiaryResult<SetRecord>.Saved(set);
    }

    /// <summary>
    /// Ends the session and moves each exercise on its ladder by the progression rules, from this session and the
    /// one before (since the last change of rung). Returns each decision with its reason.
    /// </summary>
    /// <returns>Null when nothing was logged: such a session is not kept and counts for nothing.</returns>
    public async Task<IReadOnlyList<ProgressionDecision>?> FinishSessionAsync(StrengthSession session, TrainingPlan plan,
        CancellationToken cancellationToken = default)
    {
        if (session.Sets.Count == 0)
        {
            db.StrengthSessions.Remove(session);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        var level = plan.Level;
        var now = clock.GetUtcNow();
        session.FinishedAt ??= now;
        var previous = await db.StrengthSessions.AsNoTracking().Include(s => s.Sets)
            .Where(s => s.FinishedAt != null && s.Id != session.Id && s.StartedAt < session.StartedAt && s.StartedAt >= plan.LevelSince)
            .OrderByDescending(s => s.StartedAt).FirstOrDefaultAsync(cancellationToken);

        var decisions = new List<ProgressionDecision>();
        var progress = await db.ExerciseProgress.ToListAsync(cancellationToken);
        foreach (var (current, _) in await PrescriptionsAsync(level, cancellationToken))
        {
            var row = progress.FirstOrDefault(p => p.ExerciseId == current.ExerciseId);
            // A session from before the last change of rung was done at another prescription, so it does not count.
            var history = new[] { previous, session }
                .Where(s => s is not null && s.Sets.Any(set => set.ExerciseId == current.ExerciseId)
                    && (row?.ChangedAt is not { } changedAt || s.StartedAt > changedAt))
                .Select(s => new ExerciseLog(DateOnly.FromDateTime(s!.StartedAt.UtcDateTime), current,
                    s.Sets.Where(set => set.ExerciseId == current.ExerciseId).OrderBy(set => set.SetNumber)
                        .Select(set => new SetLog(set.Amount, set.LoadKg, set.Effort, set.Pain)).ToList()))
                .ToList();
            if (!session.Sets.Any(set => set.ExerciseId == current.ExerciseId))
            {
                continue;
            }
            var decision = Progression.Next(current, history, painTheDayAfter: null);
            decisions.Add(decision);
            if (row is null)
            {
                row = new ExerciseProgress { ExerciseId = current.ExerciseId };
                db.ExerciseProgress.Add(row);
            }
            if (decision.Change != ProgressionChange.Stay)
            {
                row.ChangedAt = now;
            }
            (row.Sets, row.Amount, row.Variant, row.LastChange) = (decision.Next.Sets, decision.Next.Amount, decision.Next.Variant, decision.Reason);
        }
        await db.SaveChangesAsync(cancellationToken);
        return decisions;
    }

    /// <summary>Sessions finished in a week (Monday to Sunday, in the runner's days), for adherence.</summary>
    public Task<int> FinishedBetweenAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        db.StrengthSessions.CountAsync(s => s.FinishedAt != null && s.Sets.Any() && s.StartedAt >= from && s.StartedAt < until, cancellationToken);

    /// <summary>A new secret calendar address; the old one stops working.</summary>
    public async Task<string> NewCalendarTokenAsync(TrainingPlan plan, CancellationToken cancellationToken = default)
    {
        plan.CalendarToken = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
        await db.SaveChangesAsync(cancellationToken);
        return plan.CalendarToken;
    }

    public async Task RevokeCalendarAsync(TrainingPlan plan, CancellationToken cancellationToken = default)
    {
        plan.CalendarToken = null;
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// The calendar feed is fetched by calendar apps without a sign-in: the secret token in its address is the
/// runner's permission, so this is the one read that finds a runner's rows without a signed-in owner.
/// It returns only the training plan and time zone, never the diary.
/// </summary>
public sealed class CalendarFeedQuery(BackstrideDbContext db)
{
    public async Task<(TrainingPlan Plan, string TimeZoneId)?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return null;
        }
        var plan = await db.TrainingPlans.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(p => p.CalendarToken == token, cancellationToken);
        if (plan is null)
        {
            return null;
        }
        var zone = await db.RunnerSettings.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.UserId == plan.UserId).Select(s => s.TimeZoneId).FirstOrDefaultAsync(cancellationToken);
        return (plan, zone ?? Core.Runners.RunnerSettings.DefaultTimeZoneId);
    }
}
