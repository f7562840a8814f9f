using System.Text;
using Backstride.Data.Accounts;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Backstride.Web.Features.Account;

public sealed class ResetPasswordModel(UserManager<UserAccount> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public IActionResult OnGet() =>
        string.IsNullOrEmpty(Email) || string.IsNullOrEmpty(Code) ? Redirect("/account/forgot-password") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Choose a new password.");
            return Page();
        }

        var account = string.IsNullOrEmpty(Email) ? null : await users.FindByEmailAsync(Email);
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code ?? ""));
        }
        catch (FormatException)
        {
            token = "";
        }

        var result = account is null
            ? IdentityResult.Failed(new IdentityErrorDescriber().InvalidToken())
            : await users.ResetPasswordAsync(account, token, Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.InvalidToken) ? string.Empty : nameof(Password),
                    error.Code switch
                    {
                        nameof(IdentityErrorDescriber.InvalidToken) => "This link has expired or was already used. Ask for a new one.",
                        nameof(IdentityErrorDescriber.PasswordTooShort) => $"Use at least {AccountsSetup.MinPasswordLength} characters.",
                        _ => error.Description,
                    });
            }
            return Page();
        }

        // Proving control of the mailbox is enough to lift a lockout.
        await users.SetLockoutEndDateAsync(account!, null);
        await users.ResetAccessFailedCountAsync(account!);
        TempData["Notice"] = "Your password is changed. Sign in with the new one.";
        return Redirect("/account/sign-in");
    }
}
