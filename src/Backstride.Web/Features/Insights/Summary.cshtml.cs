using Backstride.Core.CheckIns;
using Backstride.Core.Insights;
using Backstride.Core.Medication;
using Backstride.Core.Plans;
using Backstride.Core.Profiles;
using Backstride.Core.Runners;
using Backstride.Core.Triage;
using Backstride.Data;
using Backstride.Data.Diary;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Web.Features.Insights;

/// <summary>One question of the back profile with the runner's answer, in the profile page's words.</summary>
public sealed record ProfileAnswer(string Question, string Answer);

/// <summary>A check-in whose triage sent the runner to a clinician, or where a safety question was answered "yes".</summary>
public sealed record RedFlagEvening(DateTimeOffset At, int Pain, TriageLevel Level, IReadOnlyList<string> Statements);

/// <summary>One Monday-to-Sunday week of the pain trend; means are null when no run that week has the score.</summary>

/// <summary>One logged dose; product details are null when the product is no longer in the reviewed table.</summary>
public sealed record DoseLine(DateTime LocalTakenAt, string Product, ActiveIngredient? Ingredient, int Units, int? StrengthMg)
{
    public int? TotalMg => StrengthMg * Units;
}

/// <summary>What the runner took of one active ingredient over the medication period.</summary>
public sealed record IngredientTotal(ActiveIngredient Ingredient, int Doses, int Units, int TotalMg, int Days, int MostMgInOneDay);

/// <summary>
/// The one-page summary a runner hands their clinician: profile answers, red-flag history, pain trend, medication
/// log, remedies with the runner's own response, and the run factors that stand out. Everything is the signed-in
/// runner's own diary, read through the per-runner filter.
/// </summary>
public sealed class SummaryModel(InsightLoader loader, BackProfileStore profiles, BackstrideDbContext db, TimeProvider clock) : PageModel
{
    public const int TrendWeeks = 12;

    public const int MedicationDays = 90;

    // Enough for a clinician to see the pattern while the page still fits on paper.
    public const int MaxRedFlagEvenings = 10;

    public RunnerSettings Settings { get; private set; } = new();

    public DateTimeOffset GeneratedAt { get; private set; }

    /// <summary>The first diary entry (run, check-in or dose); null when the diary is empty.</summary>
    public DateTimeOffset? DiaryStart { get; private set; }

    public DateOnly TrendFrom { get; private set; }

    public DateOnly MedicationFrom { get; private set; }

    public BackProfile? Profile { get; private set; }

    public IReadOnlyList<ProfileAnswer> ProfileAnswers { get; private set; } = [];

    public IReadOnlyList<RedFlagEvening> RedFlagEvenings { get; private set; } = [];

    /// <summary>How many red-flag evenings there are in all; only the newest <see cref="MaxRedFlagEvenings"/> are listed.</summary>
    public int RedFlagCount { get; private set; }

    public IReadOnlyList<WeekFigures> Weeks { get; private set; } = [];

    public DashboardSummary Trend { get; private set; } = null!;

    public int EveningsWithPain { get; private set; }

    public IReadOnlyList<DoseLine> Doses { get; private set; } = [];

    public IReadOnlyList<IngredientTotal> IngredientTotals { get; private set; } = [];

    public IReadOnlyList<RemedyResult> Remedies { get; private set; } = [];

    public int EveningsWithFollowUp { get; private set; }

    public FactorReport Factors { get; private set; } = new([], 0, 0);

    public IReadOnlyList<FactorResult> StandingOut { get; private set; } = [];

    public bool DiaryIsEmpty => DiaryStart is null && Profile is null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var context = await loader.LoadAsync(cancellationToken);
        var (settings, diary, evenings) = context;
        Settings = settings;
        var now = clock.GetUtcNow();
        GeneratedAt = now;
        DiaryStart = FirstEntry(diary);

        Profile = await profiles.CurrentAsync(cancellationToken);
        ProfileAnswers = Answers(Profile, settings);

        var redFlags = await RedFlagEveningsAsync(diary, Profile, settings, cancellationToken);
        RedFlagCount = redFlags.Count;
        RedFlagEvenings = redFlags.Take(MaxRedFlagEvenings).ToList();

        var zone = diary.TimeZone;
        TrendFrom = Dashboard.WeekStartOf(Dashboard.LocalDate(now, zone)).AddDays(-7 * (TrendWeeks - 1));
        var trendStart = settings.FromLocal(TrendFrom.ToDateTime(TimeOnly.MinValue)) ?? now.AddDays(-7 * TrendWeeks);
        Trend = Dashboard.Build(diary, evenings, now, trendStart, settings.Units);
        Weeks = Trend.Weeks;
        EveningsWithPain = evenings.Count;
        EveningsWithFollowUp = evenings.Count(e => e.FollowUp is not null);

        var medicationSince = now.AddDays(-MedicationDays);
        MedicationFrom = Dashboard.LocalDate(medicationSince, zone);
        Doses = diary.Doses
            .Where(d => d.TakenAt >= medicationSince && d.TakenAt <= now)
            .OrderBy(d => d.TakenAt)
            .Select(d => Line(d, settings))
            .ToList();
        IngredientTotals = Totals(Doses);

        Remedies = RemedyAnalysis.Analyse(diary, evenings);
        Factors = FactorAnalysis.Analyse(diary, evenings, settings.Units);
        StandingOut = Factors.Factors.Where(f => f.StandsOut).ToList();
    }

    private static DateTimeOffset? FirstEntry(InsightDiary diary)
    {
        DateTimeOffset?[] firsts =
        [
            diary.Runs.Count > 0 ? diary.Runs[0].StartedAt : null,
            diary.CheckIns.Count > 0 ? diary.CheckIns[0].RecordedAt : null,
            diary.Doses.Count > 0 ? diary.Doses[0].TakenAt : null,
        ];
        return firsts.Where(f => f is not null).Min();
    }

    /// <summary>Only what was answered or ticked, in the words of the profile page, so the clinician reads what the runner read.</summary>
    private static List<ProfileAnswer> Answers(BackProfile? profile, RunnerSettings settings)
    {
        var answers = new List<ProfileAnswer>();
        if (settings.BirthYear is { } born)
        {
            answers.Add(new("Birth year", born.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (profile is null)
        {
            return answers;
        }
        answers.Add(new("Degenerative disc disease (wear of the discs in the spine) diagnosed by a doctor", profile.Ddd switch
        {
            DddDiagnosis.Yes => "Yes",
            DddDiagnosis.NotSure => "Not sure",
            _ => "No",
        }));
        if (profile.PatternWeeks is { } weeks)
        {
            answers.Add(new("Back pain after runs has been a pattern for",
                weeks == 1 ? "1 week" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{weeks} weeks")));
        }
        if (profile.Timing is { } timing)
        {
            answers.Add(new("When it comes", timing switch
            {
                PainTiming.AfterEveryRun => "After every run",
                PainTiming.AfterLongOrHardRuns => "After long or hard runs",
                _ => "Not tied to running",
            }));
        }
        AddTicked(answers, "Posture check: when running, they", [
            (profile.ArchesBack, "arch the lower back"),
            (profile.ShouldersSlumped, "let the shoulders slump forward"),
            (profile.HeavyLandings, "land heavily or loudly"),
        ]);
        AddTicked(answers, "Health", [
            (profile.ReducedSensation, "Reduced feeling in the skin of the back"),
            (profile.Diabetes, "Diabetes"),
            (profile.CirculationOrColdSensitivity, "Poor circulation or cold sensitivity"),
            (profile.SkinAllergies, "Skin allergies"),
            (profile.Osteoporosis, "Osteoporosis (thin bones)"),
            (profile.HistoryOfCancer, "Cancer, now or in the past"),
            (profile.UnexplainedWeightLoss, "Weight loss they can't explain"),
            (profile.ImmuneSuppression, "A weakened immune system"),
        ]);
        var pregnant = profile.PregnancyWeek is { } week
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Pregnant (week {week})")
            : "Pregnant";
        AddTicked(answers, "Relevant to pain relievers", [
            (profile.LiverDisease, "Liver disease"),
            (profile.KidneyDisease, "Kidney disease"),
            (profile.StomachUlcerOrBleeding, "A stomach ulcer or bleeding, now or before"),
            (profile.BloodThinners, "Blood thinners (e.g. warfarin)"),
            (profile.Steroids, "Steroid tablets"),
            (profile.Asthma, "Asthma"),
            (profile.HighBloodPressure, "High blood pressure"),
            (profile.HeartDiseaseOrStroke, "Heart disease or a past stroke"),
            (profile.ThreeOrMoreDrinksDaily, "3 or more alcoholic drinks a day"),
            (profile.Pregnant, pregnant),
        ]);
        if (profile.MedicationOptIn)
        {
            answers.Add(new("Pain relievers in the app's plans", "Asked for (off unless the runner ticks it)"));
        }
        return answers;
    }

    private static void AddTicked(List<ProfileAnswer> answers, string question, (bool Ticked, string Text)[] choices)
    {
        var ticked = choices.Where(c => c.Ticked).Select(c => c.Text).ToList();
        if (ticked.Count > 0)
        {
            answers.Add(new(question, string.Join("; ", ticked)));
        }
    }

    /// <summary>
    /// Newest first. The level is the one saved with the safety answers; a check-in that showed a sign by itself
    /// (pain down both legs, below the knee, two high scores in a row) counts too, because the plan page acts on it
    /// without the safety questions being saved. Profile history (cancer, age) is in the profile answers, not repeated here.
    /// </summary>
    private async Task<List<RedFlagEvening>> RedFlagEveningsAsync(InsightDiary diary, BackProfile? profile, RunnerSettings settings,
        CancellationToken cancellationToken)
    {
        // TriageLevel is stored as text, so levels are matched one by one rather than compared.
        var sessions = await db.PlanSessions.AsNoTracking()
            .Where(s => s.SafetyAnswers != "" || s.TriageLevel == TriageLevel.SeeDoctor
                || s.TriageLevel == TriageLevel.Urgent || s.TriageLevel == TriageLevel.Emergency)
            .Select(s => new { s.CheckInId, s.TriageLevel, s.SafetyAnswers })
            .ToListAsync(cancellationToken);
        var flaggedIds = sessions.Select(s => s.CheckInId).ToList();
        var checkIns = await db.CheckIns.AsNoTracking()
            .Where(c => flaggedIds.Contains(c.Id) || c.LegSpread != LegSpread.No || c.Pain >= TriageRules.HighPain)
            .ToListAsync(cancellationToken);
        var answered = sessions.ToDictionary(s => s.CheckInId);
        var position = new Dictionary<Guid, int>(diary.CheckIns.Count);
        for (var i = 0; i < diary.CheckIns.Count; i++)
        {
            position[diary.CheckIns[i].Id] = i;
        }

        var result = new List<RedFlagEvening>();
        foreach (var checkIn in checkIns)
        {
            // Triage only reads the previous check-in's score.
            CheckIn? previous = position.TryGetValue(checkIn.Id, out var index) && index > 0
                ? new CheckIn { Pain = diary.CheckIns[index - 1].Pain, RecordedAt = diary.CheckIns[index - 1].RecordedAt }
                : null;
            answered.TryGetValue(checkIn.Id, out var session);
            IReadOnlySet<string> yes = session is null ? NoAnswers : new PlanSession { SafetyAnswers = session.SafetyAnswers }.YesAnswers;
            var questions = yes.Select(RedFlags.Find).OfType<RedFlagQuestion>().ToList();
            // The signs the check-in shows by itself, without the profile, so a profile history does not flag every evening.
            var signs = TriageRules.Assess(new TriageInput(checkIn, previous, Profile: null, Age: null, NoAnswers));
            // Answers reopened after an edit have no saved level: assess them as the plan page would.
            var level = session?.TriageLevel ?? (questions.Count > 0
                ? TriageRules.Assess(new TriageInput(checkIn, previous, profile, PlanBuilder.AgeFrom(settings.BirthYear, checkIn.RecordedAt), yes)).Level
                : TriageLevel.SelfCare);
            if (signs.Level > level)
            {
                level = signs.Level;
            }
            if (level == TriageLevel.SelfCare && questions.Count == 0)
            {
                continue;
            }
            var statements = questions.OrderByDescending(q => q.Level).Select(q => q.Sign + ".")
                .Concat(signs.Findings.Select(f => f.Reason))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (statements.Count == 0)
            {
                statements.Add("No sign ticked; the level came from the back profile answers above together with this check-in.");
            }
            result.Add(new RedFlagEvening(checkIn.RecordedAt, checkIn.Pain, level, statements));
        }
        return result.OrderByDescending(r => r.At).ToList();
    }

    private static readonly IReadOnlySet<string> NoAnswers = new HashSet<string>();

    private static DoseLine Line(DoseRow dose, RunnerSettings settings)
    {
        var product = MedicationProducts.Find(dose.ProductId);
        return new DoseLine(settings.ToLocal(dose.TakenAt), product?.Brand ?? dose.ProductId, product?.Ingredient, dose.Units, product?.StrengthMg);
    }

    private static List<IngredientTotal> Totals(IReadOnlyList<DoseLine> doses) =>
        doses
            .Where(d => d.Ingredient is not null)
            .GroupBy(d => d.Ingredient!.Value)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var perDay = g.GroupBy(d => DateOnly.FromDateTime(d.LocalTakenAt)).Select(day => day.Sum(d => d.TotalMg ?? 0)).ToList();
                return new IngredientTotal(g.Key, g.Count(), g.Sum(d => d.Units), g.Sum(d => d.TotalMg ?? 0), perDay.Count, perDay.Max());
            })
            .ToList();
}
