using Backstride.Data.Accounts;
using Backstride.Web.Features.Shop;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Backstride.Web.Features.Admin;

public enum GrantOutcome
{
    Granted,
    AlreadyAdmin,
    NoSuchAccount,
}

/// <summary>
/// How the first admin comes to be: an account, registered as usual, is given the Admin role by its e-mail, either
/// at start-up (Shop:AdminEmails) or with `grant-admin EMAIL` on the command line. The one place the role is granted.
/// </summary>
public sealed class AdminBootstrap(UserManager<UserAccount> users, RoleManager<IdentityRole<Guid>> roles,
    ILogger<AdminBootstrap> logger)
{
    public const string Verb = "grant-admin";

    public async Task<GrantOutcome> GrantAsync(string email)
    {
        var account = await users.FindByEmailAsync(email.Trim());
        if (account is null)
        {
            logger.LogWarning("No account has the e-mail {Email}, so it was not made an admin; register it first.", email);
            return GrantOutcome.NoSuchAccount;
        }
        await EnsureRoleAsync();
        if (await users.IsInRoleAsync(account, AdminRole.Name))
        {
            logger.LogInformation("{Email} is already a shop admin.", account.Email);
            return GrantOutcome.AlreadyAdmin;
        }
        IdentityResult added;
        try
        {
            added = await users.AddToRoleAsync(account, AdminRole.Name);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same moment may have granted it first.
            added = IdentityResult.Failed(new IdentityError { Description = "The database refused the change." });
        }
        if (!added.Succeeded)
        {
            if (await users.IsInRoleAsync(account, AdminRole.Name))
            {
                return GrantOutcome.AlreadyAdmin;
            }
            throw new InvalidOperationException(
                $"{account.Email} could not be made an admin: {string.Join(" ", added.Errors.Select(e => e.Description))}");
        }
        logger.LogInformation("{Email} is now a shop admin (role {Role}).", account.Email, AdminRole.Name);
        return GrantOutcome.Granted;
    }

    private async Task EnsureRoleAsync()
    {
        if (await roles.RoleExistsAsync(AdminRole.Name))
        {
            return;
        }
        try
        {
            var created = await roles.CreateAsync(new IdentityRole<Guid>(AdminRole.Name) { Id = Guid.CreateVersion7() });
            if (created.Succeeded)
            {
                logger.LogInformation("Created the {Role} role.", AdminRole.Name);
                return;
            }
        }
        catch (DbUpdateException)
        {
            // Another instance may have created it between the check and the insert; looked at again below.
        }
        if (!await roles.RoleExistsAsync(AdminRole.Name))
        {
            throw new InvalidOperationException($"The {AdminRole.Name} role could not be created.");
        }
    }
}

public static class AdminBootstrapSetup
{
    /// <summary>At start-up: every account named in Shop:AdminEmails gets the Admin role (again, harmlessly, on every start).</summary>
    public static async Task GrantConfiguredAdminsAsync(this WebApplication app)
    {
        var emails = (app.Services.GetRequiredService<IOptions<ShopOptions>>().Value.AdminEmails ?? Enumerable.Empty<string>())
            .Where(email => !string.IsNullOrWhiteSpace(email))
            .ToList();
        if (emails.Count == 0)
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var bootstrap = scope.ServiceProvider.GetRequiredService<AdminBootstrap>();
        foreach (var email in emails)
        {
            await bootstrap.GrantAsync(email);
        }
    }

    /// <summary>The e-mail of `grant-admin EMAIL`, or null when the app was started to serve.</summary>
    public static string? GrantVerbEmail(string[] args) =>
        args is [AdminBootstrap.Verb, var email] && !string.IsNullOrWhiteSpace(email) ? email : null;

    /// <summary>Runs `grant-admin EMAIL` against the migrated database and returns the process exit code.</summary>
    public static async Task<int> GrantFromCommandLineAsync(this WebApplication app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().GrantAsync(email);
        switch (outcome)
        {
            case GrantOutcome.NoSuchAccount:
                await Console.Error.WriteLineAsync(
                    $"No account has the e-mail {email}. Register it in the app first (/account/register), then run this again.");
                return 1;
            case GrantOutcome.AlreadyAdmin:
                await Console.Out.WriteLineAsync($"{email} is already a shop admin.");
                return 0;
            default:
                await Console.Out.WriteLineAsync($"{email} is now a shop admin. Sign out and in again to see the Admin pages.");
                return 0;
        }
    }
}
