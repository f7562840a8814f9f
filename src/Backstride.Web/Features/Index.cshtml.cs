using Backstride.Core.CheckIns;
using Backstride.Core.Runners;
using Backstride.Core.Runs;
using Backstride.Data.Diary;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features;

public sealed class HomeModel(RunStore runs, CheckInStore checkIns, RunnerSettingsStore settingsStore,
    PlanSessionStore plans, TimeProvider clock) : PageModel
{
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

        var plan = await plans.LatestAsync(cancellationToken);
        var sincePlan = clock.GetUtcNow() - plan?.CreatedAt;
        if (plan is not null && sincePlan >= FollowUpFrom && sincePlan <= FollowUpUntil
            && LastCheckIn is not null && LastCheckIn.RecordedAt <= plan.CreatedAt)
        {
            FollowUpFor = await checkIns.FindAsync(plan.CheckInId, cancellationToken);
        }
    }
}
