namespace Backstride.Core.Plans;

public enum Remedy
{
    Ice = 0,
    Heat = 1,
    Stretching = 2,
    Medication = 3,
    StrengthTraining = 4,
    WbcCream = 5,
}

/// <summary>How good the evidence for a remedy is, in plain words, with its sources (CLINICAL.md §3).</summary>
public sealed record Evidence(string Level, string Summary, string Sources);

/// <summary>The reviewed evidence table. The company's own cream is stated as honestly as the rest.</summary>
public static class RemedyEvidence
{
    public static readonly IReadOnlyDictionary<Remedy, Evidence> ByRemedy = new Dictionary<Remedy, Evidence>
    {
        [Remedy.Ice] = new("Insufficient evidence",
            "Trials have not shown how well ice works for back pain or for how long; 20 minutes is the common guideline this plan follows, not a proven dose. Frostbite and nerve injury have been reported.",
            "French, Cochrane 2006; Bleakley 2004; J Athl Train 1992"),
        [Remedy.Heat] = new("Moderate evidence, small short-term benefit",
            "Heat wraps gave a small short-term easing of acute and subacute low back pain; guidelines recommend heat. 20 minutes is the guideline this plan follows.",
            "French, Cochrane 2006; ACP 2017"),
        [Remedy.Stretching] = new("Low: no better than no treatment in trials",
            "For chronic low back pain stretching did no better than no treatment, and it did not prevent injuries. Many runners find it eases stiffness; it is here for that, not as a cure.",
            "Owen, BJSM 2020; Lauersen, BJSM 2014"),
        [Remedy.Medication] = new("Small effect (NSAIDs); none over placebo (acetaminophen)",
            "NSAIDs give a small effect on acute low back pain, below what people notice on average; acetaminophen did no better than placebo.",
            "van der Gaag, Cochrane 2020; Williams, Lancet 2014; Machado, BMJ 2015; NICE NG59"),
        [Remedy.StrengthTraining] = new("Moderate: the best-supported option",
            "Regular progressive exercise eased chronic back pain (about 15 points on a 100-point scale) and improved function; strength training also cut sports injuries.",
            "Hayden, Cochrane 2021; Owen, BJSM 2020; Lauersen, BJSM 2014; ACP 2017"),
        [Remedy.WbcCream] = new("No trial in back pain",
            "No trial of a copper cream for back pain was found; copper bracelets and a copper-salicylate gel did no better than placebo in arthritis trials. Some people like how it feels; that is all we can say.",
            "Richmond, PLoS One 2013; Shackel, Med J Aust 1997"),
    };
}

/// <summary>Limits for the timed remedies: the timer cannot be set past these.</summary>
public static class RemedyLimits
{
    // Common advice with no trial behind it (CLINICAL.md §3): the cap the plan and the timer follow.
    public static readonly TimeSpan MaxIce = TimeSpan.FromMinutes(20);
    public static readonly TimeSpan MaxHeat = TimeSpan.FromMinutes(20);
    public static readonly TimeSpan ShowerHeat = TimeSpan.FromMinutes(10);

    // Fresh pain: ice is offered for pain that started within this window.
    public static readonly TimeSpan FreshPain = TimeSpan.FromHours(48);

    // From this pain score fresh pain counts as sharp, and ice is offered even with stiffness.
    public const int SharpPain = 4;

    // A run this long calls for rehydration before any NSAID (Lipman 2017; Wharam 2006).
    public static readonly TimeSpan LongRun = TimeSpan.FromHours(2);

    /// <summary>Ingredients that must never share skin with a heating pad (FDA 2012: 43 burn reports).</summary>
    public static readonly IReadOnlyList<string> WarmingIngredients = ["menthol", "methyl salicylate", "capsaicin"];
}

/// <summary>One stretch of the routine, with instructions written for this project.</summary>
public sealed record Stretch(string Id, string Name, int HoldSeconds, bool BothSides, string HowTo);

public static class Stretches
{
    // About 30 seconds a hold (CLINICAL.md §3).
    public const int HoldSeconds = 30;
    public const int GetReadySeconds = 5;

    public static readonly IReadOnlyList<Stretch> Evening =
    [
        new("butterfly", "Butterfly stretch", HoldSeconds, BothSides: false,
            "Sit tall on the floor. Bring the soles of your feet together and let your knees fall out to the sides. Hold your ankles, keep your back long, and breathe slowly. Lean forward only as far as feels easy."),
        new("reclining-twist", "Reclining twist", HoldSeconds, BothSides: true,
            "Lie on your back with your knees bent and feet flat. Let both knees sink slowly to one side while your shoulders stay on the floor. Rest there and breathe. Stop if the pain sharpens."),
        new("hip-flexor", "Hip flexor stretch", HoldSeconds, BothSides: true,
            "Kneel on one knee (a cushion helps), the other foot flat in front. Tuck your tailbone under and shift your weight gently forward until you feel a stretch at the front of the back leg's hip. Keep your back upright, not arched."),
    ];

    /// <summary>A shorter routine before a run: one stretch a side, shorter holds.</summary>
    public static readonly IReadOnlyList<Stretch> PreRun =
    [
        new("hip-flexor", "Hip flexor stretch", 20, BothSides: true, Evening[2].HowTo),
        new("reclining-twist", "Reclining twist", 20, BothSides: true, Evening[1].HowTo),
    ];
}

/// <summary>A cream the plan may include; the shop's catalogue will supply the real product.</summary>
public sealed record CreamProduct(string Name, IReadOnlyList<string> Ingredients, string Link)
{
    public bool Warms => Ingredients.Any(i => RemedyLimits.WarmingIngredients.Any(w =>
        i.Contains(w, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Sample data until the shop exists: the owner's catalogue replaces it.</summary>
    public static readonly CreamProduct WbcSample = new("WBC Copper Back Cream (sample product)",
        ["water", "copper gluconate", "menthol", "aloe vera", "glycerin"], "/learn/wbc-cream");
}
