using System.Globalization;
using Backstride.Core.Shop;
using CsCheck;

namespace Backstride.Core.Tests.Shop;

/// <summary>
/// Properties of the one place totals are computed, over random carts and codes. A sample is 0–8 lines
/// (price 0.01–10,000.00, quantity 1–10), no code or a percent code (1.00–100.00 %, about half capped at 0.01–10,000.00)
/// or a fixed code (0.01–10,000.00), and shop rules with shipping 0–20.00, a threshold 0–200.00 and tax 0–25.00 %.
/// </summary>
public sealed class OrderPricingPropertyTests
{
    private const long Iterations = 10_000;

    private static readonly Gen<decimal> CentsGen = Gen.Int[1, 1_000_000].Select(cents => cents / 100m);

    private static readonly Gen<PricedLine> LineGen = Gen.Select(CentsGen, Gen.Int[1, 10],
        (price, quantity) => new PricedLine(Guid.NewGuid(), price, quantity));

    private static readonly Gen<DiscountCode?> DiscountGen =
        Gen.Select(Gen.Int[0, 2], Gen.Int[100, 10_000], Gen.Bool, CentsGen, NewDiscount);

    private static readonly Gen<ShopRules> RulesGen = Gen.Select(Gen.Int[0, 2_000], Gen.Int[0, 20_000], Gen.Int[0, 2_500],
        (shippingCents, thresholdCents, taxHundredths) => ShopRules.Default with
        {
            FlatShipping = shippingCents / 100m,
            FreeShippingFrom = thresholdCents / 100m,
            TaxRatePercent = taxHundredths / 100m,
        });

    private static readonly Gen<PricingCase> CaseGen = Gen.Select(LineGen.Array[0, 8], RulesGen, DiscountGen,
        (lines, rules, discount) => new PricingCase(lines, rules, discount));

    [Fact]
    public void Compute_AnyCartAndCode_TotalIsSubtotalLessDiscountPlusShippingAndTax()
    {
        CaseGen.Sample(sample =>
        {
            // Act
            var totals = OrderPricing.Compute(sample.Lines, sample.Rules, sample.Discount);

            // Assert
            Assert.Equal(totals.Subtotal - totals.Discount + totals.Shipping + totals.Tax, totals.Total);
        }, iter: Iterations, print: Describe);
    }

    [Fact]
    public void Compute_AnyCartAndCode_EveryAmountIsWholeCents()
    {
        CaseGen.Sample(sample =>
        {
            // Act
            var totals = OrderPricing.Compute(sample.Lines, sample.Rules, sample.Discount);

            // Assert
            foreach (var amount in new[] { totals.Subtotal, totals.Discount, totals.Shipping, totals.Tax, totals.Total })
            {
                Assert.Equal(Math.Round(amount, 2), amount);
            }
        }, iter: Iterations, print: Describe);
    }

    [Fact]
    public void Compute_AnyCartAndCode_DiscountIsBetweenZeroAndSubtotalAndTotalNeverNegative()
    {
        CaseGen.Sample(sample =>
        {
            // Act
            var totals = OrderPricing.Compute(sample.Lines, sample.Rules, sample.Discount);

            // Assert
            Assert.InRange(totals.Discount, 0m, totals.Subtotal);
            Assert.True(totals.Total >= 0m, Describe(sample));
            Assert.True(totals.Tax >= 0m, Describe(sample));
        }, iter: Iterations, print: Describe);
    }

    [Fact]
    public void Compute_AnyCartAndCode_SubtotalIsSumOfLinesAndShippingFollowsThreshold()
    {
        CaseGen.Sample(sample =>
        {
            // Act
            var totals = OrderPricing.Compute(sample.Lines, sample.Rules, sample.Discount);

            // Assert: prices are whole cents, so the sum needs no rounding.
            Assert.Equal(sample.Lines.Sum(line => line.UnitPrice * line.Quantity), totals.Subtotal);
            var shipsFree = sample.Lines.Length == 0 || totals.Subtotal - totals.Discount >= sample.Rules.FreeShippingFrom;
            Assert.Equal(shipsFree ? 0m : sample.Rules.FlatShipping, totals.Shipping);
        }, iter: Iterations, print: Describe);
    }

    [Fact]
    public void Compute_AnyCartAndCode_DiscountNeverExceedsItsCapOrFixedValue()
    {
        CaseGen.Sample(sample =>
        {
            // Act
            var totals = OrderPricing.Compute(sample.Lines, sample.Rules, sample.Discount);

            // Assert
            switch (sample.Discount)
            {
                case null:
                    Assert.Equal(0m, totals.Discount);
                    break;
                case { Kind: DiscountKind.Percent, MaxDiscount: { } cap }:
                    Assert.True(totals.Discount <= cap, Describe(sample));
                    break;
                case { Kind: DiscountKind.FixedAmount } code:
                    Assert.Equal(Math.Min(code.Value, totals.Subtotal), totals.Discount);
                    break;
            }
        }, iter: Iterations, print: Describe);
    }

    /// <summary>Kind 0 is no code, 1 a percent code (capped at the amount when asked), 2 a fixed amount.</summary>
    private static DiscountCode? NewDiscount(int kind, int hundredthsOfPercent, bool capped, decimal amount) => kind switch
    {
        0 => null,
        1 => new DiscountCode
        {
            Code = "PERCENT",
            Kind = DiscountKind.Percent,
            Value = hundredthsOfPercent / 100m,
            MaxDiscount = capped ? amount : null,
        },
        _ => new DiscountCode { Code = "FIXED", Kind = DiscountKind.FixedAmount, Value = amount },
    };

    private static string Describe(PricingCase sample)
    {
        var lines = string.Join(" + ", sample.Lines.Select(line =>
            string.Create(CultureInfo.InvariantCulture, $"{line.Quantity} × {line.UnitPrice}")));
        var code = sample.Discount switch
        {
            null => "no code",
            { Kind: DiscountKind.Percent } percent => string.Create(CultureInfo.InvariantCulture,
                $"{percent.Value} % capped at {percent.MaxDiscount?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}"),
            { } fixedAmount => string.Create(CultureInfo.InvariantCulture, $"{fixedAmount.Value} off"),
        };
        var rules = sample.Rules;
        return string.Create(CultureInfo.InvariantCulture,
            $"lines [{lines}], {code}; shipping {rules.FlatShipping} free from {rules.FreeShippingFrom}, tax {rules.TaxRatePercent} %");
    }

    private sealed record PricingCase(PricedLine[] Lines, ShopRules Rules, DiscountCode? Discount);
}
