using System.Globalization;
using Backstride.Core.Medication;
using Backstride.Data.Diary;
using Hl7.Fhir.Model;

namespace Backstride.Web.Features.Exports;

/// <summary>
/// The runner's pain scores and logged doses as a FHIR R4 Bundle a clinician's system can read. The Patient carries
/// only a random id: nothing in the file names the runner, and free-text notes are left out for the same reason.
/// </summary>
public static class FhirExport
{
    public const string ContentType = "application/fhir+json";

    public const string LoincSystem = "http://loinc.org";
    public const string PainSeverityCode = "72514-3";
    public const string PainSeverityDisplay = "Pain severity - 0-10 verbal numeric rating [Score] - Reported";

    public const string ObservationCategorySystem = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string UcumSystem = "http://unitsofmeasure.org";

    public static Bundle Build(IEnumerable<CheckInExportRow> checkIns, IEnumerable<DoseExportRow> doses, DateTimeOffset now)
    {
        // A new random id per file, so two files cannot be linked to one person through it.
        var patientId = Guid.NewGuid();
        var bundle = new Bundle { Type = Bundle.BundleType.Collection, Timestamp = now };
        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = Urn(patientId), Resource = new Patient { Id = Id(patientId) } });
        var patient = new ResourceReference(Urn(patientId));
        foreach (var checkIn in checkIns)
        {
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = Urn(checkIn.Id), Resource = PainScore(checkIn, patient) });
        }
        foreach (var dose in doses)
        {
            if (MedicationProducts.Find(dose.ProductId) is { } product)
            {
                bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = Urn(dose.Id), Resource = Dose(dose, product, patient) });
            }
        }
        return bundle;
    }

    private static Observation PainScore(CheckInExportRow checkIn, ResourceReference patient) => new()
    {
        Id = Id(checkIn.Id),
        Status = ObservationStatus.Final,
        Category = [new CodeableConcept { Coding = [new Coding(ObservationCategorySystem, "survey", "Survey")] }],
        Code = new CodeableConcept(LoincSystem, PainSeverityCode, PainSeverityDisplay, "Back pain, 0 to 10, as the runner reported it"),
        Subject = patient,
        Performer = [patient],
        Effective = new FhirDateTime(checkIn.RecordedAt),
        Value = new Integer(checkIn.Pain),
    };

    private static MedicationStatement Dose(DoseExportRow dose, MedicationProduct product, ResourceReference patient)
    {
        var ingredient = MedicationProducts.Name(product.Ingredient);
        var totalMg = dose.Units * product.StrengthMg;
        return new MedicationStatement
        {
            Id = Id(dose.Id),
            Status = MedicationStatement.MedicationStatusCodes.Completed,
            Medication = new CodeableConcept(RxNormIngredients.System, RxNormIngredients.Codes[product.Ingredient], ingredient, product.Brand),
            Subject = patient,
            InformationSource = patient,
            Effective = new FhirDateTime(dose.TakenAt),
            Dosage =
            [
                new Dosage
                {
                    Text = string.Create(CultureInfo.InvariantCulture,
                        $"{dose.Units} {(dose.Units == 1 ? "tablet" : "tablets")} of {product.StrengthMg} mg"),
                    DoseAndRate =
                    [
                        new Dosage.DoseAndRateComponent
                        {
                            Dose = new Quantity { Value = totalMg, Unit = "mg", System = UcumSystem, Code = "mg" },
                        },
                    ],
                },
            ],
        };
    }

    private static string Id(Guid id) => id.ToString("D");

    private static string Urn(Guid id) => "urn:uuid:" + id.ToString("D");
}
