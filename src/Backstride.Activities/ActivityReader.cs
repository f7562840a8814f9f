using System.IO.Compression;
using Backstride.Activities.Fit;
using Backstride.Activities.Xml;

namespace Backstride.Activities;

/// <summary>
/// Reads one activity file of any supported format, telling the format from the content (not the name), and
/// unpacking a gzip wrapper (Strava's .fit.gz, .gpx.gz, .tcx.gz) within the limits.
/// </summary>
public static class ActivityReader
{
    public static Activity Read(Stream stream, ActivityReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= ActivityReadLimits.Default;

        var buffered = stream.CanSeek ? stream : new BufferedStream(stream, 4096);
        // Enough to see past the white space some exporters put before "<?xml" (Strava's TCX has about ten spaces).
        Span<byte> head = stackalloc byte[256];
        var headLength = PeekHead(buffered, head, out var rewind);

        if (headLength >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            using var gzip = new GZipStream(rewind, CompressionMode.Decompress, leaveOpen: true);
            var compressedLength = rewind.CanSeek ? rewind.Length - rewind.Position : (long?)null;
            using var bounded = new BoundedReadStream(gzip, limits.MaxFileBytes, compressedLength, limits.MaxCompressionRatio);
            return Read(bounded, limits);
        }

        if (headLength >= 12 && head[8] == (byte)'.' && head[9] == (byte)'F' && head[10] == (byte)'I' && head[11] == (byte)'T')
        {
            return FitReader.Read(ReadAllBounded(rewind, limits.MaxFileBytes), limits);
        }

        if (XmlStart(head[..headLength]) is { } xmlStart)
        {
            // XmlReader refuses an XML declaration after anything, white space included, so the reader starts at '<'.
            return XmlActivityReader.Read(Skip(rewind, xmlStart), limits);
        }

        throw new ActivityFileException(ActivityFileProblem.UnknownFormat,
            "This is not a FIT, GPX or TCX file (nor a gzip of one).", byteOffset: 0);
    }

    /// <summary>Reads a file from disk; see <see cref="Read(Stream, ActivityReadLimits?)"/>.</summary>
    public static Activity ReadFile(string path, ActivityReadLimits? limits = null)
    {
        using var file = File.OpenRead(path);
        return Read(file, limits);
    }

    private static int PeekHead(Stream stream, Span<byte> head, out Stream rewind)
    {
        var start = stream.CanSeek ? stream.Position : 0;
        var read = 0;
        while (read < head.Length)
        {
            var n = stream.Read(head[read..]);
            if (n == 0)
            {
                break;
            }
            read += n;
        }

        if (stream.CanSeek)
        {
            stream.Position = start;
            rewind = stream;
        }
        else
        {
            rewind = new PrefixedStream(head[..read].ToArray(), stream);
        }
        return read;
    }

    /// <summary>Where the markup starts when the head is a UTF-8 byte-order mark, optional white space and '&lt;'; else null.</summary>
    private static int? XmlStart(ReadOnlySpan<byte> head)
    {
        var start = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        for (var i = start; i < head.Length; i++)
        {
            if (head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }
            return head[i] == (byte)'<' ? i : null;
        }
        return null;
    }

    private static Stream Skip(Stream stream, int count)
    {
        if (count == 0)
        {
            return stream;
        }
        if (stream.CanSeek)
        {
            stream.Position += count;
            return stream;
        }
        Span<byte> discard = stackalloc byte[256];
        stream.ReadExactly(discard[..count]);
        return stream;
    }

    internal static byte[] ReadAllBounded(Stream stream, long maxBytes)
    {
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        using var buffer = stream.CanSeek
            ? new MemoryStream(checked((int)(stream.Length - stream.Position)))
            : new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + n > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
            buffer.Write(chunk, 0, n);
        }
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    internal static ActivityFileException TooLarge(long maxBytes) => new(ActivityFileProblem.TooLarge,
        $"The file is larger than the {maxBytes / (1024 * 1024)} MB an activity file may be.");
}
