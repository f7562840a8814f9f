using Backstride.Core.Insights;

namespace Backstride.Web.Features.Insights;

/// <summary>How the experiment options read on the pages.</summary>
public static class ExperimentText
{
    /// <summary>The options a runner can pick, in the order the form lists them.</summary>
    public static readonly IReadOnlyList<ExperimentOption> Options =
        [ExperimentOption.Heat, ExperimentOption.Ice, ExperimentOption.Stretching, ExperimentOption.WbcCream, ExperimentOption.Nothing];

    /// <summary>The option as a heading or list item: "Heat", "WBC cream", "Nothing extra".</summary>
    public static string Name(ExperimentOption option)
    {
        var inSentence = InSentence(option);
        return char.ToUpperInvariant(inSentence[0]) + inSentence[1..];
    }

    /// <summary>The option inside a sentence, worded once in Core for the result sentences too.</summary>
    public static string InSentence(ExperimentOption option) => ExperimentAnalysis.NameOf(option);

    /// <summary>What to do on an evening given to <paramref name="tonight"/>, in one sentence.</summary>
    public static string Instruction(ExperimentOption tonight, ExperimentOption other) => tonight == ExperimentOption.Nothing
        ? $"Leave out {InSentence(other)} tonight; do the rest of the plan as usual."
        : other == ExperimentOption.Nothing
            ? $"Use {InSentence(tonight)} tonight as the plan describes."
            : $"Use {InSentence(tonight)} tonight and leave out {InSentence(other)}.";
}
