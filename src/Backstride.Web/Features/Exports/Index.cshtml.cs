using Backstride.Core.Runners;
using Backstride.Data.Diary;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Exports;

/// <summary>The list of files a runner can download: what each holds, in one sentence.</summary>
public sealed class ExportsModel(DiaryExportStore store, TimeProvider clock) : PageModel
{
    public RunnerSettings Settings { get; private set; } = new();

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Settings = await store.SettingsAsync(cancellationToken);
        Now = clock.GetUtcNow();
    }

    public string FileName(string? part, string extension) => ExportEndpoints.FileName(part, extension, Settings, Now);
}
