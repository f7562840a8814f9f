using Backstride.Core.Medication;

namespace Backstride.Web.Features.Exports;

/// <summary>The RxNorm concept of each active ingredient the medication guard knows, for the FHIR export.</summary>
public static class RxNormIngredients
{
    public const string System = "http://www.nlm.nih.gov/research/umls/rxnorm";

    // Source: the NLM's RxNorm, ingredient concepts (term type IN) as RxNav lists them (https://mor.nlm.nih.gov/RxNav/).
    public static readonly IReadOnlyDictionary<ActiveIngredient, string> Codes = new Dictionary<ActiveIngredient, string>
    {
        [ActiveIngredient.Acetaminophen] = "161",
        [ActiveIngredient.Ibuprofen] = "5640",
        [ActiveIngredient.Naproxen] = "7258",
        [ActiveIngredient.Aspirin] = "1191",
    };
}
