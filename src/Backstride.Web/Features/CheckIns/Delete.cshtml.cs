using Backstride.Core.CheckIns;
using Backstride.Core.Runners;
using Backstride.Data.Diary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.CheckIns;

public sealed class DeleteCheckInModel(CheckInStore checkIns, RunnerSettingsStore settingsStore) : PageModel
{
    public CheckIn CheckIn { get; private set; } = null!;

    public RunnerSettings Settings { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var checkIn = await checkIns.FindAsync(id, cancellationToken);
        if (checkIn is null)
        {
            return NotFound();
        }
        CheckIn = checkIn;
        Settings = await settingsStore.GetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await checkIns.DeleteAsync(id, cancellationToken))
        {
            return NotFound();
        }
        TempData["Notice"] = "Check-in deleted.";
        return Redirect("/history");
    }
}
