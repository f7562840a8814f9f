using Backstride.Core.Medication;
using Backstride.Core.Plans;
using Backstride.Core.Profiles;
using Backstride.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Data.Diary;

/// <summary>The runner's back profile: every save is a new version; the newest is current.</summary>
public sealed class BackProfileStore(BackstrideDbContext db, TimeProvider clock)
{
    public const int MaxPatternWeeks = 52 * 80;

    public Task<BackProfile?> CurrentAsync(CancellationToken cancellationToken = default) =>
        db.BackProfiles.AsNoTracking().OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);

    public Task<int> VersionCountAsync(CancellationToken cancellationToken = default) =>
        db.BackProfiles.CountAsync(cancellationToken);

    public static ValidationErrors Validate(BackProfile profile)
    {
        var errors = new ValidationErrors();
        if (profile.PatternWeeks is < 0 or > MaxPatternWeeks)
        {
            errors.Add(nameof(BackProfile.PatternWeeks), "Enter a number of weeks, 0 or more.");
        }
        if (profile.Pregnant && profile.PregnancyWeek is not (>= 1 and <= 45))
        {
            errors.Add(nameof(BackProfile.PregnancyWeek), "Enter the week of pregnancy (1 to 45).");
        }
        if (!Enum.IsDefined(profile.Ddd))
        {
            errors.Add(nameof(BackProfile.Ddd), "Choose yes, no or not sure.");
        }
        return errors;
    }

    /// <summary>Saves the answers as the next version; earlier versions stay as they were.</summary>
    public async Task<DiaryResult<BackProfile>> SaveAsync(BackProfile answers, CancellationToken cancellationToken = default)
    {
        var errors = Validate(answers);
        if (!errors.IsValid)
        {
            return DiaryResult<BackProfile>.Invalid(errors);
        }
        var latest = await db.BackProfiles.AsNoTracking().MaxAsync(p => (int?)p.Version, cancellationToken) ?? 0;
        var saved = answers.NextVersion(clock.GetUtcNow());
        saved.Version = latest + 1;
        saved.UserId = Guid.Empty;
        if (!saved.Pregnant)
        {
            saved.PregnancyWeek = null;
        }
        db.BackProfiles.Add(saved);
        await db.SaveChangesAsync(cancellationToken);
        return DiaryResult<BackProfile>.Saved(saved);
    }
}

/// <summary>What the runner took, for the medication guard to count.</summary>
public sealed class DoseLogStore(BackstrideDbContext db, TimeProvider clock)
{
    public const int MaxUnits = 20;

    /// <summary>The doses the guard needs: the last 24 hours and a margin.</summary>
    public Task<List<DoseLogEntry>> RecentAsync(CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow() - MedicationGuard.Window - TimeSpan.FromHours(12);
        return db.DoseLog.AsNoTracking().Where(d => d.TakenAt >= since).OrderByDescending(d => d.TakenAt).ToListAsync(cancellationToken);
    }

    public async Task<DiaryResult<DoseLogEntry>> AddAsync(string? productId, DateTimeOffset? takenAt, int? units,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var errors = new ValidationErrors();
        if (MedicationProducts.Find(productId) is null)
        {
            errors.Add("ProductId", "Choose the product you took.");
        }
        if (takenAt is not { } at)
        {
            errors.Add("TakenAt", "Enter when you took it.");
        }
        else if (at > now + TimeSpan.FromMinutes(1))
        {
            errors.Add("TakenAt", "Log a dose once you have taken it, not in advance.");
        }
        else if (at < now - TimeSpan.FromDays(7))
        {
            errors.Add("TakenAt", "Only the last few days matter to the guard; enter a time in the last 7 days.");
        }
        if (units is not (>= 1 and <= MaxUnits))
        {
            errors.Add("Units", $"Enter how many tablets you took (1 to {MaxUnits}).");
        }
        if (!errors.IsValid)
        {
            return DiaryResult<DoseLogEntry>.Invalid(errors);
        }
        var entry = new DoseLogEntry { ProductId = productId!, TakenAt = takenAt!.Value.ToUniversalTime(), Units = units!.Value, CreatedAt = now };
        db.DoseLog.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return DiaryResult<DoseLogEntry>.Saved(entry);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var entry = await db.DoseLog.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (entry is null)
        {
            return false;
        }
        db.DoseLog.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>The plan sessions of the runner's check-ins: safety answers, and what was done with each step.</summary>
public sealed class PlanSessionStore(BackstrideDbContext db, TimeProvider clock)
{
    /// <summary>The session of a check-in, created on first use; null when the check-in is not this runner's.</summary>
    public async Task<PlanSession?> ForCheckInAsync(Guid checkInId, CancellationToken cancellationToken = default)
    {
        var session = await db.PlanSessions.Include(s => s.Steps).FirstOrDefaultAsync(s => s.CheckInId == checkInId, cancellationToken);
        if (session is not null)
        {
            return session;
        }
        if (!await db.CheckIns.AnyAsync(c => c.Id == checkInId, cancellationToken))
        {
            return null;
        }
        session = new PlanSession { CheckInId = checkInId, CreatedAt = clock.GetUtcNow() };
        db.PlanSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    /// <summary>After a check-in changes, its safety answers are asked again (the earlier ticks are kept to start from).</summary>
    public async Task ReopenSafetyQuestionsAsync(Guid checkInId, CancellationToken cancellationToken = default)
    {
        var reopened = await db.PlanSessions.Where(s => s.CheckInId == checkInId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.TriageLevel, (Core.Triage.TriageLevel?)null), cancellationToken);
        if (reopened > 0 && db.DiaryOwnerIdOrNull is { } owner)
        {
            await db.TouchDiaryAsync(owner, cancellationToken);
        }
    }

    public async Task SaveSafetyAnswersAsync(PlanSession session, IEnumerable<string> yesIds, Core.Triage.TriageLevel level,
        CancellationToken cancellationToken = default)
    {
        session.SafetyAnswers = string.Join(',', yesIds.Where(id => Core.Triage.RedFlags.Find(id) is not null).Distinct(StringComparer.Ordinal));
        session.TriageLevel = level;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Applies a change to one step's record (created on first use) and saves it.</summary>
    public async Task<PlanStepRecord> UpdateStepAsync(PlanSession session, string stepId, Action<PlanStepRecord, DateTimeOffset> change,
        CancellationToken cancellationToken = default)
    {
        var record = session.Steps.FirstOrDefault(s => s.StepId == stepId);
        if (record is null)
        {
            record = new PlanStepRecord { StepId = stepId, PlanSessionId = session.Id };
            session.Steps.Add(record);
        }
        var now = clock.GetUtcNow();
        change(record, now);
        record.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }
}
