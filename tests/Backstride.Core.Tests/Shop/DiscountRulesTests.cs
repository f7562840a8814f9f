using System.Globalization;
using Backstride.Core.Shop;
using static Backstride.Core.Tests.Validation.ValidationAssert;

namespace Backstride.Core.Tests.Shop;

public sealed class DiscountRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    /// <summary>An active 10 % code with no dates or limits; a fresh instance each call.</summary>
    private static DiscountCode OpenCode() => new() { Code = "RUN10", Kind = DiscountKind.Percent, Value = 10m };

    /// <summary>15 % off, at most 20.00, during December 2026, 500 uses in all, one per customer.</summary>
    private static DiscountDraft ValidDraft() => new(
        Code: "winter-15",
        Kind: DiscountKind.Percent,
        Value: 15m,
        MaxDiscount: 20m,
        StartsAt: new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
        EndsAt: new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
        UsageLimit: 500,
        PerCustomerLimit: 1,
        IsActive: true);

    private static decimal Money(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    // --- WhyNotUsable ---

    [Fact]
    public void WhyNotUsable_ActiveCodeWithoutLimits_IsUsable()
    {
        // Act
        var why = DiscountRules.WhyNotUsable(OpenCode(), Now, usedByThisCustomer: 3);

        // Assert
        Assert.Null(why);
    }

    [Fact]
    public void WhyNotUsable_UnknownCode_SaysNotValid()
    {
        // Act
        var why = DiscountRules.WhyNotUsable(null, Now, usedByThisCustomer: 0);

        // Assert
        Assert.Equal("This code is not valid.", why);
    }

    [Fact]
    public void WhyNotUsable_InactiveCode_SaysNotActive()
    {
        // Arrange
        var code = OpenCode();
        code.IsActive = false;

        // Act
        var why = DiscountRules.WhyNotUsable(code, Now, usedByThisCustomer: 0);

        // Assert
        Assert.Equal("This code is not active.", why);
    }

    [Fact]
    public void WhyNotUsable_NotYetStarted_SaysFromWhichDay()
    {
        // Arrange
        var code = OpenCode();
        code.StartsAt = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

        // Act
        var why = DiscountRules.WhyNotUsable(code, Now, usedByThisCustomer: 0);

        // Assert
        Assert.Equal("This code can be used from 1 Dec 2026.", why);
    }

    [Fact]
    public void WhyNotUsable_StartsThisVeryMoment_IsUsable()
    {
        // Arrange
        var code = OpenCode();
        code.StartsAt = Now;

        // Act
        var why = DiscountRules.WhyNotUsable(code, Now, usedByThisCustomer: 0);

        // Assert
        Assert.Null(why);
    }

    [Fact]
    public void WhyNotUsable_Expired_SaysOnWhichDay()
    {
        // Arrange
        var code = OpenCode();
        code.EndsAt = new DateTimeOffset(2026, 11, 25, 23, 59, 0, TimeSpan.Zero);

        // Act
        var why = DiscountRules.WhyNotUsable(code, Now, usedByThisCustomer: 0);

        // Assert
        Assert.Equal("This code expired on 25 Nov 2026.", why);
    }

    [Fact]
    public void WhyNotUsable_EndsThisVeryMoment_IsExpired()
    {
        // Arrange
        var code = OpenCode();
        code.EndsAt = Now;

        // Act
        var why = DiscountRules.WhyNotUsable(code, Now, usedByThisCustomer: 0);

        // Assert
        Assert.Equal("This code expired on 26 Nov 2026.", why);
    }

    [Fact]
    public void WhyNotUsable_EndWithOffset_NamesTheDayInUtc()
    {
        // Arrange: 01:00 on the 26th at UTC+5 is 20:00 on the 25th in UTC.
        var code = OpenCode();
        code.EndsAt = new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.FromHours(5));

        // Act
        var why = DiscountRules.WhyNotUsable(code, Now, usedByThisCustomer: 0);

        // Assert
        Assert.Equal("This code expired on 25 Nov 2026.", why);
    }

    [Fact]
    public void WhyNotUsable_EndsInAMinute_IsUsable()
    {
        // Arrange
        var code = OpenCode();
        code.EndsAt = Now.AddMinutes(1);

        // Act
        var why = DiscountRules.WhyNotUsable(code, Now, usedByThisCustomer: 0);

        // Assert
        Assert.Null(why);
    }

    [Fact]
    public void WhyNotUsable_UsageLimitReached_SaysUsedUp()
    {
        // Arrange
        var code = OpenCode();
        code.UsageLimit = 100;
        code.TimesUsed = 100;

        // Act
        var why = DiscountRules.WhyNotUsable(code, Now, usedByThisCustomer: 0);

        // Assert
        Assert.Equal("This code has been used up.", why);
    }

    [Fact]
    public void WhyNotUsable_OneUseLeft_IsUsable()
    {
        // Arrange
        var code = OpenCode();
        code.UsageLimit = 100;
        code.TimesUsed = 99;

        // Act
        var why = DiscountRules.WhyNotUsable(code, Now, usedByThisCustomer: 0);

        // Assert
        Assert.Null(why);
    }

    [Fact]
    public void WhyNotUsable_CustomerUsedTheirShare_SaysAlreadyUsed()
    {
        // Arrange
        var code = OpenCode();
        code.PerCustomerLimit = 1;

        // Act
        var why = DiscountRules.WhyNotUsable(code, Now, usedByThisCustomer: 1);

        // Assert
        Assert.Equal("You have already used this code.", why);
    }

    [Fact]
    public void WhyNotUsable_CustomerBelowTheirShare_IsUsable()
    {
        // Arrange
        var code = OpenCode();
        code.PerCustomerLimit = 2;

        // Act
        var why = DiscountRules.WhyNotUsable(code, Now, usedByThisCustomer: 1);

        // Assert
        Assert.Null(why);
    }

    [Fact]
    public void WhyNotUsable_InactiveAndExpired_SaysNotActiveFirst()
    {
        // Arrange
        var code = OpenCode();
        code.IsActive = false;
        code.EndsAt = Now.AddDays(-1);

        // Act
        var why = DiscountRules.WhyNotUsable(code, Now, usedByThisCustomer: 0);

        // Assert
        Assert.Equal("This code is not active.", why);
    }

    // --- Validate ---

    [Fact]
    public void Validate_ValidPercentCode_Passes()
    {
        // Act
        var errors = DiscountRules.Validate(ValidDraft());

        // Assert
        AssertValid(errors);
    }

    [Fact]
    public void Validate_FixedCodeWithoutDatesOrLimits_Passes()
    {
        // Arrange
        var draft = new DiscountDraft("FIVE", DiscountKind.FixedAmount, 5m, null, null, null, null, null, IsActive: false);

        // Act
        var errors = DiscountRules.Validate(draft);

        // Assert
        AssertValid(errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_CodeMissing_RefusedOnCode(string? code)
    {
        // Arrange
        var draft = ValidDraft() with { Code = code };

        // Act
        var errors = DiscountRules.Validate(draft);

        // Assert
        Assert.Equal("Enter the code customers will type.", SingleErrorOn(errors, DiscountRules.CodeField));
    }

    [Theory]
    [InlineData("WINTER 15")]
    [InlineData("WINTER_15")]
    [InlineData("WINTER15%")]
    [InlineData("HIVER-ÉTÉ")]
    public void Validate_CodeWithOtherThanLettersDigitsHyphens_RefusedOnCode(string code)
    {
        // Arrange
        var draft = ValidDraft() with { Code = code };

        // Act
        var errors = DiscountRules.Validate(draft);

        // Assert
        Assert.Equal("Use only the letters A–Z, digits and hyphens in the code.", SingleErrorOn(errors, DiscountRules.CodeField));
    }

    [Fact]
    public void Validate_CodeOfFortyCharacters_Passes()
    {
        // Arrange
        var draft = ValidDraft() with { Code = new string('A', 40) };

        // Act
        var errors = DiscountRules.Validate(draft);

        // Assert
        AssertValid(errors);
    }

    [Fact]
    public void Validate_CodeOfFortyOneCharacters_RefusedOnCode()
    {
        // Arrange
        var draft = ValidDraft() with { Code = new string('A', 41) };

        // Act
        var errors = DiscountRules.Validate(draft);

        // Assert
        Assert.Equal("Keep the code to 40 characters.", SingleErrorOn(errors, DiscountRules.CodeField));
    }

    [Fact]
    public void Validate_KindMissing_RefusedOnKind()
    {
        // Arrange
        var draft = ValidDraft() with { Kind = null };

        // Act
        var errors = DiscountRules.Validate(draft);

        // Assert
        Assert.Equal("Choose a percentage or a fixed amount.", SingleErrorOn(errors, DiscountRules.KindField));
    }

    [Fact]
    public void Validate_ValueMissing_RefusedOnValue()
    {
        // Arrange
        var draft = ValidDraft() with { Value = null };

        // Act
        var errors = DiscountRules.Validate(draft);

        // Assert
        Assert.Equal("Enter how much the code takes off.", SingleErrorOn(errors, DiscountRules.ValueField));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("12.5")]
    [InlineData("100")]
    public void Validate_PercentFromOneToHundred_Passes(string percent)
    {
        // Arrange
        var draft = ValidDraft() with { Value = Money(percent) };

        // Act
        var errors = DiscountRules.Validate(draft);

        // Assert
        AssertValid(errors);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.99")]
    [InlineData("100.01")]
    [InlineData("12.345")]
    [InlineData("-10")]
    public void Validate_PercentOutsideOneToHundred_RefusedOnValue(string percent)
    {
        // Arrange
        var draft = ValidDraft() with { Value = Money(percent) };

        // Act
        var errors = DiscountRules.Validate(draft);

        // Assert
        Assert.Equal("Enter a percentage from 1 to 100, with at most two decimals.", SingleErrorOn(errors, DiscountRules.ValueField));
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("5")]
    [InlineData("10000")]
    public void Validate_FixedAmountInRange_Passes(string amount)
    {
        // Arrange
        var draft = ValidDraft() with { Kind = DiscountKind.FixedAmount, Value = Money(amount) };

        // Act
        var errors = DiscountRules.Validate(draft);

        // Assert
        AssertValid(errors);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10000.01")]
    [InlineData("5.555")]
    public void Validate_FixedAmountOutOfRange_RefusedOnValue(string amount)
    {
        // Arrange
        var draft = ValidDraft() with { Kind = DiscountKind.FixedAmount, Value = Money(amount) };

        // Act
        var errors = DiscountRules.Validate(draft);

        // Assert
        Assert.Equal("Enter an amount from 0.01 to 10,000, with at most two decimals.", SingleErrorOn(errors, DiscountRules.ValueField));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10000.01")]
    [InlineData("2.505")]
    public void Validate_PercentCapOutOfRange_RefusedOnMaxDiscount(string cap)
    {
        // Arrange
        var draft = ValidDraft() with { MaxDiscount = Money(cap) };

        // Act
        var errors = DiscountRules.Validate(draft);

        // Assert
        Assert.Equal("Enter a cap from 0.01 to 10,000, with at most two decimals, or leave it empty.",
            SingleErrorOn(errors, DiscountRules.MaxDiscountField));
    }

    [Fact]
    public void Validate_EndSameAsStart_RefusedOnEndsAt()
    {
        // Arrange
        var draft = ValidDraft() with { EndsAt = ValidDraft().StartsAt };

        // Act
        var errors = DiscountRules.Validate(draft);

        // Assert
        Assert.Equal("The end must be after the start.", SingleErrorOn(errors, DiscountRules.EndsAtField));
    }

    [Fact]
    public void Validate_EndBeforeStart_RefusedOnEndsAt()
    {
        // Arrange
        var draft = ValidDraft() with { EndsAt = ValidDraft().StartsAt!.Value.AddDays(-1) };

        // Act
        var errors = DiscountRules.Validate(draft);

        // Assert
        Assert.Equal("The end must be after the start.", SingleErrorOn(errors, DiscountRules.EndsAtField));
    }

    [Fact]
    public void Validate_UsageLimitZero_RefusedOnUsageLimit()
    {
        // Arrange
        var draft = ValidDraft() with { UsageLimit = 0 };

        // Act
        var errors = DiscountRules.Validate(draft);

        // Assert
        Assert.Equal("Enter a limit of at least 1, or leave it empty for no limit.", SingleErrorOn(errors, DiscountRules.UsageLimitField));
    }

    [Fact]
    public void Validate_PerCustomerLimitZero_RefusedOnPerCustomerLimit()
    {
        // Arrange
        var draft = ValidDraft() with { PerCustomerLimit = 0 };

        // Act
        var errors = DiscountRules.Validate(draft);

        // Assert
        Assert.Equal("Enter a limit of at least 1, or leave it empty for no limit.", SingleErrorOn(errors, DiscountRules.PerCustomerLimitField));
    }

    [Fact]
    public void Validate_EverythingMissingOrWrong_ReportsEveryFieldAtOnce()
    {
        // Arrange
        var draft = new DiscountDraft(null, null, null, null, ValidDraft().EndsAt, ValidDraft().StartsAt, 0, -1, IsActive: true);

        // Act
        var errors = DiscountRules.Validate(draft);

        // Assert
        string[] expected =
        [
            DiscountRules.CodeField, DiscountRules.KindField, DiscountRules.ValueField, DiscountRules.EndsAtField,
            DiscountRules.UsageLimitField, DiscountRules.PerCustomerLimitField,
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal).ToArray(), errors.Fields.Order(StringComparer.Ordinal).ToArray());
    }

    // --- ApplyTo ---

    [Fact]
    public void ApplyTo_ValidDraft_StoresTheCodeUpperCaseAndKeepsItsUsage()
    {
        // Arrange
        var code = OpenCode();
        code.TimesUsed = 7;
        var draft = ValidDraft() with { Code = "  winter-15 " };

        // Act
        draft.ApplyTo(code);

        // Assert
        Assert.Equal("WINTER-15", code.Code);
        Assert.Equal(DiscountKind.Percent, code.Kind);
        Assert.Equal(15m, code.Value);
        Assert.Equal(20m, code.MaxDiscount);
        Assert.Equal(draft.StartsAt, code.StartsAt);
        Assert.Equal(draft.EndsAt, code.EndsAt);
        Assert.Equal(500, code.UsageLimit);
        Assert.Equal(1, code.PerCustomerLimit);
        Assert.Equal(7, code.TimesUsed);
    }

    [Fact]
    public void ApplyTo_FixedAmountWithCapLeftInForm_DropsTheCap()
    {
        // Arrange
        var code = OpenCode();
        var draft = ValidDraft() with { Kind = DiscountKind.FixedAmount, Value = 5m, MaxDiscount = 3m };

        // Act
        var errors = DiscountRules.Validate(draft);
        draft.ApplyTo(code);

        // Assert
        AssertValid(errors);
        Assert.Null(code.MaxDiscount);
    }
}
