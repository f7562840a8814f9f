using Backstride.Core.Shop;
using Backstride.Data.Accounts;
using Backstride.Data.Shop;
using Backstride.Web.Features.Admin;
using Backstride.Web.Features.Imports;
using Backstride.Web.Infrastructure;
using Backstride.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Account;

/// <summary>
/// Deletes the signed-in person's account and everything of theirs at once, after their password and an explicit
/// "cannot be undone"; shop orders stay, anonymised. The /Account folder is open to visitors, so this page checks the
/// sign-in itself.
/// </summary>
public sealed class DeleteAccountModel(UserManager<UserAccount> users, SignInManager<UserAccount> signIn,
    AccountDeletion deletion, OrderStore orders, ImportFolders importFolders, IEmailSender email, TimeProvider clock,
    Insights.InsightCache insightCache, ILogger<DeleteAccountModel> logger) : PageModel
{
    public const string DeletedNotice = "Your account and diary were deleted.";

    [BindProperty]
    public DeleteAccountForm Input { get; set; } = new();

    public sealed class DeleteAccountForm
    {
        public string? Password { get; set; }

        public bool Understood { get; set; }
    }

    public string Email { get; private set; } = "";

    public int OrderCount { get; private set; }

    /// <summary>Orders not sent yet: deleting the address means the shop can no longer send them.</summary>
    public IReadOnlyList<Order> UnshippedOrders { get; private set; } = [];

    public bool IsAdmin { get; private set; }

    /// <summary>A made-up sample runner has no password to ask for; the tick alone confirms.</summary>
    public bool IsSampleRunner => SampleData.SampleRunner.IsSample(Email);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await SignedInAccountAsync() is not { } account)
        {
            return Challenge();
        }
        await DescribeAsync(account, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await SignedInAccountAsync() is not { } account)
        {
            return Challenge();
        }

        if (SampleData.SampleRunner.IsSample(account.Email))
        {
            // No password was ever set on the sample runner.
        }
        else if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Enter your password.");
        }
        else
        {
            // Counts towards the lockout like a sign-in, so this form cannot be used to guess the password.
            var check = await signIn.CheckPasswordSignInAsync(account, Input.Password, lockoutOnFailure: true);
            if (check.IsLockedOut)
            {
                ModelState.AddModelError("Input.Password",
                    $"Too many attempts that didn't work. Try again in {AccountsSetup.LockoutDuration.TotalMinutes:0} minutes.");
            }
            else if (!check.Succeeded)
            {
                ModelState.AddModelError("Input.Password", "That is not your password. Nothing was deleted.");
            }
        }
        if (!Input.Understood)
        {
            ModelState.AddModelError("Input.Understood", "Tick the box to confirm that you understand this cannot be undone.");
        }
        if (!ModelState.IsValid)
        {
            await DescribeAsync(account, cancellationToken);
            return Page();
        }

        // Read before the deletion, which removes them from the database.
        var address = account.Email!;
        var orderNumbers = (await orders.ForUserAsync(account.Id, cancellationToken)).Select(o => o.Number).ToList();

        // Not the request's token: once confirmed, a closed tab must not leave the runner unsure whether it happened.
        var result = await deletion.DeleteAsync(account.Id, CancellationToken.None);
        RemoveImportFolders(account.Id, result.ImportBatchIds);
        // This instance's in-memory copy of the diary goes too (others drop theirs unused within ten minutes).
        insightCache.Forget(account.Id);
        // Counts only: the log must not keep what the runner asked us to delete.
        logger.LogInformation("An account was deleted: {Rows}", result.Describe());

        // Sent after the deletion is committed, so it never confirms something that did not happen.
        try
        {
            await email.SendAsync(DeleteAccountEmail.For(address, clock.GetUtcNow(), orderNumbers), CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not send the account-deletion e-mail; the account is deleted all the same.");
        }

        await signIn.SignOutAsync();
        // As on signing out: the next person on this device must not reopen the order pages from this browser's proof.
        Response.Cookies.Delete(Shop.OrderAccess.CookieName, new CookieOptions { Path = "/shop" });
        TempData["Notice"] = DeletedNotice;
        return Redirect("/");
    }

    private async Task<UserAccount?> SignedInAccountAsync() =>
        User.GetUserId() is { } userId ? await users.FindByIdAsync(userId.ToString()) : null;

    private async Task DescribeAsync(UserAccount account, CancellationToken cancellationToken)
    {
        Email = account.Email ?? "";
        var placed = await orders.ForUserAsync(account.Id, cancellationToken);
        OrderCount = placed.Count;
        UnshippedOrders = placed
            .Where(o => o.Status != OrderStatus.Cancelled && o.ShippingStatus == ShippingStatus.NotShipped)
            .ToList();
        IsAdmin = await users.IsInRoleAsync(account, AdminRole.Name);
    }

    /// <summary>
    /// The uploads of the deleted batches, and any other folder on this instance marked as this runner's (one left by a
    /// stopped import). Another instance's folders go at its next start, when it finds their batches gone.
    /// </summary>
    private void RemoveImportFolders(Guid userId, IReadOnlyList<Guid> batchIds)
    {
        var leftovers = importFolders.Batches().Where(batchId => importFolders.RunnerOf(batchId) == userId);
        foreach (var batchId in batchIds.Concat(leftovers).Distinct())
        {
            importFolders.Delete(batchId);
        }
    }
}
