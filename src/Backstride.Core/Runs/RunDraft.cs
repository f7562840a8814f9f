namespace Backstride.Core.Runs;

/// <summary>What a person typed for a run, already in metres and UTC, before the rules have passed it.</summary>
public sealed record RunDraft(
    DateTimeOffset? StartedAt,
    double? DistanceMetres,
    TimeSpan? Duration,
    Surface? Surface,
    string? ShoeName,
    bool StretchedBefore,
    int? Effort,
    string? Notes)
{
    public void ApplyTo(Run run)
    {
        run.StartedAt = StartedAt!.Value.ToUniversalTime();
        run.DistanceMetres = DistanceMetres!.Value;
        run.Duration = Duration!.Value;
        run.Surface = Surface!.Value;
        run.StretchedBefore = StretchedBefore;
        run.Effort = Effort;
        run.Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
    }
}
