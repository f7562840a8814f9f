namespace Backstride.Core.CheckIns;

/// <summary>What a person answered, before the rules have passed it.</summary>
public sealed record CheckInDraft(
    Guid? RunId,
    DateTimeOffset? RecordedAt,
    int? Pain,
    PainLocation Locations,
    Stiffness? Stiffness,
    LegSpread? LegSpread,
    LegsAffected? LegsAffected,
    PainOnset? Onset,
    string? Notes)
{
    public void ApplyTo(CheckIn checkIn)
    {
        checkIn.RunId = RunId;
        checkIn.RecordedAt = RecordedAt!.Value.ToUniversalTime();
        checkIn.Pain = Pain!.Value;
        checkIn.Locations = Locations;
        checkIn.Stiffness = Stiffness!.Value;
        checkIn.LegSpread = LegSpread!.Value;
        // Which legs means nothing when the pain stays in the back.
        checkIn.LegsAffected = LegSpread == CheckIns.LegSpread.No ? null : LegsAffected;
        checkIn.Onset = Onset;
        checkIn.Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
    }
}
