using Backstride.Core.Insights;
using Backstride.Data;
using Backstride.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Web.Features.SampleData;

/// <summary>
/// Makes a made-up runner with six months of generated diary, so a newcomer can see every insight before logging
/// anything. The account has no password: it lives in this browser's sign-in cookie and is deleted after a day.
/// </summary>
public sealed class SampleRunner(UserManager<UserAccount> users, SignInManager<UserAccount> signIn,
    BackstrideDbContext db, AccountDeletion deletion, TimeProvider clock)
{
    public const string EmailDomain = "sample.backstride.invalid";

    /// <summary>One seed for everyone, so every newcomer sees the same six months and a bug report can name them.</summary>
    public const int Seed = 20261126;

    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public static bool IsSample(string? email) => email?.EndsWith("@" + EmailDomain, StringComparison.OrdinalIgnoreCase) == true;

    public async Task CreateAndSignInAsync(HttpContext httpContext, CancellationToken cancellationToken)
    {
        // Yesterday's sample runners go as each new one arrives: no scheduler needed, and they never pile up.
        foreach (var expired in await ExpiredAsync(cancellationToken))
        {
            await deletion.DeleteAsync(expired, cancellationToken);
        }
        var now = clock.GetUtcNow();
        var email = $"sample-{Guid.NewGuid():N}@{EmailDomain}";
        var account = new UserAccount { UserName = email, Email = email, HealthDataConsentAt = now, CreatedAt = now };
        var data = SampleDiary.Generate(account.Id, new SampleDiaryOptions(Seed, now));

        // The account and its whole diary are saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(account);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("The sample runner could not be created: " + string.Join("; ", created.Errors.Select(e => e.Code)));
        }
        // From here the request acts as the sample runner, so its diary rows pass the owner check.
        httpContext.User = await signIn.CreateUserPrincipalAsync(account);
        db.Add(data.Settings);
        db.Add(data.Profile);
        db.Add(data.Training);
        db.AddRange(data.Shoes);
        db.AddRange(data.Runs);
        db.AddRange(data.CheckIns);
        db.AddRange(data.Plans);
        db.AddRange(data.StrengthSessions);
        db.AddRange(data.Doses);
        db.AddRange(data.Experiments);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await signIn.SignInAsync(account, isPersistent: false);
    }

    /// <summary>The sample runners older than <see cref="KeptFor"/>, to be deleted like any account.</summary>
    public Task<List<Guid>> ExpiredAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - KeptFor;
        var suffix = ("@" + EmailDomain).ToUpperInvariant();
        return db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail != null && u.NormalizedEmail.EndsWith(suffix) && u.CreatedAt < before)
            .Select(u => u.Id).Take(50).ToListAsync(cancellationToken);
    }
}
