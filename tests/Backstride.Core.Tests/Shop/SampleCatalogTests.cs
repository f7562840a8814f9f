using System.Globalization;
using System.Text.RegularExpressions;
using Backstride.Core.Plans;
using Backstride.Core.Shop;
using static Backstride.Core.Tests.Validation.ValidationAssert;

namespace Backstride.Core.Tests.Shop;

public sealed partial class SampleCatalogTests
{
    private static IReadOnlyList<SampleProduct> Products => SampleCatalog.Products;

    private static bool Warms(SampleProduct product) =>
        RemedyLimits.WarmingIngredients.Any(w => product.Ingredients.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> TextsOf(SampleProduct product) =>
        [product.Name, product.Summary, product.Description, product.Ingredients, product.Directions, product.SafetyText];

    [Fact]
    public void Products_Always_AreTheThreeWbcSamples()
    {
        // Act
        var names = Products.Select(p => p.Name).ToArray();

        // Assert
        string[] expected = ["WBC Copper Back Cream (sample)", "WBC Copper Back Cream — Warming (sample)", "WBC Travel Sachets (sample)"];
        Assert.Equal(expected, names);
    }

    [Theory]
    [InlineData("wbc-copper-back-cream", "50 ml tube", "14.95", 40)]
    [InlineData("wbc-copper-back-cream", "100 ml tube", "24.95", 25)]
    [InlineData("wbc-copper-back-cream-warming", "50 ml tube", "16.95", 20)]
    [InlineData("wbc-travel-sachets", "10 × 3 ml sachets", "9.95", 60)]
    public void Products_Variant_HasItsPriceAndStock(string slug, string variantName, string price, int stock)
    {
        // Act
        var variant = Products.Single(p => p.Slug == slug).Variants.Single(v => v.Name == variantName);

        // Assert
        Assert.Equal(decimal.Parse(price, CultureInfo.InvariantCulture), variant.Price);
        Assert.Equal(stock, variant.Stock);
    }

    [Fact]
    public void Products_Every_HasAtLeastOneVariantWithAPriceAndStock()
    {
        Assert.All(Products, product =>
        {
            Assert.NotEmpty(product.Variants);
            Assert.All(product.Variants, variant =>
            {
                Assert.True(variant.Price > 0m, variant.Sku);
                Assert.True(variant.Stock >= 0, variant.Sku);
            });
        });
    }

    [Fact]
    public void Products_Every_PassesTheRulesTheOwnersEditsMust()
    {
        Assert.All(Products, product =>
        {
            // Arrange
            var draft = new ProductDraft(product.Slug, product.Name, product.Summary, product.Description,
                product.Ingredients, product.Directions, product.SafetyText, IsPublished: true);

            // Act and assert
            AssertValid(ProductRules.Validate(draft));
            Assert.All(product.Variants, variant =>
                AssertValid(VariantRules.Validate(new VariantDraft(variant.Sku, variant.Name, variant.Price, null, true, 0))));
        });
    }

    [Fact]
    public void Products_SlugsAndSkus_AreUnique()
    {
        // Act
        var slugs = Products.Select(p => p.Slug).ToList();
        var skus = Products.SelectMany(p => p.Variants).Select(v => v.Sku).ToList();

        // Assert
        Assert.Equal(slugs.Count, slugs.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(skus.Count, skus.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Products_Every_SaysItIsSampleDataInNameAndIngredients()
    {
        Assert.All(Products, product =>
        {
            Assert.Contains("(sample)", product.Name, StringComparison.Ordinal);
            Assert.Contains("Sample product", product.Summary, StringComparison.Ordinal);
            Assert.Contains("sample", product.Ingredients, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("replace", product.Description, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void Products_Every_StatesTheEvidenceHonestlyAndPointsToLearn()
    {
        Assert.All(Products, product =>
        {
            Assert.Contains("evidence that copper creams relieve back pain is limited", product.Description, StringComparison.Ordinal);
            Assert.Contains("Learn: WBC cream", product.Description, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Products_NoText_ClaimsToTreatCureOrHeal()
    {
        Assert.All(Products, product =>
            Assert.All(TextsOf(product), text => Assert.DoesNotMatch(ClaimWords(), text)));
    }

    [Fact]
    public void Products_Every_GivesTheDirections()
    {
        Assert.All(Products, product =>
        {
            Assert.Contains("thin layer", product.Directions, StringComparison.Ordinal);
            Assert.Contains("lower back", product.Directions, StringComparison.Ordinal);
            Assert.Contains("up to 3 times a day", product.Directions, StringComparison.Ordinal);
            Assert.Contains("Wash your hands", product.Directions, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Products_Every_CarriesTheSafetyText()
    {
        Assert.All(Products, product =>
        {
            Assert.Contains("broken", product.SafetyText, StringComparison.Ordinal);
            Assert.Contains("Patch test", product.SafetyText, StringComparison.Ordinal);
            Assert.Contains("Not for children", product.SafetyText, StringComparison.Ordinal);
            Assert.Contains("eyes", product.SafetyText, StringComparison.Ordinal);
            Assert.Contains("Stop using it", product.SafetyText, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Products_WarmingCream_IsTheOnlyOneThatWarmsAndItForbidsHeat()
    {
        // Act: the plan's heat rule finds a warming cream by its ingredients, as it will find the owner's real product.
        var cream = Assert.Single(Products, Warms);

        // Assert
        Assert.Equal("wbc-copper-back-cream-warming", cream.Slug);
        Assert.Contains("Never use it under a heating pad", cream.SafetyText, StringComparison.Ordinal);
        Assert.Contains("any other heat", cream.SafetyText, StringComparison.Ordinal);
    }

    // Whole words only: "relieve" in the honest evidence sentence is allowed, a promise to treat or cure is not.
    [GeneratedRegex(@"\b(cure[sd]?|curing|treat(s|ed|ing)?|heal(s|ed|ing)?|remedy for)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClaimWords();
}
