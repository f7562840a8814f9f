using System.Globalization;
using Backstride.Core.Plans;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Learn;

/// <summary>
/// The model of every Learn page. The pages hold no state and need no account; their clinical content comes
/// from the reviewed tables in Backstride.Core (CLINICAL.md), rendered rather than retyped.
/// </summary>
[AllowAnonymous]
public sealed class LearnModel : PageModel
{
}

/// <summary>One Learn topic as the index lists it; a remedy topic also shows its evidence level.</summary>
public sealed record LearnTopic(string Path, string Title, string Summary, Remedy? Remedy = null)
{
    public Evidence? Evidence => Remedy is { } remedy ? RemedyEvidence.ByRemedy[remedy] : null;
}

public static class LearnTopics
{
    public static readonly IReadOnlyList<LearnTopic> Causes =
    [
        new("/learn/posture", "Running posture",
            "Arching your back, slumped shoulders and hard landings, and the one form change with the most study behind it."),
        new("/learn/disc-degeneration", "Degenerative disc disease (DDD)",
            "Long-lasting changes in the discs of the spine: not curable, but treatable, and no reason to stop running."),
    ];

    public static readonly IReadOnlyList<LearnTopic> Remedies =
    [
        new("/learn/ice", "Ice", "Cold on fresh, sharp pain: how long, and who should not use it.", Remedy.Ice),
        new("/learn/heat", "Heat", "A warm shower or a heating pad to loosen tight muscles, used safely.", Remedy.Heat),
        new("/learn/stretching", "Stretching", "Three gentle evening stretches and a short routine before runs.", Remedy.Stretching),
        new("/learn/medication", "Pain medication", "Over-the-counter pain relievers: label doses, what not to combine, and runners' risks.", Remedy.Medication),
        new("/learn/strength", "Strength training", "Regular strength and core work: the best-supported option.", Remedy.StrengthTraining),
        new("/learn/wbc-cream", "WBC cream", "Our own copper cream, and what the evidence does and does not say.", Remedy.WbcCream),
    ];
}

/// <summary>What ends every Learn page: its sources, the not-medical-advice line and the links back.</summary>
public sealed record LearnFooter(IReadOnlyList<string> Sources, bool LinkBack = true, bool LinkRedFlags = true)
{
    /// <summary>The sources of a topic page; each argument may hold several sources separated by ";".</summary>
    public static LearnFooter Of(params string[] sources) => new(Split(sources));

    public static IReadOnlyList<string> Split(IEnumerable<string> sources) => sources
        .SelectMany(s => s.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        .Distinct(StringComparer.Ordinal)
        .ToList();
}

/// <summary>Numbers and word lists from the reviewed tables, written one way whatever the server's culture.</summary>
public static class LearnText
{
    public static string IceMinutes => Whole(RemedyLimits.MaxIce.TotalMinutes);

    public static string HeatMinutes => Whole(RemedyLimits.MaxHeat.TotalMinutes);

    public static string ShowerMinutes => Whole(RemedyLimits.ShowerHeat.TotalMinutes);

    public static string FreshPainHours => Whole(RemedyLimits.FreshPain.TotalHours);

    public static string LongRunHours => Whole(RemedyLimits.LongRun.TotalHours);

    /// <summary>"menthol, methyl salicylate or capsaicin".</summary>
    public static string WarmingIngredients => OrList(RemedyLimits.WarmingIngredients);

    public static string Whole(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>"Hold for 30 seconds on each side."</summary>
    public static string Hold(Stretch stretch) =>
        $"Hold for {Number(stretch.HoldSeconds)} seconds" + (stretch.BothSides ? " on each side." : ".");

    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"a", "a or b", "a, b or c".</summary>
    public static string OrList(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " or " + items[items.Count - 1],
    };
}
