using System.Security.Cryptography;

namespace Backstride.Core.Shop;

/// <summary>
/// Order numbers customers read off an e-mail and type in: no 0/O or 1/I to confuse, and random rather than
/// counting up, so nobody learns how many orders the shop takes or finds another customer's order by guessing.
/// </summary>
public static class OrderNumbers
{
    public const string Prefix = "WBC-";

    // 8 digits and 24 letters: 32 symbols, 5 bits each; 8 of them give about 10^12 numbers.
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public const int RandomLength = 8;

    public static string New() => Prefix + RandomNumberGenerator.GetString(Alphabet, RandomLength);
}
