using System.Globalization;
using Backstride.Web.Infrastructure.Email;

namespace Backstride.Web.Features.Account;

/// <summary>The confirmation sent once an account is deleted: to the address read before it went.</summary>
public static class DeleteAccountEmail
{
    public const string Subject = "Your Backstride account was deleted";

    public static EmailMessage For(string address, DateTimeOffset deletedAt, IReadOnlyList<string> orderNumbers)
    {
        List<string> body =
        [
            $"Your Backstride account was deleted on {deletedAt.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture)}, as you asked.",
            "",
            "Deleted for good: your account and password, your runs and their watch data, check-ins, plans and what you did",
            "with them, your back profile, medication log, strength training, self-experiments, uploaded files, settings",
            "and shopping cart. We cannot bring any of it back.",
            "",
        ];
        if (orderNumbers.Count > 0)
        {
            body.AddRange(
            [
                "Kept: your shop orders, because the law requires us to keep sales records. Your name, address and e-mail",
                "were removed from them; what was bought, the amounts and the dates stay. Keep this e-mail if you may",
                "need to refer to them (a return, a warranty): their numbers are",
                .. orderNumbers.Select(number => "  " + number),
                "",
            ]);
        }
        body.AddRange(
        [
            "This is the last e-mail you get from Backstride, and we no longer hold this address.",
            "If you did not ask for this, someone knew your password: change it wherever else you use it.",
            "",
            "Backstride",
        ]);
        return new EmailMessage(address, Subject, string.Join("\n", body));
    }
}
