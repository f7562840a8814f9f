using Backstride.Core.CheckIns;
using Backstride.Core.Runners;
using Backstride.Core.Runs;
using Backstride.Data.Diary;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features;

public sealed class HomeModel(RunStore runs, CheckInStore checkIns, RunnerSettingsStore settingsStore,
    TrainingStore training, TimeProvider clock) : PageModel
{
    /// <summary>This week's strength sessions and the next one, when the runner has a programme.</summary>
    public Training.TrainingWeekView? Strength { get; private set; }

    // The plan asks for pain again about an hour after it started, and the next morning.
    public static readonly TimeSpan FollowUpFrom = TimeSpan.FromMinutes(45);
    public static readonly TimeSpan FollowUpUntil = TimeSpan.FromHours(18);

    /// <summary>The check-in whose plan is due a follow-up; null when none is.</summary>
    public CheckIn? FollowUpFor { get; private set; }

    public bool SignedIn { get; private set; }

    public Run? LastRun { get; private set; }

    /// <summary>True when the last run has no check-in yet: the home page then asks for one first.</summary>
    public bool LastRunNeedsCheckIn { get; private set; }

    public CheckIn? LastCheckIn { get; private set; }

    public RunnerSettings Settings { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        SignedIn = User.GetUserId() is not null;
        if (!SignedIn)
        {
            return;
        }
        Settings = await settingsStore.GetAsync(cancellationToken);
        LastRun = await runs.LatestAsync(cancellationToken);
        LastCheckIn = await checkIns.LatestAsync(cancellationToken);
        LastRunNeedsCheckIn = LastRun is not null && LastCheckIn?.RunId != LastRun.Id
            && (await checkIns.ForRunAsync(LastRun.Id, cancellationToken)).Count == 0;

        if (await training.PlanAsync(cancellationToken) is { } programme)
        {
            var now = clock.GetUtcNow();
            var (from, until) = Training.TrainingWeekView.WeekBounds(Settings, now);
            Strength = Training.TrainingWeekView.For(programme, Settings, now, await training.FinishedBetweenAsync(from, until, cancellationToken));
        }

        // A check-in with pain asks for its follow-up 45 minutes to 18 hours later; a follow-up itself asks for none.
        var sinceCheckIn = clock.GetUtcNow() - LastCheckIn?.RecordedAt;
        if (LastCheckIn is { Pain: > 0 } last && sinceCheckIn >= FollowUpFrom && sinceCheckIn <= FollowUpUntil
            && (last.RunId is null || (await checkIns.FollowUpIdsAsync([last], cancellationToken)).Count == 0))
        {
            FollowUpFor = last;
        }
    }
}
