using Backstride.Core.Plans;

namespace Backstride.Core.Insights;

/// <summary>
/// What a self-experiment compares. Medication is left out on purpose: taking or withholding a pain reliever on a
/// random schedule is a decision for the runner and their clinician, not for an app.
/// </summary>
public enum ExperimentOption
{
    Nothing = 0,
    Ice = 1,
    Heat = 2,
    Stretching = 3,
    WbcCream = 4,
}

/// <summary>
/// An n-of-1 experiment: two options, blocks of <see cref="BlockLength"/> runs, <see cref="BlockPairs"/> pairs of
/// blocks. The order inside each pair was drawn from <see cref="Seed"/> once and is kept in <see cref="Order"/>
/// ("AB,BA,…"), so the schedule can be both shown and re-derived.
/// </summary>
public sealed class SelfExperiment : IOwnedByRunner
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public ExperimentOption OptionA { get; set; }

    public ExperimentOption OptionB { get; set; }

    public int BlockLength { get; set; }

    public int BlockPairs { get; set; }

    public long Seed { get; set; }

    /// <summary>One "AB" or "BA" per pair, comma-separated, as drawn from the seed when the experiment began.</summary>
    public string Order { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Set when the last block finished or the runner stopped early.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    public bool StoppedEarly { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public static Remedy? RemedyOf(ExperimentOption option) => option switch
    {
        ExperimentOption.Ice => Remedy.Ice,
        ExperimentOption.Heat => Remedy.Heat,
        ExperimentOption.Stretching => Remedy.Stretching,
        ExperimentOption.WbcCream => Remedy.WbcCream,
        _ => null,
    };
}
