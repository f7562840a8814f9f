using System.Globalization;
using Backstride.Core.Runners;
using Backstride.Data.Diary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Backstride.Web.Features.Imports;

// The upload is read part by part in OnPostAsync, which checks the form's token itself as soon as it arrives (the
// form sends it before the files); the usual check would first read, and buffer, the whole upload as a form.
[IgnoreAntiforgeryToken(Order = 1001)]
public sealed class ImportsModel(ImportStore imports, ImportUploads uploads, RunnerSettingsStore settingsStore,
    IOptions<ImportOptions> options) : PageModel
{
    public const int RecentCount = 10;

    public IReadOnlyList<ImportBatchSummary> Recent { get; private set; } = [];

    public RunnerSettings Settings { get; private set; } = new();

    public ImportOptions Limits => options.Value;

    public string When(DateTimeOffset at) => Settings.ToLocal(at).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    // No parameters and no bound properties: model binding would otherwise read the whole form before this runs.
    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var result = await uploads.ReceiveAsync(HttpContext, checkAntiforgery: true, cancellationToken);
        if (result.Batch is { } batch)
        {
            TempData["Notice"] = "Upload received. Your runs are being imported; you can leave this page and come back.";
            return Redirect($"/imports/{batch.Id}");
        }
        if (result.Refusal == UploadRefusal.Forged)
        {
            // Answered here rather than by the status page, which would read the rest of the upload as a form.
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        ModelState.AddModelError(ImportUploads.FilesField, result.Message);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Settings = await settingsStore.GetAsync(cancellationToken);
        Recent = await imports.RecentAsync(RecentCount, cancellationToken);
    }
}
