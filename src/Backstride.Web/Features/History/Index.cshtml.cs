using Backstride.Core.Runners;
using Backstride.Data.Diary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.History;

public sealed class HistoryModel(HistoryQuery history, RunnerSettingsStore settingsStore) : PageModel
{
    public HistoryPage Diary { get; private set; } = new([], 1, false);

    public RunnerSettings Settings { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync([FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        if (page < 1)
        {
            return Redirect("/history");
        }
        Settings = await settingsStore.GetAsync(cancellationToken);
        Diary = await history.LoadAsync(page, cancellationToken: cancellationToken);
        return Page();
    }
}
