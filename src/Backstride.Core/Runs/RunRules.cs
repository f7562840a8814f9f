using System.Globalization;
using Backstride.Core.Validation;

namespace Backstride.Core.Runs;

/// <summary>
/// What a run must look like to be saved. The limits are about plausibility, not fitness:
/// they catch typing slips (a missing decimal point, minutes typed as hours) without refusing real ultras.
/// </summary>
public static class RunRules
{
    // Field names shared by the run form and the API input.
    public const string StartedAtField = "StartedAt";
    public const string DistanceField = "Distance";
    public const string DurationField = "Duration";
    public const string SurfaceField = "Surface";
    public const string ShoesField = "Shoes";
    public const string EffortField = "Effort";
    public const string NotesField = "Notes";

    // The form's smallest step is 0.01 km; anything shorter is a slip, and would make pace meaningless.
    public const double MinDistanceMetres = 10;

    // A 200-mile race is about 322 km; 500 km leaves room for multi-day events and nothing absurd.
    public const double MaxDistanceMetres = 500_000;

    // The slowest 200-mile finishers take about 105 hours.
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(120);

    // Faster than 2:00 per km (30 km/h) is beyond any human run of any length that is worth logging.
    public const double MaxAverageSpeedMetresPerSecond = 1000.0 / 120.0;

    // Runs are logged after the fact; a minute of slack covers clocks that disagree a little.
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(1);

    public static readonly DateTimeOffset EarliestStart = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const int MinEffort = 1;
    public const int MaxEffort = 10;
    public const int MaxNotesLength = 10_000;
    public const int MaxShoeNameLength = 80;

    public static ValidationErrors Validate(RunDraft draft, DateTimeOffset now)
    {
        var errors = new ValidationErrors();

        if (draft.StartedAt is not { } startedAt)
        {
            errors.Add(StartedAtField, "Enter when the run started.");
        }
        else if (startedAt > now + FutureTolerance)
        {
            errors.Add(StartedAtField, "The start can't be in the future.");
        }
        else if (startedAt < EarliestStart)
        {
            errors.Add(StartedAtField, "Enter a start date from 1970 on.");
        }

        if (draft.DistanceMetres is not { } metres)
        {
            errors.Add(DistanceField, "Enter the distance.");
        }
        else if (double.IsNaN(metres) || metres <= 0)
        {
            errors.Add(DistanceField, "The distance must be more than zero.");
        }
        else if (metres < MinDistanceMetres)
        {
            errors.Add(DistanceField, "Enter at least 0.01 km (10 metres).");
        }
        else if (metres > MaxDistanceMetres)
        {
            errors.Add(DistanceField, "That distance is longer than any run we can log (500 km at most).");
        }

        if (draft.Duration is not { } duration)
        {
            errors.Add(DurationField, "Enter how long the run took.");
        }
        else if (duration <= TimeSpan.Zero)
        {
            errors.Add(DurationField, "The duration must be more than zero.");
        }
        else if (duration > MaxDuration)
        {
            errors.Add(DurationField, string.Create(CultureInfo.InvariantCulture,
                $"That duration is longer than any run we can log ({MaxDuration.TotalHours:0} hours at most)."));
        }
        else if (draft.DistanceMetres is > 0 and <= MaxDistanceMetres
                 && draft.DistanceMetres.Value / duration.TotalSeconds > MaxAverageSpeedMetresPerSecond)
        {
            errors.Add(DurationField, "That is faster than 2:00 per km. Check the distance and the duration.");
        }
        else if (draft.StartedAt is { } start && start <= now + FutureTolerance && start + duration > now + FutureTolerance)
        {
            errors.Add(StartedAtField, "With this duration the run would end in the future: set when it started.");
        }

        if (draft.Surface is not { } surface || !Enum.IsDefined(surface))
        {
            errors.Add(SurfaceField, "Choose the surface.");
        }

        if (draft.Effort is { } effort && (effort < MinEffort || effort > MaxEffort))
        {
            errors.Add(EffortField, "Effort is from 1 (very easy) to 10 (all out).");
        }

        // Limits count what is stored: surrounding spaces and line breaks are trimmed before saving.
        if (draft.ShoeName?.Trim() is { Length: > MaxShoeNameLength })
        {
            errors.Add(ShoesField, string.Create(CultureInfo.InvariantCulture,
                $"Keep the shoe name to {MaxShoeNameLength} characters."));
        }

        if (draft.Notes?.Trim() is { Length: > MaxNotesLength } notes)
        {
            errors.Add(NotesField, string.Create(CultureInfo.InvariantCulture,
                $"Notes can be up to {MaxNotesLength:N0} characters; these have {notes.Length:N0}."));
        }

        return errors;
    }
}
