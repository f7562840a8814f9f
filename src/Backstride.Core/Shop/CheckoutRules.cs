using System.Globalization;
using System.Net.Mail;
using Backstride.Core.Validation;

namespace Backstride.Core.Shop;

/// <summary>What the customer typed at checkout, kept as typed so the form can show it again beside any error.</summary>
public sealed record CheckoutDraft(
    string? Email,
    string? Name,
    string? Line1,
    string? Line2,
    string? City,
    string? Region,
    string? PostalCode,
    string? Country,
    string? DiscountCode,
    PaymentMethod? PaymentMethod,
    bool AcceptedTerms,
    string? IdempotencyKey);

/// <summary>
/// What a checkout form must hold before an order is tried. All problems are reported at once; an order is placed
/// only from a draft with none, so no order is ever made from half an address.
/// </summary>
public static class CheckoutRules
{
    public const string EmailField = "Email";
    public const string NameField = "Name";
    public const string Line1Field = "Line1";
    public const string Line2Field = "Line2";
    public const string CityField = "City";
    public const string RegionField = "Region";
    public const string PostalCodeField = "PostalCode";
    public const string CountryField = "Country";
    public const string DiscountCodeField = "DiscountCode";
    public const string PaymentMethodField = "PaymentMethod";
    public const string TermsField = "AcceptedTerms";
    public const string IdempotencyKeyField = "IdempotencyKey";

    // RFC 5321's limit on a forward path.
    public const int MaxEmailLength = 254;
    public const int MaxNameLength = 100;
    public const int MaxAddressLineLength = 200;
    public const int MaxCityLength = 100;
    public const int MaxRegionLength = 100;
    public const int MaxPostalCodeLength = 20;
    public const int MaxIdempotencyKeyLength = 100;

    public static ValidationErrors Validate(CheckoutDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new ValidationErrors();

        var email = draft.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors.Add(EmailField, "Enter your e-mail address, so we can send your order confirmation.");
        }
        else if (email.Length > MaxEmailLength)
        {
            errors.Add(EmailField, string.Create(CultureInfo.InvariantCulture,
                $"An e-mail address can be up to {MaxEmailLength} characters."));
        }
        else if (!LooksLikeEmail(email))
        {
            errors.Add(EmailField, "Enter an e-mail address like name@example.com.");
        }

        RequiredLine(errors, NameField, draft.Name, MaxNameLength, "Enter the name to deliver to.", "The name");
        RequiredLine(errors, Line1Field, draft.Line1, MaxAddressLineLength, "Enter the street address.", "The address line");
        OptionalLine(errors, Line2Field, draft.Line2, MaxAddressLineLength, "The second address line");
        RequiredLine(errors, CityField, draft.City, MaxCityLength, "Enter the town or city.", "The town or city");
        OptionalLine(errors, RegionField, draft.Region, MaxRegionLength, "The state or region");
        RequiredLine(errors, PostalCodeField, draft.PostalCode, MaxPostalCodeLength, "Enter the postal code (ZIP code).", "The postal code");

        var country = draft.Country?.Trim();
        if (string.IsNullOrEmpty(country))
        {
            errors.Add(CountryField, "Choose the country to deliver to.");
        }
        else if (country.Length != 2 || !char.IsAsciiLetter(country[0]) || !char.IsAsciiLetter(country[1]))
        {
            errors.Add(CountryField, "Enter the country as its two-letter code, e.g. US.");
        }

        var code = draft.DiscountCode?.Trim();
        if (!string.IsNullOrEmpty(code) && (code.Length > DiscountRules.MaxCodeLength || !DiscountRules.IsCodeText(code)))
        {
            errors.Add(DiscountCodeField, string.Create(CultureInfo.InvariantCulture,
                $"Check the discount code: it has up to {DiscountRules.MaxCodeLength} letters A–Z, digits and hyphens."));
        }

        if (draft.PaymentMethod is not { } method || !Enum.IsDefined(method))
        {
            errors.Add(PaymentMethodField, "Choose how you will pay.");
        }

        if (!draft.AcceptedTerms)
        {
            errors.Add(TermsField, "Accept the terms of sale to place the order.");
        }

        // The form carries a fresh key; without one a double click could place two orders.
        var key = draft.IdempotencyKey?.Trim();
        if (string.IsNullOrEmpty(key) || key.Length > MaxIdempotencyKeyLength || HasControlCharacter(key))
        {
            errors.Add(IdempotencyKeyField, "This form has expired. Reload the page and try again; nothing was ordered.");
        }

        return errors;
    }

    /// <summary>The address of a draft that passed <see cref="Validate"/>, trimmed, with the country in upper case.</summary>
    public static ShippingAddress AddressOf(CheckoutDraft validDraft)
    {
        ArgumentNullException.ThrowIfNull(validDraft);
        if (string.IsNullOrWhiteSpace(validDraft.Name) || string.IsNullOrWhiteSpace(validDraft.Line1)
            || string.IsNullOrWhiteSpace(validDraft.City) || string.IsNullOrWhiteSpace(validDraft.PostalCode)
            || string.IsNullOrWhiteSpace(validDraft.Country))
        {
            throw new ArgumentException("The checkout draft has not passed CheckoutRules.Validate.", nameof(validDraft));
        }

        return new ShippingAddress
        {
            Name = validDraft.Name.Trim(),
            Line1 = validDraft.Line1.Trim(),
            Line2 = EmptyToNull(validDraft.Line2),
            City = validDraft.City.Trim(),
            Region = EmptyToNull(validDraft.Region),
            PostalCode = validDraft.PostalCode.Trim(),
            Country = validDraft.Country.Trim().ToUpperInvariant(),
        };
    }

    /// <summary>The form orders are found by: customers type their address in any case.</summary>
    public static string NormalizeEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToUpperInvariant();
    }

    public static string NormalizeCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Trim().ToUpperInvariant();
    }

    private static bool LooksLikeEmail(string email)
    {
        // TryCreate also accepts "Name <a@b.c>" and "a@localhost"; a shop needs a plain address it can deliver to.
        if (!MailAddress.TryCreate(email, out var address)
            || !string.Equals(address.Address, email, StringComparison.OrdinalIgnoreCase)
            || !string.IsNullOrEmpty(address.DisplayName))
        {
            return false;
        }
        // A domain name with a dot and no empty label (example.com), not a bare host or an [IP literal].
        var host = address.Host;
        return host.Length >= 3 && host[0] != '.' && host[^1] != '.'
            && host.Contains('.', StringComparison.Ordinal)
            && !host.Contains("..", StringComparison.Ordinal)
            && host.All(c => char.IsLetterOrDigit(c) || c is '-' or '.');
    }

    private static void RequiredLine(ValidationErrors errors, string field, string? value, int maxLength, string missing, string what)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(field, missing);
            return;
        }
        CheckLine(errors, field, trimmed, maxLength, what);
    }

    private static void OptionalLine(ValidationErrors errors, string field, string? value, int maxLength, string what)
    {
        var trimmed = value?.Trim();
        if (!string.IsNullOrEmpty(trimmed))
        {
            CheckLine(errors, field, trimmed, maxLength, what);
        }
    }

    private static void CheckLine(ValidationErrors errors, string field, string trimmed, int maxLength, string what)
    {
        if (trimmed.Length > maxLength)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture,
                $"{what} can be up to {maxLength} characters."));
        }
        else if (HasControlCharacter(trimmed))
        {
            // A label printer and the CSV export need one line per field.
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"{what} must fit on one line."));
        }
    }

    private static bool HasControlCharacter(string text) => text.Any(char.IsControl);

    private static string? EmptyToNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
