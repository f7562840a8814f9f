namespace Backstride.Core.Shop;

public sealed record SampleProduct(
    string Slug,
    string Name,
    string Summary,
    string Description,
    string Ingredients,
    string Directions,
    string SafetyText,
    IReadOnlyList<SampleVariant> Variants);

public sealed record SampleVariant(string Sku, string Name, decimal Price, int Stock);

/// <summary>
/// The catalog a fresh install seeds, marked as sample data in every name so the owner replaces it before selling.
/// Claims follow CLINICAL.md §3 (no trial of a copper cream for back pain): the texts promise comfort at most, never relief or a cure.
/// The warming cream contains capsaicin, so its safety text forbids heat (FDA 2012: burns under heating pads).
/// </summary>
public static class SampleCatalog
{
    private const string Evidence =
        "People use it for comfort after running; evidence that copper creams relieve back pain is limited (see Learn: WBC cream). " +
        "It is a cosmetic cream, not a medicine.";

    private const string SampleNote =
        "This is sample text that came with the shop: replace it with the real product's text before selling.";

    private const string SampleIngredientsNote = "Sample list, not a real label: replace it with the ingredients printed on the product.";

    private const string Directions =
        "Apply a thin layer to the skin of the lower back and rub it in gently, up to 3 times a day. Wash your hands afterwards.";

    private const string CommonSafety =
        "For use on the skin only. Do not use on broken, cut, irritated or sunburnt skin. " +
        "Patch test first: put a little on the inside of your forearm and wait 24 hours before using it on your back. " +
        "Keep away from the eyes, mouth and other mucous membranes; if it gets in your eyes, rinse with plenty of water. " +
        "Stop using it if your skin becomes red, itchy or irritated. " +
        "Not for children; keep out of their reach. " +
        "If your back pain is severe, spreads down a leg or lasts more than 10 days, see a doctor.";

    private const string PlainIngredients =
        "Water (aqua), glycerin, caprylic/capric triglyceride, cetearyl alcohol, copper gluconate, " +
        "aloe barbadensis leaf juice, tocopherol, phenoxyethanol.";

    public static IReadOnlyList<SampleProduct> Products { get; } =
    [
        new(
            Slug: "wbc-copper-back-cream",
            Name: "WBC Copper Back Cream (sample)",
            Summary: "Sample product: a copper-containing cream to rub into the lower back after a run.",
            Description: Evidence + " It does not warm or cool the skin. " + SampleNote,
            Ingredients: PlainIngredients + " " + SampleIngredientsNote,
            Directions: Directions,
            SafetyText: CommonSafety,
            Variants:
            [
                new("WBC-CBC-50", "50 ml tube", 14.95m, 40),
                new("WBC-CBC-100", "100 ml tube", 24.95m, 25),
            ]),
        new(
            Slug: "wbc-copper-back-cream-warming",
            Name: "WBC Copper Back Cream — Warming (sample)",
            Summary: "Sample product: the copper cream with capsaicin, which makes the skin feel warm.",
            Description: Evidence + " This version contains capsaicin (from chilli peppers), which makes the skin feel warm, so it must never be used with heat. " + SampleNote,
            Ingredients: "Water (aqua), glycerin, caprylic/capric triglyceride, cetearyl alcohol, copper gluconate, capsicum fruit extract (capsaicin), " +
                "aloe barbadensis leaf juice, tocopherol, phenoxyethanol. " + SampleIngredientsNote,
            Directions: Directions + " Do not cover it with a bandage or wrap.",
            SafetyText: "This cream warms the skin. Never use it under a heating pad, heat wrap or hot-water bottle, or together with any other heat: " +
                "heat over warming creams has caused burns. " + CommonSafety,
            Variants:
            [
                new("WBC-CBCW-50", "50 ml tube", 16.95m, 20),
            ]),
        new(
            Slug: "wbc-travel-sachets",
            Name: "WBC Travel Sachets (sample)",
            Summary: "Sample product: the copper cream in single-use sachets for your kit bag.",
            Description: Evidence + " Each sachet holds enough for one application. " + SampleNote,
            Ingredients: PlainIngredients + " " + SampleIngredientsNote,
            Directions: "Tear the sachet open at the notch. " + Directions + " Use one sachet per application and throw it away once opened.",
            SafetyText: CommonSafety + " Sachets are small: keep them away from young children, who could swallow one.",
            Variants:
            [
                new("WBC-TS-10X3", "10 × 3 ml sachets", 9.95m, 60),
            ]),
    ];
}
