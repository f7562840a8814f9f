namespace Backstride.Core.Training;

/// <summary>One logged set: what was done (reps or seconds), at what effort (1–10), and back pain during it (0–10).</summary>
public sealed record SetLog(int Amount, double? LoadKg, int Effort, int? Pain);

/// <summary>One exercise as done in one session.</summary>
public sealed record ExerciseLog(DateOnly Date, Prescription Prescribed, IReadOnlyList<SetLog> Sets)
{
    public bool AllSetsCompleted => Sets.Count >= Prescribed.Sets && Sets.Take(Prescribed.Sets).All(s => s.Amount >= Prescribed.Amount);

    public int? MaxPain => Sets.Max(s => s.Pain);
}

public enum ProgressionChange
{
    StepDown = -1,
    Stay = 0,
    StepUp = 1,
}

public sealed record ProgressionDecision(Prescription Next, ProgressionChange Change, string Reason);

/// <summary>
/// Progression for one exercise: up after two sessions in a row with every set done at effort 7 or less; down
/// when back pain reached 5 or more during the last session or at the check-in the day after. Reps (or seconds)
/// rise first, then the harder version.
/// </summary>
public static class Progression
{
    public const int EasyEffort = 7;
    public const int PainfulBack = 5;
    public const int SessionsToStepUp = 2;

    private const int RepStep = 2, MinReps = 6, MaxReps = 15, RepsAfterVariantChange = 8;
    private const int HoldStep = 5, MinHold = 10, MaxHold = 60, HoldAfterVariantChange = 20;

    /// <param name="history">The exercise's logged sessions, oldest first.</param>
    /// <param name="painTheDayAfter">Pain at the check-in the day after the last session, if there was one.</param>
    public static ProgressionDecision Next(Prescription current, IReadOnlyList<ExerciseLog> history, int? painTheDayAfter)
    {
        var last = history.Count > 0 ? history[^1] : null;
        if (last?.MaxPain is >= PainfulBack)
        {
            return Down(current, $"Stepping down: your back pain reached {last.MaxPain}/10 during the last session.");
        }
        if (painTheDayAfter is >= PainfulBack)
        {
            return Down(current, $"Stepping down: your back was {painTheDayAfter}/10 the day after the last session.");
        }
        var recent = history.TakeLast(SessionsToStepUp).ToList();
        if (recent.Count == SessionsToStepUp && recent.All(l => l.AllSetsCompleted && l.Sets.All(s => s.Effort <= EasyEffort)))
        {
            var up = StepUp(current);
            return up == current
                ? new ProgressionDecision(current, ProgressionChange.Stay, "You're at the top of this exercise's ladder: keep it up.")
                : new ProgressionDecision(up, ProgressionChange.StepUp,
                    $"Stepping up: every set of your last {SessionsToStepUp} sessions was done at effort {EasyEffort}/10 or less.");
        }
        return new ProgressionDecision(current, ProgressionChange.Stay, last is null
            ? "First session at this level."
            : $"Staying: step up comes after {SessionsToStepUp} sessions in a row with every set done at effort {EasyEffort}/10 or less.");
    }

    private static ProgressionDecision Down(Prescription current, string reason)
    {
        var down = StepDown(current);
        return new ProgressionDecision(down, down == current ? ProgressionChange.Stay : ProgressionChange.StepDown,
            down == current ? reason + " This is already the easiest version: rest, and see a clinician if the pain keeps coming." : reason);
    }

    public static Prescription StepUp(Prescription current)
    {
        var hold = Exercises.Find(current.ExerciseId).Kind == DoseKind.HoldSeconds;
        var (step, max, restart) = hold ? (HoldStep, MaxHold, HoldAfterVariantChange) : (RepStep, MaxReps, RepsAfterVariantChange);
        if (current.Amount + step <= max)
        {
            return current with { Amount = current.Amount + step };
        }
        return current.Variant == Variant.Harder ? current : current with { Variant = current.Variant + 1, Amount = restart };
    }

    public static Prescription StepDown(Prescription current)
    {
        var hold = Exercises.Find(current.ExerciseId).Kind == DoseKind.HoldSeconds;
        var (step, min) = hold ? (HoldStep, MinHold) : (RepStep, MinReps);
        if (current.Amount - step >= min)
        {
            return current with { Amount = current.Amount - step };
        }
        return current.Variant == Variant.Easier ? current with { Amount = min } : current with { Variant = current.Variant - 1, Amount = min + step };
    }
}
