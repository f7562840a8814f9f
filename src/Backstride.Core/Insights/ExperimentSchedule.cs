using System.Globalization;
using Backstride.Core.Triage;
using Backstride.Core.Validation;

namespace Backstride.Core.Insights;

/// <summary>
/// Where an experiment stands. <see cref="Block"/> (1 to 2 × BlockPairs) and <see cref="Pair"/> (1 to BlockPairs) are
/// counted from 1 for display: the block and pair tonight's evening belongs to, or the last ones once finished.
/// </summary>
public sealed record ExperimentProgress(int EveningsCounted, int EveningsPlanned, ExperimentOption? Tonight, int Block, int Pair, bool Finished);

/// <summary>The randomised schedule of a self-experiment and which run evenings count towards it.</summary>
public static class ExperimentSchedule
{
    public const int MinBlockLength = 1, MaxBlockLength = 7, MinBlockPairs = 2, MaxBlockPairs = 8;

    public const string OptionAField = "OptionA";
    public const string OptionBField = "OptionB";
    public const string BlockLengthField = "BlockLength";
    public const string BlockPairsField = "BlockPairs";

    /// <summary>
    /// One "AB" or "BA" per pair from SplitMix64 over the seed. Written out here rather than System.Random, whose
    /// algorithm may change between .NET versions, so a stored seed gives the same schedule forever.
    /// </summary>
    public static string DrawOrder(long seed, int pairs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pairs);
        var state = unchecked((ulong)seed);
        var orders = new string[pairs];
        for (var i = 0; i < pairs; i++)
        {
            orders[i] = (NextSplitMix64(ref state) >> 63) == 0 ? "AB" : "BA";
        }
        return string.Join(',', orders);
    }

    private static ulong NextSplitMix64(ref ulong state)
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    public static ValidationErrors Validate(ExperimentOption a, ExperimentOption b, int blockLength, int blockPairs)
    {
        var errors = new ValidationErrors();
        if (!Enum.IsDefined(a))
        {
            errors.Add(OptionAField, "Choose the first option to compare.");
        }
        if (!Enum.IsDefined(b))
        {
            errors.Add(OptionBField, "Choose the second option to compare.");
        }
        else if (a == b)
        {
            errors.Add(OptionBField, "Choose two different options: comparing an option with itself shows nothing.");
        }
        if (blockLength is < MinBlockLength or > MaxBlockLength)
        {
            errors.Add(BlockLengthField, string.Create(CultureInfo.InvariantCulture, $"A block is {MinBlockLength} to {MaxBlockLength} runs long."));
        }
        if (blockPairs is < MinBlockPairs or > MaxBlockPairs)
        {
            errors.Add(BlockPairsField, string.Create(CultureInfo.InvariantCulture, $"Choose {MinBlockPairs} to {MaxBlockPairs} pairs of blocks: at least {MinBlockPairs} are needed to tell a difference from chance."));
        }
        return errors;
    }

    /// <summary>Refuses what <see cref="Validate"/> refuses; the caller sets the owner.</summary>
    public static SelfExperiment Start(ExperimentOption a, ExperimentOption b, int blockLength, int blockPairs, long seed, DateTimeOffset now)
    {
        var errors = Validate(a, b, blockLength, blockPairs);
        if (!errors.IsValid)
        {
            throw new ArgumentException(string.Join(" ", errors.Fields.SelectMany(errors.For)));
        }
        return new SelfExperiment
        {
            OptionA = a,
            OptionB = b,
            BlockLength = blockLength,
            BlockPairs = blockPairs,
            Seed = seed,
            Order = DrawOrder(seed, blockPairs),
            StartedAt = now,
            CreatedAt = now,
        };
    }

    public static int EveningsPlanned(SelfExperiment e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.BlockLength * 2 * e.BlockPairs;
    }

    public static ExperimentOption OptionFor(SelfExperiment e, int eveningIndex)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentOutOfRangeException.ThrowIfNegative(eveningIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(eveningIndex, EveningsPlanned(e));
        var block = eveningIndex / e.BlockLength;
        var pair = block / 2;
        var orders = e.Order.Split(',');
        if (orders.Length != e.BlockPairs || orders.Any(o => o is not ("AB" or "BA")))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The experiment's stored order \"{e.Order}\" does not hold {e.BlockPairs} pairs of \"AB\" or \"BA\"."));
        }
        var letter = orders[pair][block % 2];
        return letter == 'A' ? e.OptionA : e.OptionB;
    }

    /// <summary>
    /// Whether a run's check-in can take the experiment's next slot when its plan is first shown: the experiment is
    /// still running, the check-in came after its start, and slots are left. The plan page decides the rest (only a
    /// run's first check-in, never an evening whose plan is stopped by a red flag).
    /// </summary>
    public static bool CanAssign(SelfExperiment e, DateTimeOffset checkInAt, int slotsTaken)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.EndedAt is null && checkInAt >= e.StartedAt && slotsTaken < EveningsPlanned(e);
    }

    /// <summary>
    /// The evenings that count, in slot order. The slot is stored on the evening's plan when the runner is first told
    /// tonight's option, so opening an older plan later never moves another evening to the other option. An evening
    /// whose answers later turned out to be an emergency keeps its slot (so no other evening shifts) but is not counted.
    /// </summary>
    public static IReadOnlyList<RunEvening> EveningsOf(SelfExperiment e, IReadOnlyList<RunEvening> evenings) =>
        Slotted(e, evenings).Where(x => x.Plan!.Triage != TriageLevel.Emergency).ToList();

    // Every evening given a slot of the experiment, emergencies included: the next slot comes after all of them.
    private static List<RunEvening> Slotted(SelfExperiment e, IReadOnlyList<RunEvening> evenings)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(evenings);
        return evenings
            .Where(x => x.Plan is { ExperimentSlot: not null } plan && plan.ExperimentId == e.Id)
            .OrderBy(SlotOf)
            .ToList();
    }

    /// <summary>The slot an evening of the experiment was given.</summary>
    public static int SlotOf(RunEvening evening)
    {
        ArgumentNullException.ThrowIfNull(evening);
        return evening.Plan?.ExperimentSlot ?? throw new ArgumentException("The evening has no experiment slot.", nameof(evening));
    }

    public static ExperimentProgress Progress(SelfExperiment e, IReadOnlyList<RunEvening> evenings)
    {
        var planned = EveningsPlanned(e);
        var counted = EveningsOf(e, evenings).Count;
        var slotted = Slotted(e, evenings);
        // The same rule the plan page uses to give the next slot: after the highest slot given.
        var next = slotted.Count == 0 ? 0 : SlotOf(slotted[^1]) + 1;
        var finished = next >= planned || e.EndedAt is not null;
        // Once finished, report the last block reached rather than one past the end.
        var blockIndex = Math.Min(finished ? Math.Max(next - 1, 0) : next, planned - 1) / e.BlockLength;
        return new ExperimentProgress(
            counted,
            planned,
            finished ? null : OptionFor(e, next),
            blockIndex + 1,
            blockIndex / 2 + 1,
            finished);
    }
}
