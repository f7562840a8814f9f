using Backstride.Core.CheckIns;
using Backstride.Core.Medication;
using Backstride.Core.Profiles;
using Backstride.Core.Runs;
using Backstride.Core.Triage;
using Backstride.Core.Units;

namespace Backstride.Core.Plans;

/// <summary>Everything the plan depends on; the same input always gives the same plan.</summary>
public sealed record PlanInput(
    CheckIn CheckIn,
    Run? Run,
    BackProfile? Profile,
    int? Age,
    IReadOnlyList<Run> RecentRuns,
    IReadOnlyList<DoseLogEntry> DoseLog,
    TriageOutcome Triage,
    CreamProduct Cream,
    DateTimeOffset Now,
    DistanceUnit Units = DistanceUnit.Kilometres);

/// <summary>
/// Builds tonight's plan from the six remedies. A pure function: each rule below is one small decision with
/// its source in CLINICAL.md; red flags are decided before it and always win.
/// </summary>
public static class PlanBuilder
{
    /// <summary>Ice is never offered with reduced feeling in the skin, poor circulation or cold sensitivity (CLINICAL.md §3).</summary>
    public static bool IceAllowed(BackProfile? profile) =>
        profile?.ReducedSensation != true && profile?.CirculationOrColdSensitivity != true;

    public static Plan Build(PlanInput input)
    {
        var contributors = Contributors.Find(input.Profile, input.CheckIn, input.Run, input.RecentRuns, input.Now, input.Units);
        if (input.Triage.StopsThePlan)
        {
            return new Plan(input.Triage, [], contributors, ["No self-care plan: these signs need emergency care now."]);
        }

        var steps = new List<PlanStep>();
        var leftOut = new List<string>();
        var profile = input.Profile;
        var gentleOnly = input.Triage.GentleOnly;

        if (MedicationStep(input, gentleOnly, leftOut) is { } medication)
        {
            steps.Add(medication);
        }
        var thermal = ThermalStep(input, leftOut);
        if (thermal is not null)
        {
            steps.Add(thermal);
        }
        if (gentleOnly)
        {
            leftOut.Add("Stretching and strength work are left out until a clinician has seen you.");
        }
        else if (input.CheckIn.Pain > 0 || input.CheckIn.Stiffness != Stiffness.None)
        {
            steps.Add(StretchStep(thermal));
        }
        if (CreamStep(input, thermal, leftOut) is { } cream)
        {
            steps.Add(cream);
        }
        if (profile?.Ddd == DddDiagnosis.Yes && !gentleOnly && (input.CheckIn.Pain > 0 || input.CheckIn.Stiffness != Stiffness.None))
        {
            steps.Add(FlareUpStep());
        }
        if (!gentleOnly)
        {
            steps.Add(StrengthPointer());
        }
        return new Plan(input.Triage, steps, contributors, leftOut);
    }

    /// <summary>When the pain started: during the run, at its end, or when the runner felt it.</summary>
    public static DateTimeOffset PainStartedAt(CheckIn checkIn, Run? run) => (checkIn.Onset, run) switch
    {
        (PainOnset.During, { } r) => r.StartedAt,
        (PainOnset.RightAfter, { } r) => r.StartedAt + r.Duration,
        _ => checkIn.RecordedAt,
    };

    /// <summary>Pain that started within the last 48 hours.</summary>
    public static bool IsFresh(CheckIn checkIn, Run? run, DateTimeOffset now) =>
        checkIn.Pain > 0 && now - PainStartedAt(checkIn, run) < RemedyLimits.FreshPain;

    /// <summary>
    /// Ice for fresh pain that is sharp (4 or more) or comes without stiffness; heat for stiffness, milder
    /// fresh pain with stiffness, and older pain (CLINICAL.md §3; PRODUCT.md remedies 1 and 2).
    /// </summary>
    public static bool CallsForIce(CheckIn checkIn, Run? run, DateTimeOffset now) =>
        IsFresh(checkIn, run, now) && (checkIn.Pain >= RemedyLimits.SharpPain || checkIn.Stiffness == Stiffness.None);

    private static PlanStep? ThermalStep(PlanInput input, List<string> leftOut)
    {
        var checkIn = input.CheckIn;
        var profile = input.Profile;
        if (checkIn.Pain == 0 && checkIn.Stiffness == Stiffness.None)
        {
            return null;
        }
        var reducedSensation = profile?.ReducedSensation == true;
        var iceAllowed = IceAllowed(profile);
        var padAllowed = !reducedSensation && profile?.Diabetes != true;
        var hasIce = profile?.HasIcePack ?? true;
        var hasPad = profile?.HasHeatingPad ?? false;
        var hasShower = profile?.HasShower ?? true;

        if (CallsForIce(checkIn, input.Run, input.Now))
        {
            if (iceAllowed && hasIce)
            {
                return IceStep(checkIn.Stiffness != Stiffness.None);
            }
            leftOut.Add(!iceAllowed
                ? "No ice: with reduced feeling, poor circulation or cold sensitivity, ice can injure skin without you noticing."
                : "No ice: your profile says you have no ice pack at hand.");
        }

        if (padAllowed && hasPad && !input.Cream.Warms)
        {
            return HeatStep(pad: true);
        }
        if (hasShower)
        {
            if (reducedSensation || input.Profile?.Diabetes == true)
            {
                leftOut.Add("No heating pad: with reduced feeling or diabetes, pads cause burns people don't feel. A warm (not hot) shower stays.");
            }
            else if (hasPad && input.Cream.Warms)
            {
                leftOut.Add($"No heating pad tonight: {input.Cream.Name} contains a warming ingredient, and a pad over it can burn. A warm shower instead.");
            }
            return HeatStep(pad: false);
        }
        leftOut.Add("No heat step: your profile has no shower or heating pad that is safe for you.");
        return null;
    }

    private static PlanStep IceStep(bool alsoStiff) => new(
        "ice", Remedy.Ice, "Ice your lower back",
        "Wrap an ice pack (or a bag of frozen peas) in a thin cloth and rest it on the sore spot while you lie down.",
        RemedyLimits.MaxIce, TimerKind.Countdown,
        "The pain is fresh (it started in the last 48 hours) and sharp enough that cold may dull it."
            + (alsoStiff ? " Ice first tonight; heat suits the stiffness better from tomorrow." : ""),
        [
            "Always keep a cloth between the ice and your skin.",
            "Stop at 20 minutes; the timer will not go longer.",
            "Stop early if the skin turns white or numb, or burns.",
        ],
        RemedyEvidence.ByRemedy[Remedy.Ice], "/learn/ice");

    private static PlanStep HeatStep(bool pad) => pad
        ? new("heat", Remedy.Heat, "Heat on your lower back",
            "Lie on your side or front with an electric heating pad on a low or medium setting over your lower back.",
            RemedyLimits.MaxHeat, TimerKind.Countdown,
            "Heat loosens tight muscles and joints; it is the best-supported of the evening remedies for stiffness and older pain.",
            [
                "Never fall asleep on a heating pad: set the timer, and turn the pad off when it ends.",
                "Stop at 20 minutes; longer risks overheating and skin damage.",
                "No warming, menthol or salicylate cream on the same skin.",
            ],
            RemedyEvidence.ByRemedy[Remedy.Heat], "/learn/heat")
        : new("heat", Remedy.Heat, "A warm shower on your lower back",
            "Let warm (not hot) water run over your lower back while you stand and breathe slowly.",
            RemedyLimits.ShowerHeat, TimerKind.Countdown,
            "Warmth loosens tight muscles and joints; a shower is the gentlest way to get it.",
            ["Warm, not hot: test the water with your hand first.", "Sit down if you feel light-headed."],
            RemedyEvidence.ByRemedy[Remedy.Heat], "/learn/heat");

    private static PlanStep StretchStep(PlanStep? thermal) => new(
        "stretching", Remedy.Stretching, "Three gentle stretches",
        string.Join("; ", Stretches.Evening.Select(s => s.Name + (s.BothSides ? " (each side)" : ""))) + ". The player counts each hold for you.",
        TimeSpan.FromSeconds(Stretches.Evening.Sum(s => (s.BothSides ? 2 : 1) * (s.HoldSeconds + Stretches.GetReadySeconds))),
        TimerKind.StretchRoutine,
        (thermal is null ? "" : "Muscles stretch more easily after " + (thermal.Remedy == Remedy.Ice ? "the ice has worn off a little" : "heat") + ". ")
            + "These three ease the hips and lower back that running tightens.",
        ["Move slowly into each stretch and breathe.", "Mild pulling is fine; sharp or shooting pain means stop."],
        RemedyEvidence.ByRemedy[Remedy.Stretching], "/learn/stretching");

    private static PlanStep? CreamStep(PlanInput input, PlanStep? thermal, List<string> leftOut)
    {
        var cream = input.Cream;
        var notes = new List<string> { "A thin layer on the lower back only.", "Not on broken or irritated skin.", "Wash your hands afterwards." };
        if (cream.Warms)
        {
            notes.Add("It contains a warming ingredient: never under a heating pad or with other heat on the same skin.");
        }
        if (input.Profile?.SkinAllergies == true)
        {
            notes.Add("You have skin allergies: try a small patch first, and check the ingredients: " + string.Join(", ", cream.Ingredients) + ".");
        }
        return new PlanStep("cream", Remedy.WbcCream, "WBC cream, if you use it",
            $"Rub a thin layer of {cream.Name} into the sore area" + (thermal is null ? "." : " once the " + (thermal.Remedy == Remedy.Ice ? "ice" : "heat") + " step is over and the skin is dry."),
            null, TimerKind.None,
            "Some runners like how it feels. We make it, so we say it plainly: there is no trial of it in back pain.",
            notes, RemedyEvidence.ByRemedy[Remedy.WbcCream], cream.Link);
    }

    private static PlanStep? MedicationStep(PlanInput input, bool gentleOnly, List<string> leftOut)
    {
        if (input.Profile is not { MedicationOptIn: true } profile || input.CheckIn.Pain == 0)
        {
            return null;
        }
        if (gentleOnly)
        {
            leftOut.Add("No medication step: ask the clinician you see about pain relief.");
            return null;
        }
        var afterLongRun = input.Run is { } run && run.Duration >= RemedyLimits.LongRun;
        var answers = MedicationGuard.CheckAll(input.DoseLog, new GuardContext(input.Age, profile, afterLongRun), input.Now);
        if (!answers.Any(a => a.Allowed))
        {
            leftOut.Add("No medication step: " + (answers.SelectMany(a => a.Reasons).FirstOrDefault() ?? "none is allowed now."));
            return null;
        }
        // Onset: acetaminophen 0.5–1 h (Davis's Drug Guide 2025); NSAID onset is unconfirmed, so no number for them.
        var onsets = new List<string>();
        if (answers.Any(a => a.Allowed && !a.Product.IsNsaid))
        {
            onsets.Add("acetaminophen starts working in 30 to 60 minutes");
        }
        if (answers.Any(a => a.Allowed && a.Product.IsNsaid))
        {
            onsets.Add("ibuprofen, naproxen and aspirin often within an hour");
        }
        return new PlanStep("medication", Remedy.Medication, "A pain reliever, if you want one",
            "Only what the guard allows now, at most the dose shown. Take it first: " + string.Join("; ", onsets) + ".",
            null, TimerKind.None,
            afterLongRun
                ? "You asked for medication steps. After a long run, drink first; NSAIDs are left out tonight."
                : "You asked for medication steps. The evidence for them in back pain is weak, so it is your choice.",
            ["Never more than the label's dose; log what you take so the guard can count it."],
            RemedyEvidence.ByRemedy[Remedy.Medication], "/learn/medication", answers);
    }

    private static PlanStep FlareUpStep() => new(
        "flare-up", Remedy.StrengthTraining, "Your flare-up plan",
        "Keep moving gently (short easy walks beat bed rest), use heat, and go back to running with shorter, easier runs for a few days.",
        null, TimerKind.None,
        "With diagnosed disc degeneration, flare-ups come and go. They are treatable, and running is linked with healthier discs, so there is no need to stop.",
        ["See your clinician if this flare-up is worse than usual, lasts more than a week, or spreads down a leg."],
        RemedyEvidence.ByRemedy[Remedy.StrengthTraining], "/learn/disc-degeneration");

    private static PlanStep StrengthPointer() => new(
        "strength", Remedy.StrengthTraining, "Strength work this week (not tonight)",
        "Two or three short sessions a week of squats, hip hinges and core work build the support good posture needs.",
        null, TimerKind.None,
        "Of everything here, regular strength and exercise work has the best evidence for fewer and milder bouts of back pain.",
        ["Start light and add a little each week.", "Skip a session while pain is above 5 out of 10."],
        RemedyEvidence.ByRemedy[Remedy.StrengthTraining], "/learn/strength");

    /// <summary>The age in whole years this year, from the birth year in the runner's settings.</summary>
    public static int? AgeFrom(int? birthYear, DateTimeOffset now) => birthYear is { } year ? now.Year - year : null;
}
