using Backstride.Web.Features.Shop;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Backstride.Data.Accounts;

namespace Backstride.Web.Features.Account;

public sealed class RegisterModel(Registration registration, SignInManager<UserAccount> signIn, CurrentCart shopCart) : PageModel
{
    [BindProperty]
    public RegisterForm Input { get; set; } = new();

    public sealed class RegisterForm
    {
        public string? Email { get; set; }

        public string? Password { get; set; }

        public bool HealthDataConsent { get; set; }

        /// <summary>Filled in by the browser's own time zone; UTC when scripts are off.</summary>
        public string? TimeZoneId { get; set; }
    }

    public IActionResult OnGet() => User.GetUserId() is null ? Page() : Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (account, errors) = await registration.RegisterAsync(
            new RegistrationRequest(Input.Email, Input.Password, Input.HealthDataConsent, Input.TimeZoneId),
            HttpContext, cancellationToken);
        if (account is null)
        {
            ModelState.AddRuleErrors(errors, nameof(Input));
            return Page();
        }
        await signIn.SignInAsync(account, isPersistent: true);
        // A guest who shopped first keeps their cart in the new account.
        await shopCart.MergeGuestCartAsync(HttpContext, account.Id, cancellationToken);
        TempData["Notice"] = "Welcome to Backstride. Log your first run, or check in on your back now.";
        return Redirect("/");
    }
}
