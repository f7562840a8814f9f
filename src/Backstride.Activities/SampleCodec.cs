using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;

namespace Backstride.Activities;

/// <summary>
/// Stores a run's samples as one compact blob instead of a row per sample. Each channel is a column of integers at
/// the channel's resolution; each value is written as the zig-zag varint of its difference from a prediction, absent
/// values (NaN) as runs of a presence map; the whole is Brotli-compressed. A 1 s run with full running dynamics
/// takes 6–8 bytes per sample, about a tenth of its FIT file.
/// </summary>
/// <remarks>
/// Layout: byte 0 is <see cref="Version"/>; the rest is one Brotli stream of: the sample count; the time column
/// (milliseconds); then for each other channel, in the order of the Channel enum, its presence runs (alternating
/// present/absent lengths, present first) and its residuals. The distance column starts with a prediction byte
/// (and, when it follows the GPS track, the cosine of the first latitude scaled by 65,536).
/// Decoded values are the originals rounded to the channel's resolution.
/// </remarks>
public static class SampleCodec
{
    public const byte Version = 1;

    /// <summary>Most samples one blob holds: 24 days at one per second, far beyond any run (120 h at most).</summary>
    public const int MaxSamples = 1 << 21;

    private const int VersionOffset = 0;
    private const int HeaderLength = VersionOffset + 1;

    // Quality 5 of 11 packs these columns as tightly as 6–9 do; 10–11 save another tenth at many times the cost.
    private const int BrotliQuality = 5;
    private const int BrotliWindowBits = 22;

    private const int MaxVarintBytes = 10;

    // Quantised values stay within ±2^52 so that second-order predictions and residuals never overflow a long.
    private const long MaxMagnitude = 1L << 52;

    // A residual is below 2^55 after zig-zag (8 varint bytes) and each channel's presence costs at most a byte a
    // sample; with the time column that bounds a sample at 8 + 12 × 9 bytes.
    private const int MaxPayloadBytesPerSample = 8 + (ChannelCount - 1) * 9;
    private const int MaxPayloadBytes = MaxSamples * MaxPayloadBytesPerSample + 64;

    private const int ChannelCount = 13;

    // Marks an absent value in the quantised columns; outside ±MaxMagnitude, so never a real value.
    private const long Absent = long.MinValue;

    private static readonly long MaxMilliseconds = DateTime.MaxValue.Ticks / TimeSpan.TicksPerMillisecond;

    // Distance track prediction: 1e-7° of latitude is 1.11195 cm on the 6,371.0088 km sphere.
    private const long CentimetresPer100000Units = 111_195;
    private const long CosineOne = 65_536;
    // Beyond a degree between two samples the track says nothing about the distance run.
    private const long MaxTrackStepUnits = 10_000_000;

    private enum Channel
    {
        Time,
        Latitude,
        Longitude,
        Distance,
        Altitude,
        Speed,
        HeartRate,
        Cadence,
        VerticalOscillation,
        GroundContactTime,
        VerticalRatio,
        StepLength,
        Power,
    }

    /// <summary>How the distance column predicts each value.</summary>
    private enum DistancePrediction : byte
    {
        /// <summary>Carry on at the last step (second-order delta): best for foot pods and smoothed distance.</summary>
        Trend = 0,

        /// <summary>The previous distance plus the straight line between the two positions: best for GPS distance.</summary>
        Track = 1,
    }

    public static byte[] Encode(ReadOnlySpan<ActivitySample> samples)
    {
        if (samples.Length > MaxSamples)
        {
            throw new ArgumentException(
                $"A sample blob holds at most {MaxSamples} samples; this run has {samples.Length}.", nameof(samples));
        }

        var payload = new ArrayBufferWriter<byte>(Math.Max(256, samples.Length * 16));
        WriteVarint(payload, (ulong)samples.Length);

        var times = new long[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            times[i] = Milliseconds(samples[i].Time);
        }
        WriteResiduals(payload, times, secondOrder: true);

        var latitudes = Quantise(samples, Channel.Latitude);
        var longitudes = Quantise(samples, Channel.Longitude);
        for (var channel = Channel.Latitude; channel <= Channel.Power; channel++)
        {
            var values = channel switch
            {
                Channel.Latitude => latitudes,
                Channel.Longitude => longitudes,
                _ => Quantise(samples, channel),
            };
            WritePresence(payload, values);
            if (channel == Channel.Distance)
            {
                WriteDistances(payload, values, latitudes, longitudes);
            }
            else
            {
                WriteResiduals(payload, values, secondOrder: channel is Channel.Latitude or Channel.Longitude);
            }
        }

        return Compress(payload.WrittenSpan);
    }

    /// <summary>The samples of a blob from <see cref="Encode"/>; <see cref="InvalidDataException"/> for anything else.</summary>
    public static ActivitySample[] Decode(ReadOnlySpan<byte> data)
    {
        if (data.Length < HeaderLength)
        {
            ThrowInvalid("The sample data is empty.");
        }
        if (data[VersionOffset] != Version)
        {
            ThrowInvalid($"The sample data has format version {data[VersionOffset]}; only version {Version} can be read.");
        }

        var payload = Decompress(data[HeaderLength..]);
        var reader = new PayloadReader(payload);
        var count = reader.ReadVarint();
        // Every sample costs at least one byte of the time column, so a count beyond the bytes left is a lie.
        if (count > MaxSamples || count > (ulong)reader.Remaining)
        {
            ThrowInvalid($"The sample data claims {count} samples, more than it can hold.");
        }

        var samples = new ActivitySample[(int)count];
        var times = new long[samples.Length];
        ReadResiduals(ref reader, times, secondOrder: true);
        for (var i = 0; i < samples.Length; i++)
        {
            if (times[i] < 0 || times[i] > MaxMilliseconds)
            {
                ThrowInvalid($"Sample {i} has a time outside the calendar.");
            }
            samples[i].Time = new DateTime(times[i] * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        }

        var latitudes = Array.Empty<long>();
        var longitudes = Array.Empty<long>();
        for (var channel = Channel.Latitude; channel <= Channel.Power; channel++)
        {
            var values = new long[samples.Length];
            ReadPresence(ref reader, values);
            if (channel == Channel.Distance)
            {
                ReadDistances(ref reader, values, latitudes, longitudes);
            }
            else
            {
                ReadResiduals(ref reader, values, secondOrder: channel is Channel.Latitude or Channel.Longitude);
            }

            if (channel == Channel.Latitude)
            {
                latitudes = values;
            }
            else if (channel == Channel.Longitude)
            {
                longitudes = values;
            }

            var scale = Scale(channel);
            for (var i = 0; i < samples.Length; i++)
            {
                Store(ref samples[i], channel, values[i] == Absent ? double.NaN : values[i] / scale);
            }
        }

        if (reader.Remaining != 0)
        {
            ThrowInvalid($"The sample data has {reader.Remaining} bytes after its last channel.");
        }
        return samples;
    }

    /// <summary>Units per stored integer: 1e-7°, cm, dm, mm/s, bpm, 0.1 step/min, 0.1 mm, 0.1 ms, 0.01 %, mm, W.</summary>
    private static double Scale(Channel channel) => channel switch
    {
        Channel.Latitude or Channel.Longitude => 1e7,
        Channel.Distance => 100,
        Channel.Altitude => 10,
        Channel.Speed => 1000,
        Channel.HeartRate => 1,
        Channel.Cadence => 10,
        Channel.VerticalOscillation => 10,
        Channel.GroundContactTime => 10,
        Channel.VerticalRatio => 100,
        Channel.StepLength => 1,
        Channel.Power => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "The time channel has no scale."),
    };

    private static double Load(in ActivitySample sample, Channel channel) => channel switch
    {
        Channel.Latitude => sample.Latitude,
        Channel.Longitude => sample.Longitude,
        Channel.Distance => sample.DistanceMetres,
        Channel.Altitude => sample.AltitudeMetres,
        Channel.Speed => sample.SpeedMetresPerSecond,
        Channel.HeartRate => sample.HeartRate,
        Channel.Cadence => sample.CadenceStepsPerMinute,
        Channel.VerticalOscillation => sample.VerticalOscillationMm,
        Channel.GroundContactTime => sample.GroundContactTimeMs,
        Channel.VerticalRatio => sample.VerticalRatioPercent,
        Channel.StepLength => sample.StepLengthMm,
        Channel.Power => sample.PowerWatts,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "The time channel is not a number."),
    };

    private static void Store(ref ActivitySample sample, Channel channel, double value)
    {
        switch (channel)
        {
            case Channel.Latitude: sample.Latitude = value; break;
            case Channel.Longitude: sample.Longitude = value; break;
            case Channel.Distance: sample.DistanceMetres = value; break;
            case Channel.Altitude: sample.AltitudeMetres = (float)value; break;
            case Channel.Speed: sample.SpeedMetresPerSecond = (float)value; break;
            case Channel.HeartRate: sample.HeartRate = (float)value; break;
            case Channel.Cadence: sample.CadenceStepsPerMinute = (float)value; break;
            case Channel.VerticalOscillation: sample.VerticalOscillationMm = (float)value; break;
            case Channel.GroundContactTime: sample.GroundContactTimeMs = (float)value; break;
            case Channel.VerticalRatio: sample.VerticalRatioPercent = (float)value; break;
            case Channel.StepLength: sample.StepLengthMm = (float)value; break;
            case Channel.Power: sample.PowerWatts = (float)value; break;
            default: throw new ArgumentOutOfRangeException(nameof(channel), channel, "The time channel is not a number.");
        }
    }

    /// <summary>
    /// The channel at its resolution. NaN is absent; so are infinities and values too large for exact delta arithmetic
    /// (no sensor reports either), rather than failing the whole run's import over one broken field.
    /// </summary>
    private static long[] Quantise(ReadOnlySpan<ActivitySample> samples, Channel channel)
    {
        var scale = Scale(channel);
        var values = new long[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            var scaled = Math.Round(Load(samples[i], channel) * scale);
            values[i] = double.IsFinite(scaled) && Math.Abs(scaled) <= MaxMagnitude ? (long)scaled : Absent;
        }
        return values;
    }

    /// <summary>Whole milliseconds, to the nearest.</summary>
    private static long Milliseconds(DateTime time)
    {
        var milliseconds = time.Ticks / TimeSpan.TicksPerMillisecond;
        var roundUp = time.Ticks % TimeSpan.TicksPerMillisecond >= TimeSpan.TicksPerMillisecond / 2;
        return roundUp && milliseconds < MaxMilliseconds ? milliseconds + 1 : milliseconds;
    }

    private static void WritePresence(ArrayBufferWriter<byte> payload, long[] values)
    {
        var present = true;
        var run = 0;
        foreach (var value in values)
        {
            if ((value != Absent) == present)
            {
                run++;
                continue;
            }
            WriteVarint(payload, (ulong)run);
            present = !present;
            run = 1;
        }
        WriteVarint(payload, (ulong)run);
    }

    private static void ReadPresence(ref PayloadReader reader, long[] values)
    {
        // The first run (present) may be empty; every later one has at least one sample, or it would not be written.
        var present = true;
        var filled = 0;
        var first = true;
        do
        {
            var run = reader.ReadVarint();
            if (run > (ulong)(values.Length - filled) || (run == 0 && !first))
            {
                ThrowInvalid("The sample data has a presence map that does not match its sample count.");
            }
            if (!present)
            {
                values.AsSpan(filled, (int)run).Fill(Absent);
            }
            filled += (int)run;
            present = !present;
            first = false;
        }
        while (filled < values.Length);
    }

    private static void WriteResiduals(ArrayBufferWriter<byte> payload, long[] values, bool secondOrder)
    {
        var predictor = new Predictor(secondOrder);
        foreach (var value in values)
        {
            if (value == Absent)
            {
                continue;
            }
            WriteVarint(payload, ZigZag(value - predictor.Next));
            predictor.Accept(value);
        }
    }

    private static void ReadResiduals(ref PayloadReader reader, long[] values, bool secondOrder)
    {
        var predictor = new Predictor(secondOrder);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] == Absent)
            {
                continue;
            }
            values[i] = Checked(predictor.Next + reader.ReadSigned());
            predictor.Accept(values[i]);
        }
    }

    /// <summary>
    /// Distance follows either its own trend or the GPS track (most watches derive it from the track); whichever
    /// leaves the residuals with less entropy is written, since that is what the compressor can squeeze.
    /// </summary>
    private static void WriteDistances(ArrayBufferWriter<byte> payload, long[] distances, long[] latitudes, long[] longitudes)
    {
        var trend = DistanceResiduals(distances, latitudes, longitudes, DistancePrediction.Trend, cosine: 0);

        var firstLatitude = Array.FindIndex(latitudes, l => l != Absent);
        var cosine = firstLatitude < 0
            ? 0
            : (long)Math.Clamp(Math.Round(Math.Cos(latitudes[firstLatitude] / 1e7 * Math.PI / 180) * CosineOne), 0, CosineOne);
        var track = firstLatitude < 0
            ? null
            : DistanceResiduals(distances, latitudes, longitudes, DistancePrediction.Track, cosine);

        if (track is not null && EntropyBits(track) < EntropyBits(trend))
        {
            payload.GetSpan(1)[0] = (byte)DistancePrediction.Track;
            payload.Advance(1);
            WriteVarint(payload, (ulong)cosine);
            WriteAll(payload, track);
        }
        else
        {
            payload.GetSpan(1)[0] = (byte)DistancePrediction.Trend;
            payload.Advance(1);
            WriteAll(payload, trend);
        }
    }

    private static List<ulong> DistanceResiduals(long[] distances, long[] latitudes, long[] longitudes,
        DistancePrediction prediction, long cosine)
    {
        var residuals = new List<ulong>(distances.Length);
        var predictor = new Predictor(secondOrder: true);
        var last = -1;
        for (var i = 0; i < distances.Length; i++)
        {
            if (distances[i] == Absent)
            {
                continue;
            }
            var predicted = prediction == DistancePrediction.Track
                ? (last < 0 ? 0 : distances[last] + TrackStepCentimetres(latitudes, longitudes, last, i, cosine))
                : predictor.Next;
            residuals.Add(ZigZag(distances[i] - predicted));
            predictor.Accept(distances[i]);
            last = i;
        }
        return residuals;
    }

    private static void ReadDistances(ref PayloadReader reader, long[] distances, long[] latitudes, long[] longitudes)
    {
        var prediction = (DistancePrediction)reader.ReadByte();
        if (prediction is not (DistancePrediction.Trend or DistancePrediction.Track))
        {
            ThrowInvalid($"The sample data names an unknown distance prediction ({(byte)prediction}).");
        }
        var cosine = 0L;
        if (prediction == DistancePrediction.Track)
        {
            var stored = reader.ReadVarint();
            if (stored > CosineOne)
            {
                ThrowInvalid("The sample data has a latitude cosine above one.");
            }
            cosine = (long)stored;
        }

        var predictor = new Predictor(secondOrder: true);
        var last = -1;
        for (var i = 0; i < distances.Length; i++)
        {
            if (distances[i] == Absent)
            {
                continue;
            }
            var predicted = prediction == DistancePrediction.Track
                ? (last < 0 ? 0 : distances[last] + TrackStepCentimetres(latitudes, longitudes, last, i, cosine))
                : predictor.Next;
            distances[i] = Checked(predicted + reader.ReadSigned());
            predictor.Accept(distances[i]);
            last = i;
        }
    }

    /// <summary>
    /// The straight-line distance between two samples' positions in whole centimetres, 0 where either lacks one.
    /// Integer arithmetic below 2^53 and a correctly rounded square root give the same step on every machine,
    /// which the decoder needs to rebuild exactly what the encoder predicted.
    /// </summary>
    private static long TrackStepCentimetres(long[] latitudes, long[] longitudes, int from, int to, long cosine)
    {
        if (latitudes.Length == 0 || longitudes.Length == 0)
        {
            return 0;
        }
        long lat1 = latitudes[from], lon1 = longitudes[from], lat2 = latitudes[to], lon2 = longitudes[to];
        if (lat1 == Absent || lon1 == Absent || lat2 == Absent || lon2 == Absent)
        {
            return 0;
        }
        var north = lat2 - lat1;
        var east = lon2 - lon1;
        if (north is > MaxTrackStepUnits or < -MaxTrackStepUnits || east is > MaxTrackStepUnits or < -MaxTrackStepUnits)
        {
            return 0;
        }
        var northCentimetres = north * CentimetresPer100000Units / 100_000;
        var eastCentimetres = east * cosine / CosineOne * CentimetresPer100000Units / 100_000;
        return (long)Math.Round(Math.Sqrt(northCentimetres * northCentimetres + eastCentimetres * eastCentimetres));
    }

    /// <summary>Order-0 entropy of the residuals in bits: a cheap, good guess at what they compress to.</summary>
    private static double EntropyBits(List<ulong> residuals)
    {
        var counts = new Dictionary<ulong, int>();
        foreach (var residual in residuals)
        {
            counts[residual] = counts.GetValueOrDefault(residual) + 1;
        }
        double bits = 0;
        foreach (var count in counts.Values)
        {
            bits -= count * Math.Log2((double)count / residuals.Count);
        }
        return bits;
    }

    private static void WriteAll(ArrayBufferWriter<byte> payload, List<ulong> values)
    {
        foreach (var value in values)
        {
            WriteVarint(payload, value);
        }
    }

    private static void WriteVarint(ArrayBufferWriter<byte> payload, ulong value)
    {
        var span = payload.GetSpan(MaxVarintBytes);
        var length = 0;
        while (value >= 0x80)
        {
            span[length++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[length++] = (byte)value;
        payload.Advance(length);
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static long Checked(long value)
    {
        if (value is > MaxMagnitude or < -MaxMagnitude)
        {
            ThrowInvalid("The sample data decodes to a value beyond any channel's range.");
        }
        return value;
    }

    private static byte[] Compress(ReadOnlySpan<byte> payload)
    {
        var blob = new byte[HeaderLength + BrotliEncoder.GetMaxCompressedLength(payload.Length)];
        blob[VersionOffset] = Version;
        if (!BrotliEncoder.TryCompress(payload, blob.AsSpan(HeaderLength), out var written, BrotliQuality, BrotliWindowBits))
        {
            throw new InvalidOperationException("Brotli could not compress the samples within its own worst-case size.");
        }
        return blob.AsSpan(0, HeaderLength + written).ToArray();
    }

    private static byte[] Decompress(ReadOnlySpan<byte> compressed)
    {
        // Grown as the stream proves it holds more, so a small corrupt blob cannot make us allocate the maximum up front.
        var buffer = new byte[(int)Math.Clamp(compressed.Length * 8L, 4096, MaxPayloadBytes)];
        var read = 0;
        var written = 0;
        // Not a using declaration: that would make the struct read-only, and each call would work on a fresh copy.
        var decoder = new BrotliDecoder();
        try
        {
            while (true)
            {
                var status = decoder.Decompress(compressed[read..], buffer.AsSpan(written), out var consumed, out var produced);
                read += consumed;
                written += produced;
                switch (status)
                {
                    case OperationStatus.Done:
                        if (read != compressed.Length)
                        {
                            ThrowInvalid($"The sample data has {compressed.Length - read} bytes after its compressed stream.");
                        }
                        return buffer.AsSpan(0, written).ToArray();
                    case OperationStatus.DestinationTooSmall:
                        if (buffer.Length >= MaxPayloadBytes)
                        {
                            ThrowInvalid($"The sample data expands beyond the {MaxPayloadBytes} bytes a blob can hold.");
                        }
                        Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, MaxPayloadBytes));
                        break;
                    case OperationStatus.NeedMoreData:
                        ThrowInvalid("The sample data ends before its compressed stream does.");
                        break;
                    default:
                        ThrowInvalid("The sample data is not a valid Brotli stream.");
                        break;
                }
            }
        }
        finally
        {
            decoder.Dispose();
        }
    }

    [DoesNotReturn]
    private static void ThrowInvalid(string message) => throw new InvalidDataException(message);

    /// <summary>Predicts the next value: the last one, or for smooth series (time, position) the last plus the last step.</summary>
    private struct Predictor(bool secondOrder)
    {
        private readonly bool _secondOrder = secondOrder;
        private long _last;
        private long _beforeLast;
        private int _seen;

        public readonly long Next => _secondOrder && _seen >= 2 ? 2 * _last - _beforeLast : _last;

        public void Accept(long value)
        {
            _beforeLast = _last;
            _last = value;
            _seen = Math.Min(_seen + 1, 2);
        }
    }

    private ref struct PayloadReader
    {
        private readonly ReadOnlySpan<byte> _payload;
        private int _position;

        public PayloadReader(ReadOnlySpan<byte> payload)
        {
            _payload = payload;
            _position = 0;
        }

        public readonly int Remaining => _payload.Length - _position;

        public byte ReadByte()
        {
            if (_position >= _payload.Length)
            {
                ThrowInvalid("The sample data ends before its last channel.");
            }
            return _payload[_position++];
        }

        public ulong ReadVarint()
        {
            ulong value = 0;
            for (var shift = 0; shift < MaxVarintBytes * 7; shift += 7)
            {
                var b = ReadByte();
                if (shift == (MaxVarintBytes - 1) * 7 && b > 1)
                {
                    ThrowInvalid("The sample data has a number longer than 64 bits.");
                }
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }
            ThrowInvalid("The sample data has a number longer than 64 bits.");
            return 0;
        }

        public long ReadSigned()
        {
            var zigZag = ReadVarint();
            return (long)(zigZag >> 1) ^ -(long)(zigZag & 1);
        }
    }
}
