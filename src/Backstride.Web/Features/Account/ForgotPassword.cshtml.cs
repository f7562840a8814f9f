using System.Text;
using Backstride.Data.Accounts;
using Backstride.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Backstride.Web.Features.Account;

public sealed class ForgotPasswordModel(UserManager<UserAccount> users, IEmailSender email, IOptions<AppOptions> app) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter the e-mail address of your account.");
            return Page();
        }

        var account = await users.FindByEmailAsync(Email.Trim());
        if (account is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(account);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            // Built on the configured public address, never on the Host header a client sent.
            var link = app.Value.BaseUrlFor(Request)
                + Url.Page("/Account/ResetPassword", pageHandler: null, values: new { email = account.Email, code });
            await email.SendAsync(new EmailMessage(account.Email!, "Reset your Backstride password",
                $"""
                Someone (we hope you) asked to reset the password of your Backstride account.

                Choose a new password here (the link works for one day):
                {link}

                If it wasn't you, ignore this e-mail: your password stays as it is.
                """), cancellationToken);
        }
        // The same answer either way, so this page can't be used to find out who has an account.
        Sent = true;
        return Page();
    }
}
