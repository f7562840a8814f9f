using Backstride.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Account;

public sealed class SignOutModel(SignInManager<UserAccount> signIn) : PageModel
{
    // Signing out is a POST (from the menu) so that a link elsewhere cannot sign anyone out.
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        // On a shared device the next person must not reopen this person's order pages (name, address) from history.
        Response.Cookies.Delete(Shop.OrderAccess.CookieName, new CookieOptions { Path = "/shop" });
        TempData["Notice"] = "You are signed out.";
        return Redirect("/");
    }
}
