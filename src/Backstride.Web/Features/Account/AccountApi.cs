using Backstride.Data.Accounts;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Backstride.Web.Features.Account;

public static class AccountApi
{
    public sealed record RegisterRequest(string? Email, string? Password, bool HealthDataConsent, string? TimeZone);

    public sealed record RegisteredAccount(Guid Id, string Email, DateTimeOffset HealthDataConsentAt);

    public sealed record TokenRequest(string? Email, string? Password);

    private static readonly Dictionary<string, string> ApiNames = new(StringComparer.Ordinal)
    {
        [Registration.EmailField] = "email",
        [Registration.PasswordField] = "password",
        [Registration.ConsentField] = "healthDataConsent",
    };

    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder v1)
    {
        var account = v1.MapGroup("/account").WithTags("Account").AllowAnonymous();
        account.MapPost("/register", RegisterAsync)
            .WithSummary("Create an account; healthDataConsent must be true.");
        account.MapPost("/token", IssueTokenAsync)
            .WithSummary("Sign in and get a bearer token for the other endpoints.")
            .Produces<AccessTokenResponse>();
        return account;
    }

    private static async Task<Results<Created<RegisteredAccount>, ValidationProblem>> RegisterAsync(
        RegisterRequest request, Registration registration, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var (account, errors) = await registration.RegisterAsync(
            new RegistrationRequest(request.Email, request.Password, request.HealthDataConsent, request.TimeZone),
            httpContext, cancellationToken);
        if (account is null)
        {
            return errors.ToProblem(ApiNames);
        }
        return TypedResults.Created("/api/v1/settings",
            new RegisteredAccount(account.Id, account.Email!, account.HealthDataConsentAt!.Value));
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request, SignInManager<UserAccount> signIn)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: "Send an e-mail and a password.");
        }

        // The sign-in manager writes the bearer token response itself (an AccessTokenResponse).
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.Email.Trim(), request.Password, isPersistent: false,
            lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return TypedResults.Empty;
        }
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
            title: result.IsLockedOut
                ? $"Too many failed attempts; try again in {AccountsSetup.LockoutDuration.TotalMinutes:0} minutes."
                : "That e-mail and password don't match an account.");
    }
}
