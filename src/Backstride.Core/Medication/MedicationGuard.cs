using System.Globalization;
using Backstride.Core.Profiles;

namespace Backstride.Core.Medication;

/// <summary>
/// What the guard needs to know about the runner besides their dose log. Age is the age reached this year (from the
/// birth year), so it may be a year high: the under-12 rule therefore also refuses the year of the 12th birthday.
/// </summary>
public sealed record GuardContext(int? Age, BackProfile? Profile, bool AfterLongOrHotRun);

/// <summary>
/// The guard's answer for one product: allowed now or not and why, the most it may offer now
/// (never above the label's dose or what is left of the 24-hour maximum), and when it could be next.
/// </summary>
public sealed record GuardAnswer(
    MedicationProduct Product,
    bool Allowed,
    int MaxUnitsNow,
    int UnitsLeftToday,
    DateTimeOffset? EarliestNext,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Cautions);

/// <summary>
/// The medication rules of CLINICAL.md §1 over the runner's log. Conservative by construction: every
/// rule can only refuse or lower a number, and nothing here can raise one above a label.
/// </summary>
public static class MedicationGuard
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);
    public const int MinimumAge = 12;
    public const int NsaidAvoidFromPregnancyWeek = 20;

    public static IReadOnlyList<GuardAnswer> CheckAll(IReadOnlyList<DoseLogEntry> log, GuardContext context, DateTimeOffset now) =>
        MedicationProducts.All.Select(product => Check(product, log, context, now)).ToList();

    public static GuardAnswer Check(MedicationProduct product, IReadOnlyList<DoseLogEntry> log, GuardContext context,
        DateTimeOffset now)
    {
        // Reasons no waiting can lift (conditions, combinations) and reasons that pass with time.
        var reasons = new List<string>();
        var waitReasons = new List<string>();
        var cautions = new List<string>();
        var profile = context.Profile;
        var ingredient = MedicationProducts.Name(product.Ingredient);

        // Everything taken in the last 24 hours counts; a time typed in the future counts too.
        var recent = log.Where(entry => entry.TakenAt > now - Window).OrderBy(entry => entry.TakenAt).ToList();
        var unknown = recent.Where(entry => MedicationProducts.Find(entry.ProductId) is null).ToList();
        if (unknown.Count > 0)
        {
            reasons.Add("Your log today has a product we don't know, so we can't check what it contains. Ask a pharmacist.");
        }
        var known = recent.Select(entry => (Entry: entry, Product: MedicationProducts.Find(entry.ProductId)))
            .Where(pair => pair.Product is not null)
            .Select(pair => (pair.Entry, Product: pair.Product!))
            .ToList();

        if (context.Age is { } age && age <= MinimumAge)
        {
            reasons.Add("Under 12 (or turning 12 this year): ask a doctor before taking any of these.");
        }

        foreach (var other in known.Select(k => k.Product).Where(p => p.Id != product.Id).DistinctBy(p => p.Id))
        {
            if (other.Ingredient == product.Ingredient)
            {
                reasons.Add($"You've had {other.Brand} in the last 24 hours, which is also {ingredient}. Never take two products with the same ingredient.");
            }
            else if (product.IsNsaid && other.IsNsaid)
            {
                reasons.Add($"You've had {other.Brand} ({MedicationProducts.Name(other.Ingredient)}) in the last 24 hours. Never take two NSAIDs together.");
            }
        }

        AddConditionReasons(product, profile, context.Age, reasons);

        if (context.AfterLongOrHotRun)
        {
            if (product.IsNsaid)
            {
                reasons.Add("After a run of about 2 hours or more, or in heat: drink first, and skip NSAIDs tonight (they strain the kidneys and can lower blood sodium after endurance exercise).");
            }
            else
            {
                cautions.Add("After a long or hot run: rehydrate first.");
            }
        }

        var sameProduct = known.Where(k => k.Product.Id == product.Id).Select(k => k.Entry).ToList();
        var taken = sameProduct.Sum(entry => entry.Units);
        var left = Math.Max(0, product.MaxUnitsPer24Hours - taken);
        DateTimeOffset? earliest = null;

        if (sameProduct.Count > 0)
        {
            var last = sameProduct[^1].TakenAt;
            if (now - last < product.MinInterval)
            {
                earliest = last + product.MinInterval;
                waitReasons.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Your last {product.Brand} was less than {product.MinInterval.TotalHours:0} hours ago."));
            }
        }
        if (left == 0)
        {
            waitReasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"You've reached the label's maximum of {product.MaxUnitsPer24Hours} in 24 hours."));
            // The next tablet is allowed once enough of the oldest doses have left the 24-hour window.
            var stillCounted = taken;
            foreach (var dose in sameProduct)
            {
                stillCounted -= dose.Units;
                if (stillCounted <= product.MaxUnitsPer24Hours - 1)
                {
                    var windowFrees = dose.TakenAt + Window;
                    earliest = earliest is { } e && e > windowFrees ? e : windowFrees;
                    break;
                }
            }
        }

        cautions.Add("Pain that gets worse or lasts more than 10 days: stop and ask a doctor.");
        if (product.IsNsaid)
        {
            cautions.Add("Take the lowest dose that helps, for the shortest time, with food.");
        }
        if (product.Ingredient == ActiveIngredient.Ibuprofen)
        {
            cautions.Add("If you take low-dose aspirin for your heart, ibuprofen can blunt it: ask a pharmacist.");
        }

        var allowed = reasons.Count == 0 && waitReasons.Count == 0;
        return new GuardAnswer(product, allowed, allowed ? Math.Min(product.MaxUnitsPerDose, left) : 0, left,
            reasons.Count == 0 ? earliest : null, [.. reasons, .. waitReasons], cautions);
    }

    private static void AddConditionReasons(MedicationProduct product, BackProfile? profile, int? age, List<string> reasons)
    {
        // Age comes from the settings, not the profile, so it counts even before the questionnaire is filled in.
        if (profile is null)
        {
            if (product.IsNsaid && age is >= 60)
            {
                reasons.Add($"At age 60 or over, ask a doctor before taking {MedicationProducts.Name(product.Ingredient)} (an NSAID): the risk of stomach bleeding rises.");
            }
            return;
        }
        if (profile.Pregnant)
        {
            reasons.Add(product.IsNsaid && profile.PregnancyWeek is >= NsaidAvoidFromPregnancyWeek
                ? "From about 20 weeks of pregnancy, NSAIDs are to be avoided (FDA, 2020). Ask your doctor or midwife."
                : "In pregnancy, ask a health professional before taking any pain reliever.");
        }
        if (product.Ingredient == ActiveIngredient.Acetaminophen)
        {
            if (profile.LiverDisease)
            {
                reasons.Add("With liver disease, ask a doctor before taking acetaminophen.");
            }
            if (profile.BloodThinners)
            {
                reasons.Add("With a blood thinner such as warfarin, ask a doctor before taking acetaminophen.");
            }
            if (profile.ThreeOrMoreDrinksDaily)
            {
                reasons.Add("With 3 or more alcoholic drinks a day, acetaminophen can cause severe liver damage. Ask a doctor.");
            }
            return;
        }

        var nsaidRisks = new List<string>();
        if (age is >= 60)
        {
            nsaidRisks.Add("age 60 or over");
        }
        if (profile.StomachUlcerOrBleeding)
        {
            nsaidRisks.Add("a past stomach ulcer or bleeding");
        }
        if (profile.BloodThinners)
        {
            nsaidRisks.Add("a blood thinner");
        }
        if (profile.Steroids)
        {
            nsaidRisks.Add("steroids");
        }
        if (profile.ThreeOrMoreDrinksDaily)
        {
            nsaidRisks.Add("3 or more drinks a day");
        }
        if (profile.HighBloodPressure)
        {
            nsaidRisks.Add("high blood pressure");
        }
        if (profile.HeartDiseaseOrStroke)
        {
            nsaidRisks.Add("heart disease or a past stroke");
        }
        if (profile.KidneyDisease)
        {
            nsaidRisks.Add("kidney disease");
        }
        if (profile.LiverDisease)
        {
            nsaidRisks.Add("liver disease");
        }
        if (profile.Asthma)
        {
            nsaidRisks.Add("asthma");
        }
        if (nsaidRisks.Count > 0)
        {
            reasons.Add($"With {string.Join(", ", nsaidRisks)}, ask a doctor before taking {MedicationProducts.Name(product.Ingredient)} (an NSAID).");
        }
    }
}
