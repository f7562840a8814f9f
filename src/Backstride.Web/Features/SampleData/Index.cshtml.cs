using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.SampleData;

[AllowAnonymous]
[EnableRateLimiting(SampleDataRateLimit.Policy)]
public sealed class SampleDataModel(SampleRunner sampleRunner) : PageModel
{
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (SignedIn)
        {
            // Never swap a real runner's session for a made-up one by accident.
            return Page();
        }
        await sampleRunner.CreateAndSignInAsync(HttpContext, cancellationToken);
        TempData["Notice"] = "You are looking at a made-up runner's six months. Nothing here is yours; it is deleted after a day.";
        return Redirect("/insights");
    }
}
