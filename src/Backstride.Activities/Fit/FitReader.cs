using System.Buffers.Binary;
using System.Globalization;

namespace Backstride.Activities.Fit;

/// <summary>
/// Decodes a FIT activity file (one or several chained FIT files) into an <see cref="Activity"/>.
/// Written from the format's facts (no FIT SDK is available to .NET here): headers and CRCs are checked before a
/// part is decoded, every length is bounds-checked against the buffer, and nothing is allocated per field, so a
/// broken file ends in <see cref="ActivityFileException"/> and a good one decodes at memory speed.
/// </summary>
public static class FitReader
{
    public static Activity Read(byte[] data, ActivityReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Read(new ReadOnlySpan<byte>(data), limits);
    }

    public static Activity Read(ReadOnlySpan<byte> data, ActivityReadLimits? limits = null)
    {
        limits ??= ActivityReadLimits.Default;
        if (data.Length > limits.MaxFileBytes)
        {
            throw ActivityReader.TooLarge(limits.MaxFileBytes);
        }

        var builder = new FitActivityBuilder(data.Length);
        var offset = 0;
        var part = 0;
        while (offset < data.Length)
        {
            var checkpoint = builder.Checkpoint();
            try
            {
                offset = ReadPart(data, offset, builder);
                part++;
            }
            catch (ActivityFileException problem) when (part > 0)
            {
                // A chained file whose later part is broken: what came before is a whole activity file, so keep
                // it, drop the broken part's partial content and say why.
                builder.Restore(checkpoint);
                builder.Warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Part {part + 1} of this chained FIT file could not be read and was left out: {problem.Message}"));
                break;
            }
        }

        if (part == 0)
        {
            throw new ActivityFileException(ActivityFileProblem.EndOfFile, "The file is empty.", byteOffset: 0);
        }
        return builder.Build();
    }

    /// <summary>Reads one header/data/CRC unit starting at <paramref name="start"/>; returns where the next begins.</summary>
    private static int ReadPart(ReadOnlySpan<byte> data, int start, FitActivityBuilder builder)
    {
        var remaining = data.Length - start;
        var headerSize = data[start];
        if (headerSize is not (12 or 14))
        {
            throw Problem(ActivityFileProblem.Header,
                $"The FIT header at byte offset {start} says it is {headerSize} bytes long; FIT headers are 12 or 14 bytes.", start);
        }
        if (remaining < headerSize)
        {
            throw Problem(ActivityFileProblem.EndOfFile,
                $"The file ends inside the FIT header that starts at byte offset {start}.", start);
        }

        var header = data.Slice(start, headerSize);
        if (header[8] != (byte)'.' || header[9] != (byte)'F' || header[10] != (byte)'I' || header[11] != (byte)'T')
        {
            throw Problem(ActivityFileProblem.Header,
                $"The FIT header at byte offset {start} lacks the \".FIT\" signature.", start);
        }
        var protocolMajor = header[1] >> 4;
        if (protocolMajor > 2)
        {
            throw Problem(ActivityFileProblem.Header,
                $"The FIT header at byte offset {start} declares protocol version {protocolMajor}.{header[1] & 0x0F}; versions up to 2 are supported.", start);
        }
        if (headerSize == 14)
        {
            var headerCrc = BinaryPrimitives.ReadUInt16LittleEndian(header[12..]);
            if (headerCrc != 0 && headerCrc != FitCrc.Compute(header[..12]))
            {
                throw Problem(ActivityFileProblem.Crc,
                    $"The FIT header's CRC at byte offset {start + 12} does not match the header: the file is damaged.", start + 12);
            }
        }

        var dataSize = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        var dataStart = start + headerSize;
        if (dataSize == 0)
        {
            // A file still being written: its size is not yet known, so read to the end. If the last two bytes
            // complete a CRC over the whole part, they are that CRC and not a record.
            var end = data.Length;
            if (end - dataStart >= 2 && FitCrc.Compute(data[start..end]) == 0)
            {
                end -= 2;
            }
            new FitPartDecoder(data, builder).Decode(dataStart, end);
            return data.Length;
        }

        var dataEnd = (long)dataStart + dataSize;
        if (dataEnd > data.Length)
        {
            throw Problem(ActivityFileProblem.EndOfFile, string.Create(CultureInfo.InvariantCulture,
                $"The FIT file at byte offset {start} declares {dataSize:N0} bytes of data, but the file ends at byte offset {data.Length}: it was cut short."),
                data.Length);
        }
        if (dataEnd + 2 > data.Length)
        {
            throw Problem(ActivityFileProblem.EndOfFile,
                $"The file ends at byte offset {data.Length} without the FIT file's closing CRC.", data.Length);
        }
        var partEnd = (int)dataEnd + 2;
        if (FitCrc.Compute(data[start..partEnd]) != 0)
        {
            throw Problem(ActivityFileProblem.Crc,
                $"The FIT file's CRC at byte offset {dataEnd} does not match its content: the file is damaged.", dataEnd);
        }

        new FitPartDecoder(data, builder).Decode(dataStart, (int)dataEnd);
        return partEnd;
    }

    internal static ActivityFileException Problem(ActivityFileProblem problem, string message, long offset) =>
        new(problem, message, byteOffset: offset);
}
