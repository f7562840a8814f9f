using Microsoft.AspNetCore.Identity;

namespace Backstride.Data.Accounts;

/// <summary>A person's account: a runner, a shop customer, or both.</summary>
public sealed class UserAccount : IdentityUser<Guid>
{
    public UserAccount() => Id = Guid.CreateVersion7();

    /// <summary>When the person agreed that Backstride may store their health data; registration requires it.</summary>
    public DateTimeOffset? HealthDataConsentAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
