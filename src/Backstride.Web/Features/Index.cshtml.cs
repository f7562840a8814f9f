using Backstride.Core.CheckIns;
using Backstride.Core.Runners;
using Backstride.Core.Runs;
using Backstride.Data.Diary;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features;

public sealed class HomeModel(RunStore runs, CheckInStore checkIns, RunnerSettingsStore settingsStore) : PageModel
{
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
    }
}
