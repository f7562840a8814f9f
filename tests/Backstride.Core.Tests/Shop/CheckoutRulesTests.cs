using Backstride.Core.Shop;
using static Backstride.Core.Tests.Validation.ValidationAssert;

namespace Backstride.Core.Tests.Shop;

public sealed class CheckoutRulesTests
{
    /// <summary>A guest in Oregon paying on delivery with a code; a fresh instance each call.</summary>
    private static CheckoutDraft ValidDraft() => new(
        Email: "sam.runner@example.com",
        Name: "Sam Runner",
        Line1: "12 Riverside Path",
        Line2: "Apt 4",
        City: "Portland",
        Region: "OR",
        PostalCode: "97201",
        Country: "US",
        DiscountCode: "winter-15",
        PaymentMethod: PaymentMethod.PayOnDelivery,
        AcceptedTerms: true,
        IdempotencyKey: "3f2b8c1e9a7d4e6f8b0c2d4e6f8a0b1c");

    /// <summary>The draft with one text field set, by the field's name.</summary>
    private static CheckoutDraft With(string field, string? value) => field switch
    {
        CheckoutRules.EmailField => ValidDraft() with { Email = value },
        CheckoutRules.NameField => ValidDraft() with { Name = value },
        CheckoutRules.Line1Field => ValidDraft() with { Line1 = value },
        CheckoutRules.Line2Field => ValidDraft() with { Line2 = value },
        CheckoutRules.CityField => ValidDraft() with { City = value },
        CheckoutRules.RegionField => ValidDraft() with { Region = value },
        CheckoutRules.PostalCodeField => ValidDraft() with { PostalCode = value },
        CheckoutRules.CountryField => ValidDraft() with { Country = value },
        CheckoutRules.DiscountCodeField => ValidDraft() with { DiscountCode = value },
        CheckoutRules.IdempotencyKeyField => ValidDraft() with { IdempotencyKey = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a text field of the checkout form."),
    };

    /// <summary>
    /// An address of exactly <paramref name="length"/> characters (200 or more) that keeps to RFC 5321's other limits:
    /// a short local part and domain labels of at most 63 characters.
    /// </summary>
    private static string EmailOfLength(int length) =>
        "sam@" + new string('a', 63) + "." + new string('b', 63) + "." + new string('c', 63) + "."
        + new string('d', length - 200) + ".com";

    [Fact]
    public void Validate_CompleteDraft_Passes()
    {
        // Act
        var errors = CheckoutRules.Validate(ValidDraft());

        // Assert
        AssertValid(errors);
    }

    [Fact]
    public void Validate_WithoutOptionalLine2RegionAndCode_Passes()
    {
        // Arrange
        var draft = ValidDraft() with { Line2 = null, Region = "  ", DiscountCode = "" };

        // Act
        var errors = CheckoutRules.Validate(draft);

        // Assert
        AssertValid(errors);
    }

    [Fact]
    public void Validate_EmptyForm_NamesEveryMissingFieldAtOnce()
    {
        // Arrange
        var draft = new CheckoutDraft(null, null, null, null, null, null, null, null, null, null, AcceptedTerms: false, IdempotencyKey: null);

        // Act
        var errors = CheckoutRules.Validate(draft);

        // Assert
        string[] expected =
        [
            CheckoutRules.EmailField, CheckoutRules.NameField, CheckoutRules.Line1Field, CheckoutRules.CityField,
            CheckoutRules.PostalCodeField, CheckoutRules.CountryField, CheckoutRules.PaymentMethodField,
            CheckoutRules.TermsField, CheckoutRules.IdempotencyKeyField,
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal).ToArray(), errors.Fields.Order(StringComparer.Ordinal).ToArray());
        Assert.All(errors.Fields, field => Assert.Single(errors.For(field)));
    }

    [Theory]
    [InlineData(CheckoutRules.EmailField, "Enter your e-mail address, so we can send your order confirmation.")]
    [InlineData(CheckoutRules.NameField, "Enter the name to deliver to.")]
    [InlineData(CheckoutRules.Line1Field, "Enter the street address.")]
    [InlineData(CheckoutRules.CityField, "Enter the town or city.")]
    [InlineData(CheckoutRules.PostalCodeField, "Enter the postal code (ZIP code).")]
    [InlineData(CheckoutRules.CountryField, "Choose the country to deliver to.")]
    public void Validate_RequiredFieldBlank_RefusedOnThatFieldOnly(string field, string expectedMessage)
    {
        // Arrange
        var draft = With(field, "   ");

        // Act
        var errors = CheckoutRules.Validate(draft);

        // Assert
        Assert.Equal(expectedMessage, SingleErrorOn(errors, field));
    }

    [Theory]
    [InlineData("runner")]
    [InlineData("runner@example")]
    [InlineData("runner@localhost")]
    [InlineData("runner@@example.com")]
    [InlineData("runner@example.")]
    [InlineData("runner@.example.com")]
    [InlineData("runner@[127.0.0.1]")]
    [InlineData("Sam Runner <runner@example.com>")]
    [InlineData("@example.com")]
    public void Validate_EmailNotLikeNameAtDomain_RefusedOnEmail(string email)
    {
        // Arrange
        var draft = ValidDraft() with { Email = email };

        // Act
        var errors = CheckoutRules.Validate(draft);

        // Assert
        Assert.Equal("Enter an e-mail address like name@example.com.", SingleErrorOn(errors, CheckoutRules.EmailField));
    }

    [Theory]
    [InlineData("runner@example.com")]
    [InlineData("first.last+shop@mail.example.co.uk")]
    [InlineData("  Runner@Example.COM  ")]
    public void Validate_PlainEmail_Passes(string email)
    {
        // Arrange
        var draft = ValidDraft() with { Email = email };

        // Act
        var errors = CheckoutRules.Validate(draft);

        // Assert
        AssertValid(errors);
    }

    [Fact]
    public void Validate_EmailOf254Characters_Passes()
    {
        // Arrange
        var email = EmailOfLength(254);

        // Act
        var errors = CheckoutRules.Validate(ValidDraft() with { Email = email });

        // Assert
        Assert.Equal(254, email.Length);
        AssertValid(errors);
    }

    [Fact]
    public void Validate_EmailOf255Characters_RefusedOnEmail()
    {
        // Arrange
        var email = EmailOfLength(255);

        // Act
        var errors = CheckoutRules.Validate(ValidDraft() with { Email = email });

        // Assert
        Assert.Equal("An e-mail address can be up to 254 characters.", SingleErrorOn(errors, CheckoutRules.EmailField));
    }

    [Theory]
    [InlineData(CheckoutRules.NameField, 100)]
    [InlineData(CheckoutRules.Line1Field, 200)]
    [InlineData(CheckoutRules.Line2Field, 200)]
    [InlineData(CheckoutRules.CityField, 100)]
    [InlineData(CheckoutRules.RegionField, 100)]
    [InlineData(CheckoutRules.PostalCodeField, 20)]
    public void Validate_TextAtItsLimit_Passes(string field, int limit)
    {
        // Arrange
        var draft = With(field, new string('x', limit));

        // Act
        var errors = CheckoutRules.Validate(draft);

        // Assert
        AssertValid(errors);
    }

    [Theory]
    [InlineData(CheckoutRules.NameField, 100, "The name can be up to 100 characters.")]
    [InlineData(CheckoutRules.Line1Field, 200, "The address line can be up to 200 characters.")]
    [InlineData(CheckoutRules.Line2Field, 200, "The second address line can be up to 200 characters.")]
    [InlineData(CheckoutRules.CityField, 100, "The town or city can be up to 100 characters.")]
    [InlineData(CheckoutRules.RegionField, 100, "The state or region can be up to 100 characters.")]
    [InlineData(CheckoutRules.PostalCodeField, 20, "The postal code can be up to 20 characters.")]
    public void Validate_TextOneOverItsLimit_RefusedOnThatField(string field, int limit, string expectedMessage)
    {
        // Arrange
        var draft = With(field, new string('x', limit + 1));

        // Act
        var errors = CheckoutRules.Validate(draft);

        // Assert
        Assert.Equal(expectedMessage, SingleErrorOn(errors, field));
    }

    [Fact]
    public void Validate_LimitCountsTrimmedText_SurroundingSpacesAreFree()
    {
        // Arrange
        var draft = ValidDraft() with { Name = "  " + new string('x', 100) + "  " };

        // Act
        var errors = CheckoutRules.Validate(draft);

        // Assert
        AssertValid(errors);
    }

    [Fact]
    public void Validate_LineBreakInsideAddressLine_RefusedOnThatField()
    {
        // Arrange
        var draft = ValidDraft() with { Line1 = "12 Riverside Path\nBuilding B" };

        // Act
        var errors = CheckoutRules.Validate(draft);

        // Assert
        Assert.Equal("The address line must fit on one line.", SingleErrorOn(errors, CheckoutRules.Line1Field));
    }

    [Theory]
    [InlineData("USA")]
    [InlineData("U")]
    [InlineData("U5")]
    [InlineData("Ü S")]
    [InlineData("ÜS")]
    public void Validate_CountryNotTwoLetters_RefusedOnCountry(string country)
    {
        // Arrange
        var draft = ValidDraft() with { Country = country };

        // Act
        var errors = CheckoutRules.Validate(draft);

        // Assert
        Assert.Equal("Enter the country as its two-letter code, e.g. US.", SingleErrorOn(errors, CheckoutRules.CountryField));
    }

    [Theory]
    [InlineData("us")]
    [InlineData(" GB ")]
    public void Validate_TwoLetterCountryInAnyCase_Passes(string country)
    {
        // Arrange
        var draft = ValidDraft() with { Country = country };

        // Act
        var errors = CheckoutRules.Validate(draft);

        // Assert
        AssertValid(errors);
    }

    [Theory]
    [InlineData("WINTER 15")]
    [InlineData("WINTER_15")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Validate_DiscountCodeNotLettersDigitsHyphensUpTo40_RefusedOnDiscountCode(string code)
    {
        // Arrange
        var draft = ValidDraft() with { DiscountCode = code };

        // Act
        var errors = CheckoutRules.Validate(draft);

        // Assert
        Assert.Equal("Check the discount code: it has up to 40 letters A–Z, digits and hyphens.",
            SingleErrorOn(errors, CheckoutRules.DiscountCodeField));
    }

    [Fact]
    public void Validate_PaymentMethodMissing_RefusedOnPaymentMethod()
    {
        // Arrange
        var draft = ValidDraft() with { PaymentMethod = null };

        // Act
        var errors = CheckoutRules.Validate(draft);

        // Assert
        Assert.Equal("Choose how you will pay.", SingleErrorOn(errors, CheckoutRules.PaymentMethodField));
    }

    [Fact]
    public void Validate_PaymentMethodNotInList_RefusedOnPaymentMethod()
    {
        // Arrange: a tampered form value.
        var draft = ValidDraft() with { PaymentMethod = (PaymentMethod)42 };

        // Act
        var errors = CheckoutRules.Validate(draft);

        // Assert
        Assert.Equal("Choose how you will pay.", SingleErrorOn(errors, CheckoutRules.PaymentMethodField));
    }

    [Fact]
    public void Validate_TermsNotAccepted_RefusedOnTerms()
    {
        // Arrange
        var draft = ValidDraft() with { AcceptedTerms = false };

        // Act
        var errors = CheckoutRules.Validate(draft);

        // Assert
        Assert.Equal("Accept the terms of sale to place the order.", SingleErrorOn(errors, CheckoutRules.TermsField));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789X")]
    public void Validate_IdempotencyKeyMissingOrTooLong_RefusedAndSaysNothingWasOrdered(string? key)
    {
        // Arrange
        var draft = With(CheckoutRules.IdempotencyKeyField, key);

        // Act
        var errors = CheckoutRules.Validate(draft);

        // Assert
        Assert.Equal("This form has expired. Reload the page and try again; nothing was ordered.",
            SingleErrorOn(errors, CheckoutRules.IdempotencyKeyField));
    }

    // --- AddressOf ---

    [Fact]
    public void AddressOf_ValidDraft_TrimsAndUpperCasesTheCountry()
    {
        // Arrange
        var draft = ValidDraft() with { Name = " Sam Runner ", Line2 = "  ", Region = " OR ", Country = "us" };

        // Act
        var address = CheckoutRules.AddressOf(draft);

        // Assert
        Assert.Equal(new ShippingAddress
        {
            Name = "Sam Runner",
            Line1 = "12 Riverside Path",
            Line2 = null,
            City = "Portland",
            Region = "OR",
            PostalCode = "97201",
            Country = "US",
        }, address);
    }

    [Fact]
    public void AddressOf_DraftMissingCity_ThrowsRatherThanKeepHalfAnAddress()
    {
        // Arrange
        var draft = ValidDraft() with { City = null };

        // Act and assert
        Assert.Throws<ArgumentException>(() => CheckoutRules.AddressOf(draft));
    }

    // --- normalizing ---

    [Theory]
    [InlineData("sam.runner@example.com")]
    [InlineData("  Sam.Runner@Example.COM ")]
    [InlineData("SAM.RUNNER@EXAMPLE.COM")]
    public void NormalizeEmail_AnyCaseOrSpacing_GivesOneForm(string email)
    {
        // Act
        var normalized = CheckoutRules.NormalizeEmail(email);

        // Assert
        Assert.Equal("SAM.RUNNER@EXAMPLE.COM", normalized);
    }

    [Theory]
    [InlineData("winter-15")]
    [InlineData(" Winter-15 ")]
    public void NormalizeCode_AnyCaseOrSpacing_GivesUpperCase(string code)
    {
        // Act
        var normalized = CheckoutRules.NormalizeCode(code);

        // Assert
        Assert.Equal("WINTER-15", normalized);
    }
}
