namespace Backstride.Core.Profiles;

public enum DddDiagnosis
{
    No = 0,
    Yes = 1,
    NotSure = 2,
}

public enum PainTiming
{
    AfterEveryRun = 0,
    AfterLongOrHardRuns = 1,
    UnrelatedToRunning = 2,
}

/// <summary>
/// The runner's questionnaire answers. Saving never overwrites: each save is a new version, and plans
/// record which version they were built from.
/// </summary>
public sealed class BackProfile : IOwnedByRunner
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DddDiagnosis Ddd { get; set; }

    /// <summary>How many weeks back pain has been a pattern; null when not answered.</summary>
    public int? PatternWeeks { get; set; }

    public PainTiming? Timing { get; set; }

    // Posture self-check.
    public bool ArchesBack { get; set; }

    public bool ShouldersSlumped { get; set; }

    public bool HeavyLandings { get; set; }

    // Conditions that matter to medication (CLINICAL.md §1).
    public bool LiverDisease { get; set; }

    public bool KidneyDisease { get; set; }

    public bool StomachUlcerOrBleeding { get; set; }

    public bool BloodThinners { get; set; }

    public bool Steroids { get; set; }

    public bool Pregnant { get; set; }

    public int? PregnancyWeek { get; set; }

    public bool Asthma { get; set; }

    public bool HighBloodPressure { get; set; }

    public bool HeartDiseaseOrStroke { get; set; }

    public bool ThreeOrMoreDrinksDaily { get; set; }

    // Conditions that matter to ice, heat and creams (CLINICAL.md §3).
    public bool ReducedSensation { get; set; }

    public bool Diabetes { get; set; }

    public bool CirculationOrColdSensitivity { get; set; }

    public bool SkinAllergies { get; set; }

    // History that makes back pain urgent to see a doctor about (CLINICAL.md §2).
    public bool HistoryOfCancer { get; set; }

    public bool UnexplainedWeightLoss { get; set; }

    public bool ImmuneSuppression { get; set; }

    public bool Osteoporosis { get; set; }

    // Equipment at hand.
    public bool HasIcePack { get; set; }

    public bool HasHeatingPad { get; set; }

    public bool HasShower { get; set; } = true;

    /// <summary>Medication steps appear only when the runner asks for them.</summary>
    public bool MedicationOptIn { get; set; }

    /// <summary>A copy to edit into the next version.</summary>
    public BackProfile NextVersion(DateTimeOffset now)
    {
        var next = (BackProfile)MemberwiseClone();
        next.Id = Guid.CreateVersion7();
        next.Version = Version + 1;
        next.CreatedAt = now;
        return next;
    }
}
