using System.Globalization;
using Backstride.Activities.Fit;

namespace Backstride.Activities.Tests.Fit;

/// <summary>Assertions shared by the FIT decoder's tests.</summary>
internal static class FitAssert
{
    /// <summary>FIT's epoch: 1989-12-31T00:00:00Z.</summary>
    public static readonly DateTime FitEpoch = new(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The UTC time of a raw FIT timestamp (also for device-relative ones).</summary>
    public static DateTime At(long fitSeconds) => FitEpoch.AddSeconds(fitSeconds);

    /// <summary>Degrees of a FIT semicircle value.</summary>
    public static double Degrees(long semicircles) => semicircles * 180.0 / 2147483648.0;

    /// <summary>Asserts that <paramref name="actual"/> is present and within <paramref name="tolerance"/>.</summary>
    public static void Near(double expected, double? actual, double tolerance = 0.01)
    {
        Assert.True(actual.HasValue, "Expected a value near " + expected.ToString(CultureInfo.InvariantCulture) + " but it is absent.");
        var value = actual.GetValueOrDefault();
        Assert.False(double.IsNaN(value), "Expected a value near " + expected.ToString(CultureInfo.InvariantCulture) + " but it is NaN.");
        Assert.InRange(value, expected - tolerance, expected + tolerance);
    }

    /// <summary>Asserts that a sample value is absent (NaN).</summary>
    public static void Absent(double value, string what) =>
        Assert.True(double.IsNaN(value), what + " should be absent (NaN) but is " + value.ToString(CultureInfo.InvariantCulture) + ".");

    /// <summary>
    /// Reads <paramref name="bytes"/> and asserts that it fails with <paramref name="problem"/>, with a message that
    /// names where: a byte offset that the message states.
    /// </summary>
    public static ActivityFileException Fails(ActivityFileProblem problem, byte[] bytes, bool requireOffset = true)
    {
        var error = Assert.Throws<ActivityFileException>(() => FitReader.Read(bytes));
        Assert.Equal(problem, error.Problem);
        Assert.False(string.IsNullOrWhiteSpace(error.Message), "The exception has no message.");
        if (requireOffset)
        {
            StatesItsOffset(error);
        }
        return error;
    }

    /// <summary>The exception carries a byte offset and its message says it (as "byte 771" or "offset 771").</summary>
    public static void StatesItsOffset(ActivityFileException error)
    {
        Assert.True(error.ByteOffset.HasValue, "The exception has no ByteOffset: " + error.Message);
        var offset = error.ByteOffset.GetValueOrDefault();
        var plain = offset.ToString(CultureInfo.InvariantCulture);
        var grouped = offset.ToString("N0", CultureInfo.InvariantCulture);
        Assert.True(
            error.Message.Contains(plain, StringComparison.Ordinal) || error.Message.Contains(grouped, StringComparison.Ordinal),
            "The message \"" + error.Message + "\" does not state the byte offset " + plain + ".");
        Assert.True(
            error.Message.Contains("offset", StringComparison.OrdinalIgnoreCase) ||
            error.Message.Contains("byte", StringComparison.OrdinalIgnoreCase),
            "The message \"" + error.Message + "\" does not say that " + plain + " is a byte offset.");
    }
}
