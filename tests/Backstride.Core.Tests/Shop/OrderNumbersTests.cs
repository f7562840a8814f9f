using System.Text.RegularExpressions;
using Backstride.Core.Shop;

namespace Backstride.Core.Tests.Shop;

public sealed partial class OrderNumbersTests
{
    [Fact]
    public void New_Always_IsWbcDashAndEightUnambiguousCharacters()
    {
        for (var i = 0; i < 1_000; i++)
        {
            // Act
            var number = OrderNumbers.New();

            // Assert
            Assert.Matches(NumberPattern(), number);
        }
    }

    [Fact]
    public void Alphabet_Always_LeavesOutCharactersThatLookAlike()
    {
        // Act
        var alphabet = OrderNumbers.Alphabet;

        // Assert
        Assert.Equal(32, alphabet.Distinct().Count());
        Assert.DoesNotContain('0', alphabet);
        Assert.DoesNotContain('O', alphabet);
        Assert.DoesNotContain('1', alphabet);
        Assert.DoesNotContain('I', alphabet);
        Assert.All(alphabet, c => Assert.True(char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)));
    }

    [Fact]
    public void New_TenThousandTimes_GivesTenThousandDifferentNumbers()
    {
        // Act
        var numbers = Enumerable.Range(0, 10_000).Select(_ => OrderNumbers.New()).ToList();

        // Assert: 32^8 ≈ 1.1 × 10^12 numbers make a repeat among 10,000 about a 1-in-20,000 event.
        Assert.Equal(10_000, numbers.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void New_TenThousandTimes_UsesEveryCharacterOfTheAlphabet()
    {
        // Act
        var used = Enumerable.Range(0, 10_000).SelectMany(_ => OrderNumbers.New()[OrderNumbers.Prefix.Length..]).ToHashSet();

        // Assert
        Assert.Equal(OrderNumbers.Alphabet.Order().ToArray(), used.Order().ToArray());
    }

    [GeneratedRegex("^WBC-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$")]
    private static partial Regex NumberPattern();
}
