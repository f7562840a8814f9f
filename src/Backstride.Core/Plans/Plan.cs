using Backstride.Core.Medication;
using Backstride.Core.Triage;

namespace Backstride.Core.Plans;

public enum TimerKind
{
    None = 0,
    Countdown = 1,
    StretchRoutine = 2,
}

/// <summary>One step of tonight's plan: what to do, for how long, why, how to stay safe, and how good the evidence is.</summary>
public sealed record PlanStep(
    string Id,
    Remedy Remedy,
    string Title,
    string What,
    TimeSpan? Duration,
    TimerKind Timer,
    string Why,
    IReadOnlyList<string> SafetyNotes,
    Evidence Evidence,
    string LearnLink,
    IReadOnlyList<GuardAnswer>? Medication = null);

/// <summary>A likely driver of the pain with its one-sentence reason; never a diagnosis.</summary>
public sealed record Contributor(string Id, string Reason);

/// <summary>Tonight's plan: the triage outcome first, then the steps in order, and what was left out and why.</summary>
public sealed record Plan(
    TriageOutcome Triage,
    IReadOnlyList<PlanStep> Steps,
    IReadOnlyList<Contributor> Contributors,
    IReadOnlyList<string> LeftOut);
