using System.IO.Compression;

namespace Backstride.Activities.Tests.Metrics;

public sealed class SampleCodecTests
{
    private static readonly DateTime StartTime = new(2026, 5, 2, 6, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Twelve hours at one sample a second, shaped like a watch with a chest strap records it: a smooth GPS track in
    /// FIT semicircles, distance from the track, barometric altitude in 0.2 m steps, heart rate drifting up,
    /// running dynamics that update about every other second. A five-minute pause at 3 h, a strap dropout at 6 h.
    /// </summary>
    private static ActivitySample[] TwelveHourRun(int seed = 20260502)
    {
        const int count = 12 * 3600;
        const double semicircle = 180.0 / 2147483648.0;
        var random = new Random(seed);
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

        var samples = new ActivitySample[count];
        var time = StartTime;
        double latitude = 44.9743, longitude = -93.2631, heading = 0.4, speed = 2.9, distance = 0, altitude = 250, heartRate = 120;
        double cadence = 170, oscillation = 84, contact = 255, ratio = 7.6, step = 1020, power = 255;
        for (var i = 0; i < count; i++)
        {
            time = time.AddSeconds(i == 3 * 3600 ? 301 : 1);
            speed += 0.05 * (2.9 + 0.3 * Math.Sin(i / 900.0) - speed) + 0.04 * Gaussian();
            heading += 0.015 * Gaussian();
            latitude += speed * Math.Cos(heading) / 111_195.0;
            longitude += speed * Math.Sin(heading) / (111_195.0 * Math.Cos(latitude * Math.PI / 180));
            distance += speed * (1 + 0.02 * Gaussian());
            altitude += 0.02 * (250 + 30 * Math.Sin(i / 2400.0) - altitude) + 0.1 * Gaussian();
            heartRate += 0.02 * (150 + 10 * Math.Sin(i / 1800.0) + i / 4000.0 - heartRate) + 0.5 * Gaussian();
            if (random.NextDouble() < 0.5)
            {
                cadence += 0.3 * (170 - cadence) + 2 * Gaussian();
                oscillation += 0.3 * (84 - oscillation) + 1.5 * Gaussian();
                contact += 0.3 * (255 - contact) + 5 * Gaussian();
                ratio += 0.3 * (7.6 - ratio) + 0.2 * Gaussian();
                step += 0.3 * (1020 - step) + 20 * Gaussian();
                power += 0.3 * (255 - power) + 10 * Gaussian();
            }

            samples[i] = new ActivitySample
            {
                Time = time,
                Latitude = Math.Round(latitude / semicircle) * semicircle,
                Longitude = Math.Round(longitude / semicircle) * semicircle,
                DistanceMetres = Math.Round(distance * 100) / 100,
                AltitudeMetres = (float)(Math.Round(altitude * 5) / 5),
                SpeedMetresPerSecond = (float)(Math.Round(speed * 1000) / 1000),
                HeartRate = i is >= 6 * 3600 and < 6 * 3600 + 600 ? float.NaN : (float)Math.Round(heartRate),
                CadenceStepsPerMinute = (float)(2 * Math.Round(cadence / 2)),
                VerticalOscillationMm = (float)(Math.Round(oscillation * 10) / 10),
                GroundContactTimeMs = (float)(Math.Round(contact * 10) / 10),
                VerticalRatioPercent = (float)(Math.Round(ratio * 100) / 100),
                StepLengthMm = (float)Math.Round(step),
                PowerWatts = (float)Math.Round(power),
            };
        }
        return samples;
    }

    private static double Rounded(double value, double unitsPerValue) => Math.Round(value * unitsPerValue) / unitsPerValue;

    private static float Rounded(float value, double unitsPerValue) => (float)(Math.Round(value * unitsPerValue) / unitsPerValue);

    private static void AssertDecodedAsRounded(ActivitySample[] original, ActivitySample[] decoded)
    {
        Assert.Equal(original.Length, decoded.Length);
        for (var i = 0; i < original.Length; i++)
        {
            var o = original[i];
            var d = decoded[i];
            Assert.Equal(new DateTime((o.Time.Ticks + 5_000) / 10_000 * 10_000), d.Time);
            AssertSameOrBothAbsent(Rounded(o.Latitude, 1e7), d.Latitude);
            AssertSameOrBothAbsent(Rounded(o.Longitude, 1e7), d.Longitude);
            AssertSameOrBothAbsent(Rounded(o.DistanceMetres, 100), d.DistanceMetres);
            AssertSameOrBothAbsent(Rounded(o.AltitudeMetres, 10), d.AltitudeMetres);
            AssertSameOrBothAbsent(Rounded(o.SpeedMetresPerSecond, 1000), d.SpeedMetresPerSecond);
            AssertSameOrBothAbsent(Rounded(o.HeartRate, 1), d.HeartRate);
            AssertSameOrBothAbsent(Rounded(o.CadenceStepsPerMinute, 10), d.CadenceStepsPerMinute);
            AssertSameOrBothAbsent(Rounded(o.VerticalOscillationMm, 10), d.VerticalOscillationMm);
            AssertSameOrBothAbsent(Rounded(o.GroundContactTimeMs, 10), d.GroundContactTimeMs);
            AssertSameOrBothAbsent(Rounded(o.VerticalRatioPercent, 100), d.VerticalRatioPercent);
            AssertSameOrBothAbsent(Rounded(o.StepLengthMm, 1), d.StepLengthMm);
            AssertSameOrBothAbsent(Rounded(o.PowerWatts, 1), d.PowerWatts);
        }
    }

    // Floats widen to doubles exactly, so one comparison serves both; NaN (absent) must decode as NaN.
    private static void AssertSameOrBothAbsent(double expected, double actual)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), "An absent value decoded as a number.");
        }
        else
        {
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void EncodeDecode_TwelveHourRun_ValuesAreTheOriginalsAtEachChannelsResolution()
    {
        // Arrange
        var samples = TwelveHourRun();

        // Act
        var decoded = SampleCodec.Decode(SampleCodec.Encode(samples));

        // Assert
        AssertDecodedAsRounded(samples, decoded);
        Assert.True(float.IsNaN(decoded[6 * 3600 + 10].HeartRate));
        Assert.Equal(TimeSpan.FromSeconds(301), decoded[3 * 3600].Time - decoded[3 * 3600 - 1].Time);
    }

    [Fact]
    public void Encode_TwelveHourRunAtOneSecond_TakesLessThanEightBytesPerSample()
    {
        // Arrange
        var samples = TwelveHourRun();

        // Act
        var blob = SampleCodec.Encode(samples);

        // Assert
        var bytesPerSample = (double)blob.Length / samples.Length;
        Assert.True(bytesPerSample < 8, $"{bytesPerSample:0.00} bytes per sample");
    }

    [Fact]
    public void EncodeDecode_UnroundedValues_RoundedToEachChannelsResolution()
    {
        // Arrange: values finer than any channel keeps, and a time between milliseconds.
        var sample = new ActivitySample
        {
            Time = StartTime.AddTicks(12_345_678),
            Latitude = 44.123456789,
            Longitude = -93.987654321,
            DistanceMetres = 1234.5678,
            AltitudeMetres = 256.789f,
            SpeedMetresPerSecond = 3.14159f,
            HeartRate = 151.6f,
            CadenceStepsPerMinute = 171.56f,
            VerticalOscillationMm = 83.46f,
            GroundContactTimeMs = 251.37f,
            VerticalRatioPercent = 7.456f,
            StepLengthMm = 1023.6f,
            PowerWatts = 248.7f,
        };

        // Act
        var decoded = Assert.Single(SampleCodec.Decode(SampleCodec.Encode([sample])));

        // Assert
        Assert.Equal(StartTime.AddTicks(12_350_000), decoded.Time);
        Assert.Equal(DateTimeKind.Utc, decoded.Time.Kind);
        Assert.Equal(44.1234568, decoded.Latitude);
        Assert.Equal(-93.9876543, decoded.Longitude);
        Assert.Equal(1234.57, decoded.DistanceMetres);
        Assert.Equal(256.8f, decoded.AltitudeMetres);
        Assert.Equal(3.142f, decoded.SpeedMetresPerSecond);
        Assert.Equal(152f, decoded.HeartRate);
        Assert.Equal(171.6f, decoded.CadenceStepsPerMinute);
        Assert.Equal(83.5f, decoded.VerticalOscillationMm);
        Assert.Equal(251.4f, decoded.GroundContactTimeMs);
        Assert.Equal(7.46f, decoded.VerticalRatioPercent);
        Assert.Equal(1024f, decoded.StepLengthMm);
        Assert.Equal(249f, decoded.PowerWatts);
    }

    [Fact]
    public void EncodeDecode_AbsentValues_StayAbsentExactly()
    {
        // Arrange: heart rate missing at the start, the middle and the end; power never recorded; position half the time.
        var samples = Enumerable.Range(0, 200).Select(i => ActivitySample.Empty(StartTime.AddSeconds(i)) with
        {
            Latitude = i % 2 == 0 ? 45 + i * 1e-5 : double.NaN,
            Longitude = i % 2 == 0 ? 7 + i * 1e-5 : double.NaN,
            DistanceMetres = 3.0 * i,
            HeartRate = i < 5 || i is >= 90 and < 110 || i >= 195 ? float.NaN : 140f + i % 7,
        }).ToArray();

        // Act
        var decoded = SampleCodec.Decode(SampleCodec.Encode(samples));

        // Assert
        AssertDecodedAsRounded(samples, decoded);
        for (var i = 0; i < samples.Length; i++)
        {
            Assert.Equal(float.IsNaN(samples[i].HeartRate), float.IsNaN(decoded[i].HeartRate));
            Assert.Equal(double.IsNaN(samples[i].Latitude), double.IsNaN(decoded[i].Latitude));
            Assert.True(float.IsNaN(decoded[i].PowerWatts));
            Assert.True(float.IsNaN(decoded[i].StepLengthMm));
        }
    }

    [Fact]
    public void EncodeDecode_InfiniteValue_StoredAsAbsent()
    {
        // Arrange
        var sample = ActivitySample.Empty(StartTime) with { SpeedMetresPerSecond = float.PositiveInfinity, HeartRate = 150f };

        // Act
        var decoded = Assert.Single(SampleCodec.Decode(SampleCodec.Encode([sample])));

        // Assert
        Assert.True(float.IsNaN(decoded.SpeedMetresPerSecond));
        Assert.Equal(150f, decoded.HeartRate);
    }

    [Fact]
    public void EncodeDecode_NoSamples_NoSamples()
    {
        // Act
        var decoded = SampleCodec.Decode(SampleCodec.Encode([]));

        // Assert
        Assert.Empty(decoded);
    }

    [Fact]
    public void EncodeDecode_GarminStaminaFile_RoundTripsWithinResolutionInUnderEightBytesASample()
    {
        // Arrange: a Forerunner 965 run, one record a second with native running dynamics and power.
        var samples = SampleFiles.Read(SampleFiles.GarminStamina).Samples;

        // Act
        var blob = SampleCodec.Encode(samples);
        var decoded = SampleCodec.Decode(blob);

        // Assert
        AssertDecodedAsRounded(samples, decoded);
        var bytesPerSample = (double)blob.Length / samples.Length;
        Assert.True(bytesPerSample < 8, $"{bytesPerSample:0.00} bytes per sample");
    }

    [Fact]
    public void Decode_Empty_ThrowsInvalidData()
    {
        // Act
        var error = Assert.Throws<InvalidDataException>(() => SampleCodec.Decode([]));

        // Assert
        Assert.Equal("The sample data is empty.", error.Message);
    }

    [Fact]
    public void Decode_UnknownVersion_ThrowsInvalidData()
    {
        // Arrange
        var blob = SampleCodec.Encode(TwelveHourRun().AsSpan(0, 10));
        blob[0] = 2;

        // Act
        var error = Assert.Throws<InvalidDataException>(() => SampleCodec.Decode(blob));

        // Assert
        Assert.Contains("version 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Truncated_ThrowsInvalidData()
    {
        // Arrange
        var blob = SampleCodec.Encode(TwelveHourRun().AsSpan(0, 600));

        // Act
        var error = Assert.Throws<InvalidDataException>(() => SampleCodec.Decode(blob.AsSpan(0, blob.Length / 2)));

        // Assert
        Assert.Contains("ends before", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_NotBrotli_ThrowsInvalidData()
    {
        // Arrange: the version byte, then bytes that are no Brotli stream.
        byte[] blob = [SampleCodec.Version, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];

        // Act
        var error = Assert.Throws<InvalidDataException>(() => SampleCodec.Decode(blob));

        // Assert
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Decode_CountLargerThanItsData_ThrowsInvalidData()
    {
        // Arrange: a well-compressed payload that claims 100,000 samples (varint A0 8D 06) and holds three bytes.
        var blob = Blob([0xA0, 0x8D, 0x06, 0x00, 0x00, 0x00]);

        // Act
        var error = Assert.Throws<InvalidDataException>(() => SampleCodec.Decode(blob));

        // Assert
        Assert.Contains("100000 samples", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_PresenceMapLongerThanTheCount_ThrowsInvalidData()
    {
        // Arrange: one sample at time 0, then a latitude presence run of 5.
        var blob = Blob([0x01, 0x00, 0x05]);

        // Act
        var error = Assert.Throws<InvalidDataException>(() => SampleCodec.Decode(blob));

        // Assert
        Assert.Contains("presence map", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_BytesAfterTheLastChannel_ThrowsInvalidData()
    {
        // Arrange: no samples (count 0, twelve empty presence maps, the distance prediction byte), then a stray byte.
        var blob = Blob([0x00, 0, 0, 0, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x7F]);

        // Act
        var error = Assert.Throws<InvalidDataException>(() => SampleCodec.Decode(blob));

        // Assert
        Assert.Contains("after its last channel", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A blob around a hand-made payload, to reach the checks behind the decompression.</summary>
    private static byte[] Blob(byte[] payload)
    {
        var compressed = new byte[BrotliEncoder.GetMaxCompressedLength(payload.Length)];
        Assert.True(BrotliEncoder.TryCompress(payload, compressed, out var written));
        return [SampleCodec.Version, .. compressed.AsSpan(0, written)];
    }
}
