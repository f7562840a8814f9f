using Backstride.Core.CheckIns;
using Backstride.Core.Profiles;

namespace Backstride.Core.Triage;

public sealed record TriageFinding(TriageLevel Level, string Reason, string Source);

public sealed record TriageOutcome(TriageLevel Level, IReadOnlyList<TriageFinding> Findings)
{
    public bool StopsThePlan => Level == TriageLevel.Emergency;

    /// <summary>Gentle measures only: a clinician should see the runner before stretching or medication.</summary>
    public bool GentleOnly => Level == TriageLevel.Urgent;
}

/// <summary>
/// What triage looks at: this check-in, the one before it, the profile, age, the safety answers ticked, and whether
/// pain after runs has kept rising over the last weeks (<see cref="PainTrend"/>).
/// </summary>
public sealed record TriageInput(
    CheckIn CheckIn,
    CheckIn? PreviousCheckIn,
    BackProfile? Profile,
    int? Age,
    IReadOnlySet<string> YesAnswers,
    bool PainKeepsRising = false);

/// <summary>
/// Red-flag triage (CLINICAL.md §2). It can send a runner to a clinician; it never says a serious cause
/// is ruled out, because red flags diagnose poorly (Henschke, Cochrane 2013).
/// </summary>
public static class TriageRules
{
    public const int HighPain = 8;
    public const int DddLowerThresholdPain = 7;
    public const int NewPainWeeks = 4;

    /// <summary>Why this check-in's answers call for the safety questions; empty when they do not.</summary>
    public static IReadOnlyList<string> ReasonsToAsk(CheckIn checkIn)
    {
        var reasons = new List<string>();
        if (checkIn.LegsAffected == LegsAffected.BothLegs && checkIn.LegSpread != LegSpread.No)
        {
            reasons.Add("the pain goes into both legs");
        }
        if (checkIn.LegSpread == LegSpread.BelowKnee)
        {
            reasons.Add("the pain goes below the knee");
        }
        if (checkIn.Locations.HasFlag(PainLocation.DownALeg) || checkIn.LegSpread != LegSpread.No)
        {
            reasons.Add("the pain spreads down a leg, which can come with numbness");
        }
        if (checkIn.Pain >= HighPain)
        {
            reasons.Add($"the pain is {checkIn.Pain} out of 10");
        }
        return reasons.Distinct(StringComparer.Ordinal).ToList();
    }

    public static TriageOutcome Assess(TriageInput input)
    {
        var findings = new List<TriageFinding>();
        var checkIn = input.CheckIn;
        var profile = input.Profile;

        foreach (var id in input.YesAnswers)
        {
            if (RedFlags.Find(id) is not { } question)
            {
                continue;
            }
            if (id == RedFlags.MinorFallId)
            {
                if (profile is { Osteoporosis: true } or { Steroids: true })
                {
                    findings.Add(new(TriageLevel.Urgent, "Pain after a minor fall, with osteoporosis or long-term steroids.", question.Source));
                }
                continue;
            }
            findings.Add(new(question.Level, question.Sign + ".", question.Source));
        }

        if (checkIn.LegSpread != LegSpread.No && checkIn.LegsAffected == LegsAffected.BothLegs)
        {
            findings.Add(new(TriageLevel.Emergency, "Pain going down both legs.", "Cauda equina pathway, NHS/NICE CKS"));
        }

        if (profile is not null)
        {
            if (profile.HistoryOfCancer)
            {
                findings.Add(new(TriageLevel.Urgent, "Back pain with a history of cancer.", "NICE CKS; ACP/APS 2007"));
            }
            if (profile.UnexplainedWeightLoss)
            {
                findings.Add(new(TriageLevel.Urgent, "Back pain with unexplained weight loss.", "NICE CKS; ACP/APS 2007"));
            }
            if (profile.ImmuneSuppression)
            {
                findings.Add(new(TriageLevel.Urgent, "Back pain with a weakened immune system.", "NICE CKS; ACP/APS 2007"));
            }
            // Age from a birth year may be a year high, so "under 20" includes the year of the 20th birthday.
            if (input.Age is { } age && (age > 50 || age <= 20) && profile.PatternWeeks is < NewPainWeeks)
            {
                findings.Add(new(TriageLevel.Urgent, age > 50 ? "New back pain after the age of 50." : "New back pain before the age of 20.", "NICE CKS; ACP/APS 2007"));
            }
            if (profile.Ddd == DddDiagnosis.Yes && checkIn.Pain >= DddLowerThresholdPain)
            {
                findings.Add(new(TriageLevel.SeeDoctor, $"A flare-up of {checkIn.Pain}/10 with diagnosed disc degeneration: worth telling your clinician.", "PRODUCT.md: lower threshold with diagnosed DDD"));
            }
        }

        if (checkIn.LegSpread == LegSpread.BelowKnee)
        {
            findings.Add(new(TriageLevel.SeeDoctor, "Pain spreading below the knee.", "CLINICAL.md §2 (routine referral)"));
        }
        if (checkIn.Pain >= HighPain && input.PreviousCheckIn is { Pain: >= HighPain })
        {
            findings.Add(new(TriageLevel.SeeDoctor, $"Pain of {HighPain}/10 or more at two check-ins in a row.", "CLINICAL.md §2 (routine referral)"));
        }

        if (input.PainKeepsRising)
        {
            findings.Add(new(TriageLevel.SeeDoctor, $"Your pain after runs has kept rising over the last {PainTrend.Weeks} weeks.", "CLINICAL.md §2 (routine referral)"));
        }

        var level = findings.Count == 0 ? TriageLevel.SelfCare : findings.Max(f => f.Level);
        return new TriageOutcome(level, findings.OrderByDescending(f => f.Level).ToList());
    }
}
