using System.Globalization;
using Backstride.Core.Validation;

namespace Backstride.Core.Shop;

/// <summary>What the owner typed for a discount code, before the rules have passed it.</summary>
public sealed record DiscountDraft(
    string? Code,
    DiscountKind? Kind,
    decimal? Value,
    decimal? MaxDiscount,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    int? UsageLimit,
    int? PerCustomerLimit,
    bool IsActive)
{
    /// <summary>Copies a draft that passed <see cref="DiscountRules.Validate"/>; leaves TimesUsed and CreatedAt alone.</summary>
    public void ApplyTo(DiscountCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        code.Code = CheckoutRules.NormalizeCode(Code!);
        code.Kind = Kind!.Value;
        code.Value = Value!.Value;
        // A cap means nothing on a fixed amount; a value left in a hidden form field is not kept.
        code.MaxDiscount = Kind == DiscountKind.Percent ? MaxDiscount : null;
        code.StartsAt = StartsAt?.ToUniversalTime();
        code.EndsAt = EndsAt?.ToUniversalTime();
        code.UsageLimit = UsageLimit;
        code.PerCustomerLimit = PerCustomerLimit;
        code.IsActive = IsActive;
    }
}

public static class DiscountRules
{
    public const string CodeField = "Code";
    public const string KindField = "Kind";
    public const string ValueField = "Value";
    public const string MaxDiscountField = "MaxDiscount";
    public const string StartsAtField = "StartsAt";
    public const string EndsAtField = "EndsAt";
    public const string UsageLimitField = "UsageLimit";
    public const string PerCustomerLimitField = "PerCustomerLimit";

    public const int MaxCodeLength = 40;
    public const decimal MinPercent = 1m;
    public const decimal MaxPercent = 100m;
    public const decimal MinAmount = 0.01m;
    public const decimal MaxAmount = 10_000m;

    public const string NotValidMessage = "This code is not valid.";
    public const string NotActiveMessage = "This code is not active.";
    public const string UsedUpMessage = "This code has been used up.";
    public const string AlreadyUsedMessage = "You have already used this code.";

    private const string DateFormat = "d MMM yyyy";

    /// <summary>Null when the code may be used now by a customer who has used it this many times before; otherwise why not.</summary>
    /// <param name="code">The code as found by its normalized text; null when no such code exists.</param>
    public static string? WhyNotUsable(DiscountCode? code, DateTimeOffset now, int usedByThisCustomer)
    {
        if (code is null)
        {
            return NotValidMessage;
        }
        if (!code.IsActive)
        {
            return NotActiveMessage;
        }
        // Dates are shown as the day in UTC, the way they are stored.
        if (code.StartsAt is { } startsAt && now < startsAt)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"This code can be used from {startsAt.ToUniversalTime().ToString(DateFormat, CultureInfo.InvariantCulture)}.");
        }
        if (code.EndsAt is { } endsAt && now >= endsAt)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"This code expired on {endsAt.ToUniversalTime().ToString(DateFormat, CultureInfo.InvariantCulture)}.");
        }
        if (code.UsageLimit is { } limit && code.TimesUsed >= limit)
        {
            return UsedUpMessage;
        }
        if (code.PerCustomerLimit is { } perCustomer && usedByThisCustomer >= perCustomer)
        {
            return AlreadyUsedMessage;
        }
        return null;
    }

    public static ValidationErrors Validate(DiscountDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new ValidationErrors();

        var code = draft.Code?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            errors.Add(CodeField, "Enter the code customers will type.");
        }
        else if (code.Length > MaxCodeLength)
        {
            errors.Add(CodeField, string.Create(CultureInfo.InvariantCulture,
                $"Keep the code to {MaxCodeLength} characters."));
        }
        else if (!IsCodeText(code))
        {
            errors.Add(CodeField, "Use only the letters A–Z, digits and hyphens in the code.");
        }

        if (draft.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(KindField, "Choose a percentage or a fixed amount.");
        }

        if (draft.Value is not { } value)
        {
            errors.Add(ValueField, "Enter how much the code takes off.");
        }
        else if (draft.Kind == DiscountKind.Percent && (value < MinPercent || value > MaxPercent || !OrderPricing.IsWholeCents(value)))
        {
            errors.Add(ValueField, "Enter a percentage from 1 to 100, with at most two decimals.");
        }
        else if (draft.Kind == DiscountKind.FixedAmount && (value < MinAmount || value > MaxAmount || !OrderPricing.IsWholeCents(value)))
        {
            errors.Add(ValueField, "Enter an amount from 0.01 to 10,000, with at most two decimals.");
        }

        if (draft.Kind == DiscountKind.Percent && draft.MaxDiscount is { } cap
            && (cap < MinAmount || cap > MaxAmount || !OrderPricing.IsWholeCents(cap)))
        {
            errors.Add(MaxDiscountField, "Enter a cap from 0.01 to 10,000, with at most two decimals, or leave it empty.");
        }

        if (draft.StartsAt is { } startsAt && draft.EndsAt is { } endsAt && endsAt <= startsAt)
        {
            errors.Add(EndsAtField, "The end must be after the start.");
        }

        if (draft.UsageLimit is < 1)
        {
            errors.Add(UsageLimitField, "Enter a limit of at least 1, or leave it empty for no limit.");
        }

        if (draft.PerCustomerLimit is < 1)
        {
            errors.Add(PerCustomerLimitField, "Enter a limit of at least 1, or leave it empty for no limit.");
        }

        return errors;
    }

    internal static bool IsCodeText(string code)
    {
        foreach (var c in code)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }
        return true;
    }
}
