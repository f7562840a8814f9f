using System.Globalization;
using Backstride.Core.Runs;
using Backstride.Core.Validation;

namespace Backstride.Core.CheckIns;

public static class CheckInRules
{
    public const string RunField = "RunId";
    public const string RecordedAtField = "RecordedAt";
    public const string PainField = "Pain";
    public const string LocationsField = "Locations";
    public const string StiffnessField = "Stiffness";
    public const string LegSpreadField = "LegSpread";
    public const string LegsAffectedField = "LegsAffected";
    public const string OnsetField = "Onset";
    public const string NotesField = "Notes";

    public const int MaxNotesLength = 10_000;

    private const PainLocation AllLocations =
        PainLocation.Centre | PainLocation.Left | PainLocation.Right | PainLocation.Buttock | PainLocation.DownALeg;

    /// <param name="run">The run the check-in is for, already looked up among the runner's own runs; null when standalone.</param>
    public static ValidationErrors Validate(CheckInDraft draft, Run? run, DateTimeOffset now)
    {
        var errors = new ValidationErrors();

        if (draft.RunId is not null && run is null)
        {
            errors.Add(RunField, "That run isn't in your diary any more. Choose another run or none.");
        }

        if (draft.RecordedAt is not { } recordedAt)
        {
            errors.Add(RecordedAtField, "Enter when you felt this.");
        }
        else if (recordedAt > now + RunRules.FutureTolerance)
        {
            errors.Add(RecordedAtField, "A check-in can't be in the future.");
        }
        else if (recordedAt < RunRules.EarliestStart)
        {
            errors.Add(RecordedAtField, "Enter a date from 1970 on.");
        }
        else if (run is not null && recordedAt < run.StartedAt)
        {
            errors.Add(RecordedAtField, "A check-in for a run can't be before the run started.");
        }

        if (draft.Pain is not { } pain)
        {
            errors.Add(PainField, "Choose how much your back hurts, from 0 to 10.");
        }
        else if (pain < PainScale.Min || pain > PainScale.Max)
        {
            errors.Add(PainField, "Pain is from 0 (no pain) to 10 (worst imaginable).");
        }

        if ((draft.Locations & ~AllLocations) != 0)
        {
            errors.Add(LocationsField, "Choose where it hurts from the list.");
        }

        if (draft.Stiffness is not { } stiffness || !Enum.IsDefined(stiffness))
        {
            errors.Add(StiffnessField, "Choose how stiff your back is.");
        }

        if (draft.LegSpread is not { } spread || !Enum.IsDefined(spread))
        {
            errors.Add(LegSpreadField, "Say whether the pain spreads into a leg.");
        }
        else if (spread != LegSpread.No && (draft.LegsAffected is not { } legs || !Enum.IsDefined(legs)))
        {
            errors.Add(LegsAffectedField, "Say whether it is one leg or both.");
        }

        if (draft.Onset is { } onset && !Enum.IsDefined(onset))
        {
            errors.Add(OnsetField, "Choose when the pain started.");
        }

        if (draft.Notes?.Trim() is { Length: > MaxNotesLength } notes)
        {
            errors.Add(NotesField, string.Create(CultureInfo.InvariantCulture,
                $"Notes can be up to {MaxNotesLength:N0} characters; these have {notes.Length:N0}."));
        }

        return errors;
    }
}
