namespace Backstride.Core.Medication;

public enum ActiveIngredient
{
    Acetaminophen = 0,
    Ibuprofen = 1,
    Naproxen = 2,
    Aspirin = 3,
}

/// <summary>
/// One over-the-counter product as its US label gives it (adults and children 12 and over): the most per dose,
/// the label's shortest interval, the 24-hour maximum. Special allowances a label adds (Aleve's second tablet in
/// the first hour, aspirin's "3 every 6 hours") are left out: the guard may say less than a label, never more.
/// </summary>
public sealed record MedicationProduct(
    string Id,
    string Brand,
    ActiveIngredient Ingredient,
    int StrengthMg,
    int MaxUnitsPerDose,
    TimeSpan MinInterval,
    int MaxUnitsPer24Hours,
    string DoseText,
    string Source)
{
    public bool IsNsaid => MedicationProducts.IsNsaid(Ingredient);

    public int MaxMgPer24Hours => MaxUnitsPer24Hours * StrengthMg;
}

/// <summary>The reviewed table from CLINICAL.md §1. Change a row only with its source.</summary>
public static class MedicationProducts
{
    public static readonly IReadOnlyList<MedicationProduct> All =
    [
        new("tylenol-regular", "Tylenol Regular Strength", ActiveIngredient.Acetaminophen, 325, 2, TimeSpan.FromHours(4), 10,
            "2 tablets every 4–6 hours; at most 10 tablets in 24 hours", "DailyMed, Kenvue label 2024"),
        new("tylenol-extra", "Tylenol Extra Strength", ActiveIngredient.Acetaminophen, 500, 2, TimeSpan.FromHours(6), 6,
            "2 caplets every 6 hours; at most 6 caplets in 24 hours", "DailyMed, J&J label"),
        new("tylenol-8hr", "Tylenol 8 HR", ActiveIngredient.Acetaminophen, 650, 2, TimeSpan.FromHours(8), 6,
            "2 caplets every 8 hours, swallowed whole; at most 6 caplets in 24 hours", "DailyMed 8 HR Arthritis label 2024"),
        new("motrin-ib", "Motrin IB", ActiveIngredient.Ibuprofen, 200, 2, TimeSpan.FromHours(4), 6,
            "1 tablet every 4–6 hours; 2 if 1 does not help; at most 6 tablets in 24 hours", "DailyMed Motrin IB label"),
        new("advil", "Advil", ActiveIngredient.Ibuprofen, 200, 2, TimeSpan.FromHours(4), 6,
            "as Motrin IB: 1 every 4–6 hours, 2 if 1 does not help; at most 6 in 24 hours", "Advil monograph (US label not retrieved)"),
        // The label also allows a second tablet within the first hour; the guard does not offer it.
        new("aleve", "Aleve", ActiveIngredient.Naproxen, 220, 1, TimeSpan.FromHours(8), 3,
            "1 tablet every 8–12 hours; at most 3 tablets in 24 hours", "DailyMed Aleve label 2023"),
        // The label's "3 every 6 hours" alternative is not offered; 1–2 every 4 hours is.
        new("bayer-aspirin", "Bayer Aspirin", ActiveIngredient.Aspirin, 325, 2, TimeSpan.FromHours(4), 12,
            "1–2 tablets every 4 hours; at most 12 tablets in 24 hours", "Bayer label"),
    ];

    public static MedicationProduct? Find(string? id) => All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));

    public static bool IsNsaid(ActiveIngredient ingredient) => ingredient != ActiveIngredient.Acetaminophen;

    public static string Name(ActiveIngredient ingredient) => ingredient switch
    {
        ActiveIngredient.Acetaminophen => "acetaminophen",
        ActiveIngredient.Ibuprofen => "ibuprofen",
        ActiveIngredient.Naproxen => "naproxen",
        _ => "aspirin",
    };
}
