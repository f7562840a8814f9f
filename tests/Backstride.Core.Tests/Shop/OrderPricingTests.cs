using System.Globalization;
using Backstride.Core.Shop;

namespace Backstride.Core.Tests.Shop;

public sealed class OrderPricingTests
{
    /// <summary>USD, 5.95 shipping, free from 50.00, no tax.</summary>
    private static readonly ShopRules NoTax = ShopRules.Default;

    private static PricedLine Line(decimal unitPrice, int quantity) => new(Guid.NewGuid(), unitPrice, quantity);

    private static DiscountCode Percent(decimal percent, decimal? cap = null) =>
        new() { Code = "RUNNERS", Kind = DiscountKind.Percent, Value = percent, MaxDiscount = cap };

    private static DiscountCode Fixed(decimal amount) =>
        new() { Code = "FIVEOFF", Kind = DiscountKind.FixedAmount, Value = amount };

    private static decimal Money(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    [Fact]
    public void Default_Always_IsTheContractsShop()
    {
        // Act
        var rules = ShopRules.Default;

        // Assert
        Assert.Equal("USD", rules.Currency);
        Assert.Equal(5.95m, rules.FlatShipping);
        Assert.Equal(50m, rules.FreeShippingFrom);
        Assert.Equal(0m, rules.TaxRatePercent);
        Assert.Equal(10, rules.MaxPerLine);
    }

    // --- subtotal and total ---

    [Fact]
    public void Compute_TwoLinesBelowThreshold_AddsPriceTimesQuantityAndShipping()
    {
        // Arrange
        var lines = new[] { Line(14.95m, 2), Line(9.95m, 1) };

        // Act
        var totals = OrderPricing.Compute(lines, NoTax, discount: null);

        // Assert
        Assert.Equal(new OrderTotals(Subtotal: 39.85m, Discount: 0m, Shipping: 5.95m, Tax: 0m, Total: 45.80m), totals);
    }

    [Fact]
    public void Compute_NoLines_ChargesNothingNotEvenShipping()
    {
        // Act
        var totals = OrderPricing.Compute([], NoTax, discount: null);

        // Assert
        Assert.Equal(new OrderTotals(0m, 0m, 0m, 0m, 0m), totals);
    }

    [Fact]
    public void Compute_FractionalUnitPrices_SubtotalRoundsHalfCentAwayFromZero()
    {
        // Arrange: 3 × 3.335 = 10.005, which banker's rounding would make 10.00.
        var lines = new[] { Line(3.335m, 3) };

        // Act
        var totals = OrderPricing.Compute(lines, NoTax, discount: null);

        // Assert
        Assert.Equal(10.01m, totals.Subtotal);
        Assert.Equal(15.96m, totals.Total);
    }

    [Fact]
    public void Compute_NegativeQuantity_Throws()
    {
        // Arrange
        var lines = new[] { Line(14.95m, -1) };

        // Act and assert
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderPricing.Compute(lines, NoTax, discount: null));
    }

    // --- shipping ---

    [Fact]
    public void Compute_SubtotalExactlyAtThreshold_ShipsFree()
    {
        // Arrange
        var lines = new[] { Line(25.00m, 2) };

        // Act
        var totals = OrderPricing.Compute(lines, NoTax, discount: null);

        // Assert
        Assert.Equal(0m, totals.Shipping);
        Assert.Equal(50.00m, totals.Total);
    }

    [Fact]
    public void Compute_SubtotalOneCentBelowThreshold_ChargesShipping()
    {
        // Arrange
        var lines = new[] { Line(49.99m, 1) };

        // Act
        var totals = OrderPricing.Compute(lines, NoTax, discount: null);

        // Assert
        Assert.Equal(5.95m, totals.Shipping);
        Assert.Equal(55.94m, totals.Total);
    }

    [Fact]
    public void Compute_DiscountTakesOrderBelowThreshold_ChargesShipping()
    {
        // Arrange: 50.85 of goods, 45.85 after the code.
        var lines = new[] { Line(16.95m, 3) };

        // Act
        var totals = OrderPricing.Compute(lines, NoTax, Fixed(5m));

        // Assert
        Assert.Equal(new OrderTotals(Subtotal: 50.85m, Discount: 5.00m, Shipping: 5.95m, Tax: 0m, Total: 51.80m), totals);
    }

    [Fact]
    public void Compute_ShopWithOtherShippingSettings_UsesThem()
    {
        // Arrange
        var rules = ShopRules.Default with { FlatShipping = 3.50m, FreeShippingFrom = 30m };

        // Act
        var below = OrderPricing.Compute([Line(29.99m, 1)], rules, discount: null);
        var at = OrderPricing.Compute([Line(30.00m, 1)], rules, discount: null);

        // Assert
        Assert.Equal(3.50m, below.Shipping);
        Assert.Equal(0m, at.Shipping);
    }

    // --- tax ---

    [Theory]
    [InlineData("4.15", "5", "0.51", "10.61")]   // (4.15 + 5.95 shipping) × 5 % = 0.505; banker's rounding gives 0.50
    [InlineData("6.30", "10", "1.23", "13.48")]  // 12.25 × 10 % = 1.225; banker's rounding gives 1.22
    [InlineData("52.25", "10", "5.23", "57.48")] // free shipping: 52.25 × 10 % = 5.225; banker's rounding gives 5.22
    [InlineData("52.00", "8.25", "4.29", "56.29")] // 4.29: no midpoint, plain rounding
    public void Compute_TaxOnGoodsAndShipping_RoundsHalfCentAwayFromZero(string price, string ratePercent, string expectedTax, string expectedTotal)
    {
        // Arrange
        var rules = ShopRules.Default with { TaxRatePercent = Money(ratePercent) };

        // Act
        var totals = OrderPricing.Compute([Line(Money(price), 1)], rules, discount: null);

        // Assert
        Assert.Equal(Money(expectedTax), totals.Tax);
        Assert.Equal(Money(expectedTotal), totals.Total);
    }

    [Fact]
    public void Compute_TaxWithDiscount_IsOnWhatIsPaidAfterTheDiscount()
    {
        // Arrange: (29.90 − 5.00 + 5.95) × 8 % = 2.468.
        var rules = ShopRules.Default with { TaxRatePercent = 8m };

        // Act
        var totals = OrderPricing.Compute([Line(14.95m, 2)], rules, Fixed(5m));

        // Assert
        Assert.Equal(new OrderTotals(Subtotal: 29.90m, Discount: 5.00m, Shipping: 5.95m, Tax: 2.47m, Total: 33.32m), totals);
    }

    // --- discounts ---

    [Fact]
    public void Compute_PercentDiscount_TakesThatShareOfTheSubtotal()
    {
        // Act
        var totals = OrderPricing.Compute([Line(24.95m, 2)], NoTax, Percent(10m));

        // Assert: 49.90 − 4.99 = 44.91, below 50 so shipping is charged.
        Assert.Equal(new OrderTotals(Subtotal: 49.90m, Discount: 4.99m, Shipping: 5.95m, Tax: 0m, Total: 50.86m), totals);
    }

    [Fact]
    public void Compute_PercentDiscountAtHalfCent_RoundsAwayFromZero()
    {
        // Arrange: 10 % of 24.85 = 2.485, which banker's rounding would make 2.48.
        var lines = new[] { Line(24.85m, 1) };

        // Act
        var totals = OrderPricing.Compute(lines, NoTax, Percent(10m));

        // Assert
        Assert.Equal(2.49m, totals.Discount);
        Assert.Equal(28.31m, totals.Total);
    }

    [Fact]
    public void Compute_PercentDiscountAboveItsCap_TakesOnlyTheCap()
    {
        // Arrange: half of 99.80 would be 49.90.
        var lines = new[] { Line(24.95m, 4) };

        // Act
        var totals = OrderPricing.Compute(lines, NoTax, Percent(50m, cap: 10m));

        // Assert
        Assert.Equal(new OrderTotals(Subtotal: 99.80m, Discount: 10.00m, Shipping: 0m, Tax: 0m, Total: 89.80m), totals);
    }

    [Fact]
    public void Compute_PercentDiscountBelowItsCap_TakesThePercent()
    {
        // Act
        var totals = OrderPricing.Compute([Line(24.95m, 1)], NoTax, Percent(20m, cap: 10m));

        // Assert
        Assert.Equal(4.99m, totals.Discount);
    }

    [Fact]
    public void Compute_FixedDiscountLargerThanSubtotal_TakesOnlyTheSubtotalAndStillChargesShipping()
    {
        // Act
        var totals = OrderPricing.Compute([Line(9.95m, 1)], NoTax, Fixed(20m));

        // Assert
        Assert.Equal(new OrderTotals(Subtotal: 9.95m, Discount: 9.95m, Shipping: 5.95m, Tax: 0m, Total: 5.95m), totals);
    }

    [Fact]
    public void Compute_FixedDiscountIgnoresCap_CapIsForPercentCodes()
    {
        // Arrange
        var code = Fixed(15m);
        code.MaxDiscount = 5m;

        // Act
        var totals = OrderPricing.Compute([Line(24.95m, 3)], NoTax, code);

        // Assert
        Assert.Equal(15.00m, totals.Discount);
    }

    // --- rounding ---

    [Theory]
    [InlineData("2.345", "2.35")]   // banker's: 2.34
    [InlineData("0.125", "0.13")]   // banker's: 0.12
    [InlineData("10.005", "10.01")] // banker's: 10.00
    [InlineData("2.355", "2.36")]
    [InlineData("-2.345", "-2.35")]
    [InlineData("1.994", "1.99")]
    [InlineData("14.95", "14.95")]
    public void RoundMoney_Amount_RoundsToCentsHalvesAwayFromZero(string amount, string expected)
    {
        // Act
        var rounded = OrderPricing.RoundMoney(Money(amount));

        // Assert
        Assert.Equal(Money(expected), rounded);
    }
}
