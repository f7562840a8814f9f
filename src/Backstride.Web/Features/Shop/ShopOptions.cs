using System.ComponentModel.DataAnnotations;
using Backstride.Core.Shop;
using Microsoft.Extensions.Options;

namespace Backstride.Web.Features.Shop;

/// <summary>The shop's money, shipping, bank and owner settings; bound from "Shop". Defaults are <see cref="ShopRules.Default"/>.</summary>
public sealed class ShopOptions
{
    public const string SectionName = "Shop";

    /// <summary>ISO 4217 code of the shop's one currency, e.g. USD.</summary>
    public string Currency { get; set; } = ShopRules.Default.Currency;

    public decimal FlatShipping { get; set; } = ShopRules.Default.FlatShipping;

    /// <summary>Orders whose goods (after any discount) cost at least this ship free.</summary>
    public decimal FreeShippingFrom { get; set; } = ShopRules.Default.FreeShippingFrom;

    public decimal TaxRatePercent { get; set; } = ShopRules.Default.TaxRatePercent;

    /// <summary>The most of one variant a single order may hold.</summary>
    public int MaxPerLine { get; set; } = ShopRules.Default.MaxPerLine;

    public string ShippingMethodName { get; set; } = ShopRules.Default.ShippingMethodName;

    /// <summary>Where low-stock e-mails go; empty means they are only logged.</summary>
    public string OwnerEmail { get; set; } = "";

    /// <summary>Shown with the order number as the reference when a customer pays by bank transfer.</summary>
    public const string SampleBankName = "WBC Ltd (sample bank details)";
    public const string SampleBankAccount = "GB00 SAMP 0000 0000 0000 00";

    public string BankName { get; set; } = SampleBankName;

    /// <summary>IBAN-like text of the account to pay into.</summary>
    public string BankAccount { get; set; } = SampleBankAccount;

    /// <summary>True while the bank details are still the samples a fresh install ships with.</summary>
    public bool HasSampleBankDetails => BankName == SampleBankName || BankAccount == SampleBankAccount;

    /// <summary>These accounts get the Admin role at start-up.</summary>
    public string[] AdminEmails { get; set; } = [];

    public ShopRules ToRules() => new(Currency, FlatShipping, FreeShippingFrom, TaxRatePercent, MaxPerLine, ShippingMethodName);
}

/// <summary>Refuses to start with shop settings that make no sense, and says which setting to change.</summary>
internal sealed class ShopOptionsValidation : IValidateOptions<ShopOptions>
{
    public ValidateOptionsResult Validate(string? name, ShopOptions options)
    {
        var problems = new List<string>();
        void Problem(string setting, string what) => problems.Add($"{ShopOptions.SectionName}:{setting} {what}");

        if (options.Currency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetterUpper))
        {
            Problem(nameof(ShopOptions.Currency), "must be a three-letter upper-case currency code such as USD.");
        }
        if (options.FlatShipping < 0)
        {
            Problem(nameof(ShopOptions.FlatShipping), "must be 0 or more.");
        }
        if (options.FreeShippingFrom < 0)
        {
            Problem(nameof(ShopOptions.FreeShippingFrom), "must be 0 or more.");
        }
        if (options.TaxRatePercent is < 0 or > 100)
        {
            Problem(nameof(ShopOptions.TaxRatePercent), "must be from 0 to 100.");
        }
        if (options.MaxPerLine < 1)
        {
            Problem(nameof(ShopOptions.MaxPerLine), "must be 1 or more.");
        }
        if (string.IsNullOrWhiteSpace(options.ShippingMethodName))
        {
            Problem(nameof(ShopOptions.ShippingMethodName), "must name the shipping method customers see.");
        }
        if (!string.IsNullOrWhiteSpace(options.OwnerEmail) && !new EmailAddressAttribute().IsValid(options.OwnerEmail))
        {
            Problem(nameof(ShopOptions.OwnerEmail), "must be an e-mail address, or empty to only log low stock.");
        }
        // Bank transfer is always offered, so a customer must be told where to pay.
        if (string.IsNullOrWhiteSpace(options.BankName))
        {
            Problem(nameof(ShopOptions.BankName), "must name the bank customers pay into by bank transfer.");
        }
        if (string.IsNullOrWhiteSpace(options.BankAccount))
        {
            Problem(nameof(ShopOptions.BankAccount), "must give the account customers pay into by bank transfer.");
        }
        foreach (var email in options.AdminEmails)
        {
            if (!new EmailAddressAttribute().IsValid(email))
            {
                Problem(nameof(ShopOptions.AdminEmails), $"holds \"{email}\", which is not an e-mail address.");
            }
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
