using Backstride.Data.Accounts;
using Backstride.Web.Features.Shop;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Account;

public sealed class SignInModel(SignInManager<UserAccount> signIn, CurrentCart shopCart) : PageModel
{
    [BindProperty]
    public SignInForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class SignInForm
    {
        public string? Email { get; set; }

        public string? Password { get; set; }

        public bool KeepSignedIn { get; set; } = true;
    }

    public IActionResult OnGet() => User.GetUserId() is null ? Page() : LocalRedirect(SafeReturnUrl);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "Enter your e-mail address.");
        }
        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Enter your password.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, Input.KeepSignedIn,
            lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // What the visitor put in the shop cart as a guest joins their account's cart.
            if (await signIn.UserManager.FindByNameAsync(Input.Email!.Trim()) is { } account)
            {
                await shopCart.MergeGuestCartAsync(HttpContext, account.Id, cancellationToken);
            }
            return LocalRedirect(SafeReturnUrl);
        }
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? $"Too many attempts that didn't work. Try again in {AccountsSetup.LockoutDuration.TotalMinutes:0} minutes, or reset your password."
            : "That e-mail and password don't match an account. Check them, or reset your password.");
        return Page();
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
