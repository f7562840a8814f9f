using System.Globalization;
using Backstride.Core.Shop;
using static Backstride.Core.Tests.Validation.ValidationAssert;

namespace Backstride.Core.Tests.Shop;

public sealed class CatalogRulesTests
{
    /// <summary>A published product with every text; a fresh instance each call.</summary>
    private static ProductDraft ValidProduct() => new(
        Slug: "copper-back-cream",
        Name: "WBC Copper Back Cream",
        Summary: "A copper cream for the lower back.",
        Description: "People use it for comfort after running.",
        Ingredients: "Water, glycerin, copper gluconate.",
        Directions: "Apply a thin layer up to 3 times a day.",
        SafetyText: "Not on broken skin. Keep away from eyes.",
        IsPublished: true);

    private static VariantDraft ValidVariant() => new(
        Sku: "WBC-CBC-50", Name: "50 ml tube", Price: 14.95m, LowStockThreshold: 5, IsActive: true, Position: 0);

    private static decimal Money(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static Product EmptyProduct() => new()
    {
        Slug = "old", Name = "Old", NormalizedName = "OLD", Summary = "", Description = "", Ingredients = "", Directions = "", SafetyText = "",
    };

    // --- products ---

    [Fact]
    public void Validate_CompletePublishedProduct_Passes()
    {
        // Act
        var errors = ProductRules.Validate(ValidProduct());

        // Assert
        AssertValid(errors);
    }

    [Fact]
    public void Validate_HiddenProductWithOnlySlugAndName_Passes()
    {
        // Arrange
        var draft = new ProductDraft("new-cream", "New cream", null, null, null, null, null, IsPublished: false);

        // Act
        var errors = ProductRules.Validate(draft);

        // Assert
        AssertValid(errors);
    }

    [Fact]
    public void Validate_PublishedWithoutSafetyText_RefusedOnSafetyText()
    {
        // Arrange
        var draft = ValidProduct() with { SafetyText = "  " };

        // Act
        var errors = ProductRules.Validate(draft);

        // Assert
        Assert.Equal("A published product needs the safety text. Fill it in, or keep the product hidden for now.",
            SingleErrorOn(errors, ProductRules.SafetyTextField));
    }

    [Fact]
    public void Validate_PublishedWithNoTexts_NamesEveryMissingText()
    {
        // Arrange
        var draft = new ProductDraft("new-cream", "New cream", null, null, null, null, null, IsPublished: true);

        // Act
        var errors = ProductRules.Validate(draft);

        // Assert
        string[] expected =
        [
            ProductRules.SummaryField, ProductRules.DescriptionField, ProductRules.IngredientsField,
            ProductRules.DirectionsField, ProductRules.SafetyTextField,
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal).ToArray(), errors.Fields.Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("copper-back-cream")]
    [InlineData("cream50")]
    [InlineData("a")]
    [InlineData("10-x-3-ml")]
    public void Validate_SlugOfLowerCaseWordsAndSingleHyphens_Passes(string slug)
    {
        // Act
        var errors = ProductRules.Validate(ValidProduct() with { Slug = slug });

        // Assert
        AssertValid(errors);
    }

    [Theory]
    [InlineData("Copper-Cream")]
    [InlineData("copper--cream")]
    [InlineData("-copper")]
    [InlineData("copper-")]
    [InlineData("copper cream")]
    [InlineData("copper_cream")]
    [InlineData("crème")]
    [InlineData("copper/cream")]
    public void Validate_SlugOutsidePattern_RefusedOnSlug(string slug)
    {
        // Act
        var errors = ProductRules.Validate(ValidProduct() with { Slug = slug });

        // Assert
        Assert.Equal("Use lower-case letters and digits, with single hyphens between words, e.g. copper-back-cream.",
            SingleErrorOn(errors, ProductRules.SlugField));
    }

    [Fact]
    public void Validate_SlugMissing_RefusedOnSlug()
    {
        // Act
        var errors = ProductRules.Validate(ValidProduct() with { Slug = null });

        // Assert
        Assert.Equal("Enter the product's web address, e.g. copper-back-cream.", SingleErrorOn(errors, ProductRules.SlugField));
    }

    [Fact]
    public void Validate_SlugOf80_PassesAnd81_Refused()
    {
        // Act
        var at = ProductRules.Validate(ValidProduct() with { Slug = new string('a', 80) });
        var over = ProductRules.Validate(ValidProduct() with { Slug = new string('a', 81) });

        // Assert
        AssertValid(at);
        Assert.Equal("Keep the web address to 80 characters.", SingleErrorOn(over, ProductRules.SlugField));
    }

    [Fact]
    public void Validate_NameOf120_PassesAnd121_Refused()
    {
        // Act
        var at = ProductRules.Validate(ValidProduct() with { Name = new string('n', 120) });
        var over = ProductRules.Validate(ValidProduct() with { Name = new string('n', 121) });

        // Assert
        AssertValid(at);
        Assert.Equal("Keep the name to 120 characters.", SingleErrorOn(over, ProductRules.NameField));
    }

    [Fact]
    public void Validate_NameMissing_RefusedOnName()
    {
        // Act
        var errors = ProductRules.Validate(ValidProduct() with { Name = "" });

        // Assert
        Assert.Equal("Enter the product's name.", SingleErrorOn(errors, ProductRules.NameField));
    }

    [Fact]
    public void Validate_TextOf4000_PassesAnd4001_Refused()
    {
        // Act
        var at = ProductRules.Validate(ValidProduct() with { Description = new string('d', 4_000) });
        var over = ProductRules.Validate(ValidProduct() with { Description = new string('d', 4_001) });

        // Assert
        AssertValid(at);
        Assert.Equal("Keep the description to 4,000 characters; this has 4,001.", SingleErrorOn(over, ProductRules.DescriptionField));
    }

    [Fact]
    public void Validate_HiddenProductWithTooLongIngredients_StillRefused()
    {
        // Act
        var errors = ProductRules.Validate(ValidProduct() with { IsPublished = false, Ingredients = new string('i', 4_001) });

        // Assert
        Assert.Equal("Keep the ingredients to 4,000 characters; this has 4,001.", SingleErrorOn(errors, ProductRules.IngredientsField));
    }

    [Fact]
    public void ApplyTo_ValidProduct_CopiesTrimmedTextsAndUpperCaseSearchName()
    {
        // Arrange
        var product = EmptyProduct();
        var draft = ValidProduct() with { Name = "  WBC Copper Back Cream ", Summary = " A copper cream for the lower back. " };

        // Act
        draft.ApplyTo(product);

        // Assert
        Assert.Equal("copper-back-cream", product.Slug);
        Assert.Equal("WBC Copper Back Cream", product.Name);
        Assert.Equal("WBC COPPER BACK CREAM", product.NormalizedName);
        Assert.Equal("A copper cream for the lower back.", product.Summary);
        Assert.Equal("Not on broken skin. Keep away from eyes.", product.SafetyText);
        Assert.True(product.IsPublished);
    }

    [Fact]
    public void ApplyTo_HiddenProductWithoutTexts_StoresEmptyTexts()
    {
        // Arrange
        var product = EmptyProduct();
        var draft = new ProductDraft("new-cream", "New cream", null, null, null, null, null, IsPublished: false);

        // Act
        draft.ApplyTo(product);

        // Assert
        Assert.Equal("", product.SafetyText);
        Assert.False(product.IsPublished);
    }

    // --- variants ---

    [Fact]
    public void Validate_CompleteVariant_Passes()
    {
        // Act
        var errors = VariantRules.Validate(ValidVariant());

        // Assert
        AssertValid(errors);
    }

    [Fact]
    public void Validate_SkuMissing_RefusedOnSku()
    {
        // Act
        var errors = VariantRules.Validate(ValidVariant() with { Sku = " " });

        // Assert
        Assert.Equal("Enter the SKU (the stock-keeping code on the box).", SingleErrorOn(errors, VariantRules.SkuField));
    }

    [Fact]
    public void Validate_SkuOf40_PassesAnd41_Refused()
    {
        // Act
        var at = VariantRules.Validate(ValidVariant() with { Sku = new string('S', 40) });
        var over = VariantRules.Validate(ValidVariant() with { Sku = new string('S', 41) });

        // Assert
        AssertValid(at);
        Assert.Equal("Keep the SKU to 40 characters.", SingleErrorOn(over, VariantRules.SkuField));
    }

    [Fact]
    public void Validate_VariantNameMissing_RefusedOnName()
    {
        // Act
        var errors = VariantRules.Validate(ValidVariant() with { Name = null });

        // Assert
        Assert.Equal("Enter what tells this size apart, e.g. 50 ml tube.", SingleErrorOn(errors, VariantRules.NameField));
    }

    [Fact]
    public void Validate_VariantNameOf80_PassesAnd81_Refused()
    {
        // Act
        var at = VariantRules.Validate(ValidVariant() with { Name = new string('v', 80) });
        var over = VariantRules.Validate(ValidVariant() with { Name = new string('v', 81) });

        // Assert
        AssertValid(at);
        Assert.Equal("Keep the size name to 80 characters.", SingleErrorOn(over, VariantRules.NameField));
    }

    [Fact]
    public void Validate_PriceMissing_RefusedOnPrice()
    {
        // Act
        var errors = VariantRules.Validate(ValidVariant() with { Price = null });

        // Assert
        Assert.Equal("Enter the price.", SingleErrorOn(errors, VariantRules.PriceField));
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("14.95")]
    [InlineData("10000")]
    public void Validate_PriceInRange_Passes(string price)
    {
        // Act
        var errors = VariantRules.Validate(ValidVariant() with { Price = Money(price) });

        // Assert
        AssertValid(errors);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-14.95")]
    [InlineData("10000.01")]
    [InlineData("14.955")]
    public void Validate_PriceOutOfRangeOrFractionOfACent_RefusedOnPrice(string price)
    {
        // Act
        var errors = VariantRules.Validate(ValidVariant() with { Price = Money(price) });

        // Assert
        Assert.Equal("Enter a price from 0.01 to 10,000, with at most two decimals.", SingleErrorOn(errors, VariantRules.PriceField));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_000)]
    public void Validate_LowStockThresholdInRange_Passes(int threshold)
    {
        // Act
        var errors = VariantRules.Validate(ValidVariant() with { LowStockThreshold = threshold });

        // Assert
        AssertValid(errors);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void Validate_LowStockThresholdOutOfRange_RefusedOnThreshold(int threshold)
    {
        // Act
        var errors = VariantRules.Validate(ValidVariant() with { LowStockThreshold = threshold });

        // Assert
        Assert.Equal("Enter a low-stock level from 0 to 10,000.", SingleErrorOn(errors, VariantRules.LowStockThresholdField));
    }

    [Fact]
    public void ApplyTo_ValidVariant_CopiesItAndLeavesStockAlone()
    {
        // Arrange
        var variant = new ProductVariant { Sku = "OLD", Name = "Old", Price = 1m, Stock = 17 };
        var draft = new VariantDraft(" WBC-CBC-100 ", " 100 ml tube ", 24.95m, 3, IsActive: false, Position: 2);

        // Act
        draft.ApplyTo(variant);

        // Assert
        Assert.Equal("WBC-CBC-100", variant.Sku);
        Assert.Equal("100 ml tube", variant.Name);
        Assert.Equal(24.95m, variant.Price);
        Assert.Equal(3, variant.LowStockThreshold);
        Assert.False(variant.IsActive);
        Assert.Equal(2, variant.Position);
        Assert.Equal(17, variant.Stock);
    }

    [Fact]
    public void ApplyTo_NoLowStockThreshold_UsesFive()
    {
        // Arrange
        var variant = new ProductVariant { Sku = "OLD", Name = "Old", LowStockThreshold = 12 };

        // Act
        (ValidVariant() with { LowStockThreshold = null }).ApplyTo(variant);

        // Assert
        Assert.Equal(5, variant.LowStockThreshold);
    }

    [Theory]
    [InlineData("cart")]
    [InlineData("checkout")]
    [InlineData("order-status")]
    [InlineData("my-orders")]
    public void Validate_SlugOfAShopPage_IsRefusedBecauseTheProductCouldNeverBeReached(string slug)
    {
        var errors = ProductRules.Validate(ValidProduct() with { Slug = slug });

        Assert.Contains(ProductRules.SlugField, errors.Fields);
    }
}
