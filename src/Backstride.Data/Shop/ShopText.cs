using System.Globalization;

namespace Backstride.Data.Shop;

/// <summary>How the stores name things in the sentences they hand back: the same wording on every page and e-mail.</summary>
internal static class ShopText
{
    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"WBC Copper Cream, 50 ml tube".</summary>
    public static string LineName(string productName, string variantName) => $"{productName}, {variantName}";
}
