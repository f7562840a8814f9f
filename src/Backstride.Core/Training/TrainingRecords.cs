namespace Backstride.Core.Training;

/// <summary>The runner's strength programme: level, the days they like, their usual long and hard run days, and the calendar feed's secret.</summary>
public sealed class TrainingPlan : IOwnedByRunner
{
    public Guid UserId { get; set; }

    public int Level { get; set; } = 1;

    public int SessionsPerWeek { get; set; } = Programme.MinSessionsPerWeek;

    /// <summary>Days picked for strength work, as DayOfWeek numbers, comma-separated.</summary>
    public string PreferredDays { get; set; } = "2,4";

    public DayOfWeek? LongRunDay { get; set; }

    /// <summary>Days that usually carry a hard run, comma-separated DayOfWeek numbers.</summary>
    public string HardRunDays { get; set; } = "";

    /// <summary>The secret in the calendar subscription URL; null when revoked or never made.</summary>
    public string? CalendarToken { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the current level began: sessions before it do not count towards progression.</summary>
    public DateTimeOffset LevelSince { get; set; }

    /// <summary>A random id for the calendar's event ids, so they never carry the account id.</summary>
    public Guid FeedId { get; set; } = Guid.NewGuid();

    public TrainingWeek Week => new(Days(PreferredDays), SessionsPerWeek, UsualRuns());

    public static IReadOnlySet<DayOfWeek> Days(string days) =>
        days.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.TryParse(d, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 6 ? (DayOfWeek?)n : null)
            .OfType<DayOfWeek>().ToHashSet();

    public static string Join(IEnumerable<DayOfWeek> days) =>
        string.Join(',', days.Distinct().Order().Select(d => ((int)d).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private Dictionary<DayOfWeek, RunDayKind> UsualRuns()
    {
        var runs = Days(HardRunDays).ToDictionary(d => d, _ => RunDayKind.Hard);
        if (LongRunDay is { } longDay)
        {
            runs[longDay] = RunDayKind.Long;
        }
        return runs;
    }
}

/// <summary>Where the runner is on one exercise's ladder, and why it last changed.</summary>
public sealed class ExerciseProgress : IOwnedByRunner
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public required string ExerciseId { get; set; }

    public int Sets { get; set; }

    public int Amount { get; set; }

    public Variant Variant { get; set; }

    public string? LastChange { get; set; }

    /// <summary>When the rung last changed: only sessions after it count towards the next step.</summary>
    public DateTimeOffset? ChangedAt { get; set; }

    public Prescription Prescription => new(ExerciseId, Sets, Amount, Variant);
}

/// <summary>One strength session as done: when, and each set logged.</summary>
public sealed class StrengthSession : IOwnedByRunner
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public List<SetRecord> Sets { get; set; } = [];
}

public sealed class SetRecord : IOwnedByRunner
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public Guid SessionId { get; set; }

    public required string ExerciseId { get; set; }

    public int SetNumber { get; set; }

    public int Amount { get; set; }

    public double? LoadKg { get; set; }

    public int Effort { get; set; }

    public int? Pain { get; set; }
}
