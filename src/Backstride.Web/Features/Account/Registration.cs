using System.ComponentModel.DataAnnotations;
using Backstride.Core.Runners;
using Backstride.Core.Validation;
using Backstride.Data;
using Backstride.Data.Accounts;
using Backstride.Data.Diary;
using Microsoft.AspNetCore.Identity;

namespace Backstride.Web.Features.Account;

public sealed record RegistrationRequest(string? Email, string? Password, bool HealthDataConsent, string? TimeZoneId);

/// <summary>Creates an account with its consent record and first settings, for the page and the API alike.</summary>
public sealed class Registration(UserManager<UserAccount> users, SignInManager<UserAccount> signIn,
    BackstrideDbContext db, RunnerSettingsStore settings, TimeProvider clock)
{
    public const string EmailField = "Email";
    public const string PasswordField = "Password";
    public const string ConsentField = "HealthDataConsent";

    public async Task<(UserAccount? Account, ValidationErrors Errors)> RegisterAsync(RegistrationRequest request,
        HttpContext httpContext, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var email = request.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors.Add(EmailField, "Enter your e-mail address.");
        }
        else if (email.Length > 256 || !new EmailAddressAttribute().IsValid(email))
        {
            errors.Add(EmailField, "Enter an e-mail address like name@example.com.");
        }
        else if (SampleData.SampleRunner.IsSample(email))
        {
            // Sample runners are deleted after a day; a real account must never look like one.
            errors.Add(EmailField, "Enter your own e-mail address.");
        }
        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add(PasswordField, "Choose a password.");
        }
        if (!request.HealthDataConsent)
        {
            errors.Add(ConsentField, "Backstride stores what you tell it about your back. Tick the box to agree, or we can't create the account.");
        }
        if (!errors.IsValid)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow();
        var account = new UserAccount { UserName = email, Email = email, HealthDataConsentAt = now, CreatedAt = now };
        // The account and its settings are saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(account, request.Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                errors.Add(error.Code.Contains("Password", StringComparison.Ordinal) ? PasswordField : EmailField,
                    Describe(error));
            }
            return (null, errors);
        }

        // From here the request acts as the new runner, so their first diary row (settings) passes the owner check.
        httpContext.User = await signIn.CreateUserPrincipalAsync(account);
        var zone = RunnerSettingsRules.FindTimeZone(request.TimeZoneId) is null
            ? RunnerSettings.DefaultTimeZoneId
            : request.TimeZoneId;
        await settings.SaveAsync(Core.Units.DistanceUnit.Kilometres, zone, birthYear: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (account, errors);
    }

    private static string Describe(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail) =>
            "There is already an account with this e-mail address. Sign in, or reset the password.",
        nameof(IdentityErrorDescriber.InvalidUserName) or nameof(IdentityErrorDescriber.InvalidEmail) =>
            "Enter an e-mail address like name@example.com.",
        nameof(IdentityErrorDescriber.PasswordTooShort) =>
            $"Use at least {Infrastructure.AccountsSetup.MinPasswordLength} characters; a few words together work well.",
        _ => error.Description,
    };
}
