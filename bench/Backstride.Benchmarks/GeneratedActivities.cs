using System.Globalization;
using System.Text;
using Backstride.Activities.Tests.Fit;

namespace Backstride.Benchmarks;

/// <summary>
/// Activity files made up for the benchmarks: reproducible (fixed seed), realistic in shape (1 Hz records with
/// GPS, heart rate, cadence and running dynamics) and as large as a benchmark needs.
/// </summary>
public static class GeneratedActivities
{
    public static readonly DateTime Start = new(2026, 6, 1, 6, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime FitEpoch = new(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A FIT run of <paramref name="seconds"/> one-second records with every running-dynamics field.</summary>
    public static byte[] FitRun(int seconds, int seed = 1, DateTime? start = null)
    {
        var random = new Random(seed);
        var t0 = (uint)((start ?? Start) - FitEpoch).TotalSeconds;
        var writer = new FitFileWriter().Header(14).FileId(timeCreated: t0);
        writer.Define(0, FitGlobal.Record,
        [
            (FitRecordField.Timestamp, 4, FitBaseType.UInt32),
            (FitRecordField.PositionLat, 4, FitBaseType.SInt32),
            (FitRecordField.PositionLong, 4, FitBaseType.SInt32),
            (FitRecordField.Distance, 4, FitBaseType.UInt32),
            (FitRecordField.EnhancedSpeed, 4, FitBaseType.UInt32),
            (FitRecordField.EnhancedAltitude, 4, FitBaseType.UInt32),
            (FitRecordField.HeartRate, 1, FitBaseType.UInt8),
            (FitRecordField.Cadence, 1, FitBaseType.UInt8),
            (FitRecordField.FractionalCadence, 1, FitBaseType.UInt8),
            (FitRecordField.Power, 2, FitBaseType.UInt16),
            (FitRecordField.VerticalOscillation, 2, FitBaseType.UInt16),
            (FitRecordField.StanceTime, 2, FitBaseType.UInt16),
            (FitRecordField.VerticalRatio, 2, FitBaseType.UInt16),
            (FitRecordField.StepLength, 2, FitBaseType.UInt16),
        ]);

        double lat = 52.37, lon = 4.89, distance = 0, altitude = 12;
        for (var s = 0; s < seconds; s++)
        {
            var speed = 2.8 + (0.4 * Math.Sin(s / 600.0)) + (random.NextDouble() * 0.2);
            distance += speed;
            lat += speed * Math.Cos(s / 900.0) / 111_000;
            lon += speed * Math.Sin(s / 900.0) / 68_000;
            altitude += (random.NextDouble() - 0.5) * 0.6;
            writer.Data(0,
                t0 + (uint)s,
                (int)(lat * 2147483648.0 / 180),
                (int)(lon * 2147483648.0 / 180),
                (uint)(distance * 100),
                (uint)(speed * 1000),
                (uint)((altitude + 500) * 5),
                (byte)(140 + random.Next(20)),
                (byte)(84 + random.Next(4)),
                (byte)random.Next(128),
                (ushort)(240 + random.Next(40)),
                (ushort)(850 + random.Next(80)),
                (ushort)(2500 + random.Next(300)),
                (ushort)(780 + random.Next(60)),
                (ushort)(11000 + random.Next(1000)));
        }

        writer.Define(1, FitGlobal.Session,
        [
            (253, 4, FitBaseType.UInt32), (2, 4, FitBaseType.UInt32), (5, 1, FitBaseType.Enum),
            (7, 4, FitBaseType.UInt32), (8, 4, FitBaseType.UInt32), (9, 4, FitBaseType.UInt32),
        ]).Data(1, t0 + (uint)seconds, t0, (byte)1, (uint)seconds * 1000, (uint)seconds * 1000, (uint)(distance * 100));
        return writer.ToArray();
    }

    /// <summary>A GPX 1.1 run with <paramref name="points"/> one-second track points carrying heart rate and cadence.</summary>
    public static byte[] GpxRun(int points, DateTime? start = null)
    {
        using var stream = new MemoryStream();
        using (var gpx = new GpxStream(points, start ?? Start))
        {
            gpx.CopyTo(stream);
        }
        return stream.ToArray();
    }
}

/// <summary>
/// A GPX file produced on the fly as it is read, so a benchmark can read a 500 MB file without storing one:
/// the reader's memory is then all that grows with the size.
/// </summary>
public sealed class GpxStream(long points, DateTime start) : Stream
{
    private const string Head =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"Backstride benchmarks\" " +
        "xmlns=\"http://www.topografix.com/GPX/1/1\" " +
        "xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n" +
        "<trk><name>Generated run</name><type>running</type><trkseg>\n";
    private const string Tail = "</trkseg></trk></gpx>\n";

    private readonly StringBuilder _text = new(512);
    private byte[] _chunk = Encoding.UTF8.GetBytes(Head);
    private int _chunkPosition;
    private long _next;
    private bool _tailWritten;

    /// <summary>Track points needed for a file of about <paramref name="bytes"/> bytes (each point is ~210 bytes).</summary>
    public static long PointsFor(long bytes) => bytes / 210;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_chunkPosition == _chunk.Length && !NextChunk())
            {
                break;
            }
            var n = Math.Min(buffer.Length - written, _chunk.Length - _chunkPosition);
            _chunk.AsSpan(_chunkPosition, n).CopyTo(buffer[written..]);
            _chunkPosition += n;
            written += n;
        }
        return written;
    }

    private bool NextChunk()
    {
        if (_next >= points)
        {
            if (_tailWritten)
            {
                return false;
            }
            _chunk = Encoding.UTF8.GetBytes(Tail);
            _chunkPosition = 0;
            _tailWritten = true;
            return true;
        }

        // A few hundred points per chunk keeps the per-chunk cost negligible.
        _text.Clear();
        for (var i = 0; i < 256 && _next < points; i++, _next++)
        {
            var s = _next;
            // Laps of a 3.6 km loop at about 3 m/s, so any length of file stays on Earth.
            var angle = s * 2 * Math.PI / 1200;
            var lat = 52.37 + (0.0051 * Math.Sin(angle));
            var lon = 4.89 + (0.0084 * Math.Cos(angle));
            _text.Append(CultureInfo.InvariantCulture,
                $"<trkpt lat=\"{lat:F7}\" lon=\"{lon:F7}\"><ele>{12 + (s % 40) * 0.2:F1}</ele><time>{start.AddSeconds(s):yyyy-MM-ddTHH:mm:ssZ}</time>")
                .Append(CultureInfo.InvariantCulture,
                $"<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{140 + (s % 20)}</gpxtpx:hr><gpxtpx:cad>{84 + (s % 4)}</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>\n");
        }
        _chunk = Encoding.UTF8.GetBytes(_text.ToString());
        _chunkPosition = 0;
        return true;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
