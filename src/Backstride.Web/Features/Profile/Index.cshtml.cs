using Backstride.Core.Profiles;
using Backstride.Data.Diary;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Profile;

public sealed class ProfileModel(BackProfileStore profiles) : PageModel
{
    [BindProperty]
    public BackProfile Input { get; set; } = new();

    public int Versions { get; private set; }

    public DateTimeOffset? SavedAt { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await profiles.CurrentAsync(cancellationToken);
        Input = current ?? new BackProfile();
        Versions = await profiles.VersionCountAsync(cancellationToken);
        SavedAt = current?.CreatedAt;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await profiles.SaveAsync(Input, cancellationToken);
            if (result.Value is not null)
            {
                TempData["Notice"] = "Back profile saved. Your next plan uses it.";
                return RedirectToPage();
            }
            ModelState.AddRuleErrors(result.Errors, nameof(Input));
        }
        Versions = await profiles.VersionCountAsync(cancellationToken);
        return Page();
    }
}
