using Backstride.Core.CheckIns;
using Backstride.Core.Insights;
using Backstride.Core.Plans;
using Backstride.Core.Profiles;
using Backstride.Core.Runners;
using Backstride.Core.Runs;
using Backstride.Core.Triage;
using Backstride.Data;
using Backstride.Data.Diary;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Web.Features.Plans;

/// <summary>Everything the plan page shows for one check-in, loaded once.</summary>
public sealed record PlanView(
    CheckIn CheckIn,
    Run? Run,
    PlanSession Session,
    BackProfile? Profile,
    RunnerSettings Settings,
    IReadOnlyList<string> ReasonsToAsk,
    Plan Plan,
    DateOnly? NextStrengthSession,
    ExperimentEvening? Experiment = null)
{
    /// <summary>
    /// The safety questions are due: the answers called for them and they have not been answered. An emergency the
    /// check-in already shows (pain down both legs) goes straight to the emergency screen instead.
    /// </summary>
    public bool NeedsSafetyQuestions => ReasonsToAsk.Count > 0 && Session.TriageLevel is null && !Plan.Triage.StopsThePlan;

    public PlanStepRecord? Record(string stepId) => Session.Steps.FirstOrDefault(s => s.StepId == stepId);
}

/// <summary>This check-in's evening in the runner's running self-experiment: which option is for tonight.</summary>
public sealed record ExperimentEvening(SelfExperiment Experiment, int Evening, int EveningsPlanned, ExperimentOption Tonight, ExperimentOption Other)
{
    public Remedy? TonightRemedy => SelfExperiment.RemedyOf(Tonight);

    public Remedy? LeftOut => SelfExperiment.RemedyOf(Other);
}

/// <summary>Gathers a check-in's inputs from the runner's own diary and runs triage and the plan builder over them.</summary>
public sealed class PlanLoader(BackstrideDbContext db, PlanSessionStore sessions, BackProfileStore profiles,
    DoseLogStore doses, RunnerSettingsStore settingsStore, TrainingStore training, InsightStore insights, TimeProvider clock)
{
    /// <param name="safetyAnswers">Answers to assess instead of the saved ones (when the runner has just given them).</param>
    public async Task<PlanView?> LoadAsync(Guid checkInId, IReadOnlySet<string>? safetyAnswers = null,
        CancellationToken cancellationToken = default)
    {
        var checkIn = await db.CheckIns.AsNoTracking().Include(c => c.Run).FirstOrDefaultAsync(c => c.Id == checkInId, cancellationToken);
        var session = checkIn is null ? null : await sessions.ForCheckInAsync(checkInId, cancellationToken);
        if (checkIn is null || session is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var settings = await settingsStore.GetAsync(cancellationToken);
        var profile = await profiles.CurrentAsync(cancellationToken);
        var previous = await db.CheckIns.AsNoTracking()
            .Where(c => c.RecordedAt < checkIn.RecordedAt)
            .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var since = now.AddDays(-35);
        var recentRuns = await db.Runs.AsNoTracking().Where(r => r.StartedAt >= since).ToListAsync(cancellationToken);
        var age = PlanBuilder.AgeFrom(settings.BirthYear, now);

        // The weeks before this check-in (not before today), so an older plan shows what was true that evening.
        var trendFrom = checkIn.RecordedAt.AddDays(-7 * PainTrend.Weeks - 1);
        var recentPain = await db.CheckIns.AsNoTracking()
            .Where(c => c.RecordedAt >= trendFrom && c.RecordedAt <= checkIn.RecordedAt)
            .OrderBy(c => c.RecordedAt).ThenBy(c => c.Id)
            .Select(c => new PainRow(c.Id, c.RunId, c.RecordedAt, c.Pain))
            .ToListAsync(cancellationToken);
        var triage = TriageRules.Assess(new TriageInput(checkIn, previous, profile, age, safetyAnswers ?? session.YesAnswers,
            PainTrend.KeepsRising(recentPain, checkIn.RecordedAt)));
        var plan = PlanBuilder.Build(new PlanInput(checkIn, checkIn.Run, profile, age, recentRuns,
            await doses.RecentAsync(cancellationToken), triage, CreamProduct.WbcSample, now, settings.Units));
        var programme = await training.PlanAsync(cancellationToken);
        var nextStrength = programme is null ? null : Training.TrainingWeekView.For(programme, settings, now, 0).Next?.Date;
        var experiment = plan.Triage.StopsThePlan ? null : await StoredExperimentEveningAsync(session, cancellationToken);
        return new PlanView(checkIn, checkIn.Run, session, profile, settings, TriageRules.ReasonsToAsk(checkIn), plan, nextStrength, experiment);
    }

    /// <summary>A slot is only given to an evening whose plan is shown within this time of its check-in.</summary>
    public static readonly TimeSpan ExperimentSlotWindow = TimeSpan.FromHours(12);

    // The option an evening was given, read from its stored slot; never assigns (the safety page and the API load plans too).
    private async Task<ExperimentEvening?> StoredExperimentEveningAsync(PlanSession session, CancellationToken cancellationToken)
    {
        if (session is not { ExperimentId: { } id, ExperimentSlot: { } slot }
            || await insights.FindExperimentAsync(id, cancellationToken) is not { } experiment)
        {
            return null;
        }
        return Evening(experiment, slot);
    }

    /// <summary>
    /// Gives this evening the running experiment's next slot, once, when its plan is shown after the safety answers.
    /// Only a run's first check-in, only while no later score exists for the run, and only within
    /// <see cref="ExperimentSlotWindow"/>: an option given after the outcome is known would not be random any more.
    /// </summary>
    public async Task<ExperimentEvening?> TakeExperimentSlotAsync(PlanView view, CancellationToken cancellationToken)
    {
        var checkIn = view.CheckIn;
        if (view.Plan.Triage.StopsThePlan || checkIn.RunId is not { } runId
            || clock.GetUtcNow() - checkIn.RecordedAt > ExperimentSlotWindow
            || await insights.RunningExperimentAsync(cancellationToken) is not { } experiment)
        {
            return null;
        }
        // Any other score for the same run, before it (this is a follow-up) or after it (the outcome is in).
        if (await db.CheckIns.AnyAsync(c => c.RunId == runId && c.Id != checkIn.Id, cancellationToken))
        {
            return null;
        }
        return await insights.AssignExperimentSlotAsync(view.Session, experiment.Id, checkIn.RecordedAt, cancellationToken) is { } slot
            ? Evening(experiment, slot)
            : null;
    }

    private static ExperimentEvening Evening(SelfExperiment experiment, int slot)
    {
        var tonight = ExperimentSchedule.OptionFor(experiment, slot);
        var other = tonight == experiment.OptionA ? experiment.OptionB : experiment.OptionA;
        return new ExperimentEvening(experiment, slot + 1, ExperimentSchedule.EveningsPlanned(experiment), tonight, other);
    }
}
