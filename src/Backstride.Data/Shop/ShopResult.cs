using Backstride.Core.Validation;

namespace Backstride.Data.Shop;

/// <summary>The signed-in admin making a change, as the audit log records them.</summary>
public sealed record AdminActor(Guid UserId, string Email);

public enum ShopOutcome
{
    Saved,
    Invalid,
    NotFound,
    Refused,
}

/// <summary>
/// What an admin change did: saved (with the row), field messages for what was typed, no such row, or refused with a
/// sentence saying why (e.g. a shipped order cannot be cancelled).
/// </summary>
public sealed record ShopResult<T>(ShopOutcome Outcome, T? Value, ValidationErrors Errors, string? Message)
    where T : class
{
    public static ShopResult<T> Saved(T value) => new(ShopOutcome.Saved, value, new ValidationErrors(), null);

    public static ShopResult<T> Invalid(ValidationErrors errors) => new(ShopOutcome.Invalid, null, errors, null);

    public static ShopResult<T> NotFound() => new(ShopOutcome.NotFound, null, new ValidationErrors(), null);

    public static ShopResult<T> Refused(string message) => new(ShopOutcome.Refused, null, new ValidationErrors(), message);
}
