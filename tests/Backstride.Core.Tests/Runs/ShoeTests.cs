using System.Globalization;
using Backstride.Core.Runs;

namespace Backstride.Core.Tests.Runs;

public sealed class ShoeTests
{
    [Theory]
    [InlineData("Pegasus 40", "PEGASUS 40")]
    [InlineData("  pegasus 40  ", "PEGASUS 40")]
    [InlineData("Kinvara 14", "KINVARA 14")]
    public void Normalize_Name_TrimmedAndUpperCased(string name, string expected)
    {
        // Act
        var normalized = Shoe.Normalize(name);

        // Assert
        Assert.Equal(expected, normalized);
    }

    [Fact]
    public void Normalize_DifferentCase_SamePair()
    {
        // Act
        var first = Shoe.Normalize("Pegasus 40");
        var second = Shoe.Normalize("pegasus 40 ");

        // Assert
        Assert.Equal(first, second);
    }

    [Fact]
    public void Normalize_TurkishCurrentCulture_StillInvariant()
    {
        // Arrange: under tr-TR, a culture-sensitive upper-casing turns "i" into "İ".
        var original = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
        try
        {
            // Act
            var normalized = Shoe.Normalize("kinvara");

            // Assert
            Assert.Equal("KINVARA", normalized);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }
}
