using Backstride.Core.Runners;
using Backstride.Core.Runs;
using Backstride.Data.Diary;

namespace Backstride.Web.Features.CheckIns;

internal static class CheckInPages
{
    public const int RunChoices = 10;

    // A run that started this recently is the one a plain "Check in" is most likely about.
    public static readonly TimeSpan LatestRunWindow = TimeSpan.FromHours(24);

    /// <summary>The recent runs to choose from, always including the run the form is linked to.</summary>
    public static async Task<IReadOnlyList<RunChoice>> RunChoicesAsync(RunStore runs, RunnerSettings settings,
        Guid? linkedRunId, CancellationToken cancellationToken)
    {
        var recent = await runs.RecentAsync(RunChoices, cancellationToken);
        if (linkedRunId is { } id && recent.All(r => r.Id != id) && await runs.FindAsync(id, cancellationToken) is { } linked)
        {
            recent.Add(linked);
        }
        return recent.Select(run => RunChoice.From(run, settings)).ToList();
    }

    public static async Task<Run?> DefaultRunAsync(RunStore runs, Guid? requested, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (requested is { } id)
        {
            return await runs.FindAsync(id, cancellationToken);
        }
        var latest = await runs.LatestAsync(cancellationToken);
        return latest is not null && now - latest.StartedAt <= LatestRunWindow ? latest : null;
    }
}
