using System.Globalization;
using Backstride.Activities.Xml;

namespace Backstride.Activities.Tests.Xml;

public sealed class IsoTimeTests
{
    [Theory]
    [InlineData("2014-10-05T13:07:53.000Z")]
    [InlineData("2018-06-26T09:06:55Z")]
    [InlineData("2013-01-01T12:00:04")]
    [InlineData("2020-02-17T17:15:02+02:00")]
    [InlineData("2020-02-17T17:15:02.1234567-05:30")]
    [InlineData("2020-02-29T23:59:59.5Z")]
    [InlineData("2020-12-31T23:30:00-01:00")]
    [InlineData("2014-10-05 13:07:53Z")]
    public void TryParseUtc_AnyXsdDateTime_AgreesWithDateTimeOffsetParse(string text)
    {
        // Arrange
        var expected = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal).UtcDateTime;

        // Act
        var parsed = IsoTime.TryParseUtc(text, out var utc);

        // Assert
        Assert.True(parsed);
        Assert.Equal(expected, utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void TryParseUtc_OffsetTime_IsBroughtToUtc()
    {
        // Act
        var parsed = IsoTime.TryParseUtc("2020-01-01T01:30:00+02:00", out var utc);

        // Assert
        Assert.True(parsed);
        Assert.Equal(new DateTime(2019, 12, 31, 23, 30, 0, DateTimeKind.Utc), utc);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2020-02-30T00:00:00Z")]
    [InlineData("2020-01-01T25:00:00Z")]
    public void TryParseUtc_NotATime_IsRejected(string text)
    {
        // Act
        var parsed = IsoTime.TryParseUtc(text, out _);

        // Assert
        Assert.False(parsed);
    }
}
