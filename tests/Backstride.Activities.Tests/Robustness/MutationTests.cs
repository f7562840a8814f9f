using System.Buffers.Binary;
using System.Text;
using CsCheck;

namespace Backstride.Activities.Tests.Robustness;

/// <summary>
/// Every sample file, broken on purpose (truncated, bits flipped, bytes inserted, FIT byte ranges swapped, XML elements
/// deleted or duplicated), must come back as an <see cref="Activity"/> or an <see cref="ActivityFileException"/>:
/// never another exception, never a hang, never an outsized allocation. The mutations are seeded from the file's
/// name, so a failure names its mutation and reproduces on every run. Half the FIT mutations get their CRCs
/// recomputed, so that the decoder walks the damaged records instead of stopping at the checksum.
/// </summary>
[Collection(nameof(MutationTestsRunAlone))]
public sealed class MutationTests
{
    // Together about a minute on a slow two-core machine: about 600 inputs for a small file, fewer for a large one.
    private const long MutatedBytesPerFile = 80_000_000;
    private const int MaxMutationsPerFile = 600;
    private const int MinMutationsPerFile = 80;

    private const int FitHeaderBytes = 14;
    private const int MaxReportedFailures = 10;

    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    // A reader may allocate 64 bytes per input byte plus 64 MB before an input counts as a memory bomb.
    private const long AllocationPerInputByte = 64;
    private const long AllocationSlackBytes = 64L * 1024 * 1024;

    public static TheoryData<string> SampleFileNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in SampleFiles.ValidFit.Concat(SampleFiles.Malformed).Concat(SampleFiles.ValidXml))
        {
            data.Add(file);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFileNames))]
    public void Read_MutatedSampleFile_ReturnsAnActivityOrThrowsActivityFileException(string file)
    {
        // Arrange
        var original = SampleFiles.Bytes(file);
        var failures = new List<string>();

        // Act
        foreach (var mutation in Mutations(file, original))
        {
            if (ReadWithinBounds(mutation.Bytes) is not { } failure)
            {
                continue;
            }

            failures.Add($"{file}, {mutation.Description}: {failure.Message}");
            if (failure.Hung || failures.Count == MaxReportedFailures)
            {
                break; // a hung read keeps its thread busy, and ten failures say enough
            }
        }

        // Assert
        if (failures.Count > 0)
        {
            Assert.Fail(string.Join(Environment.NewLine + Environment.NewLine, failures));
        }
    }

    [Fact]
    public void Read_FitHeaderThenRandomBytes_ReturnsAnActivityOrThrowsActivityFileException()
    {
        // Arrange: kind 0 is a 14-byte header with valid CRCs, 1 a header saying "read to the end" with no CRCs,
        // 2 a legacy 12-byte header with a valid file CRC; the random bytes are read as records in all three.
        var inputs = Gen.Select(Gen.Byte.Array[0, 4096], Gen.Int[0, 2]);

        // Act and assert
        inputs.Sample((body, kind) =>
        {
            if (ReadWithinBounds(WithFitHeader(body, kind)) is { } failure)
            {
                Assert.Fail(failure.Message);
            }
        }, iter: 3000, threads: 1, print: input => $"kind {input.Item2}, body {Convert.ToHexString(input.Item1)}");
    }

    /// <summary>Reads one input on a pool thread; null when it answered in time, in memory, with an allowed outcome.</summary>
    private static ReadFailure? ReadWithinBounds(byte[] input)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var read = Task.Run(() => UnexpectedException(input));
        if (!read.Wait(ReadTimeout))
        {
            return new ReadFailure($"no answer within {ReadTimeout.TotalSeconds:0} s: the reader hangs", Hung: true);
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        if (read.Result is { } unexpected)
        {
            return new ReadFailure(unexpected.ToString(), Hung: false);
        }

        var budget = AllocationPerInputByte * input.Length + AllocationSlackBytes;
        if (allocated > budget)
        {
            return new ReadFailure(
                $"allocated {allocated / (1024 * 1024)} MB for {input.Length} bytes, over the {budget / (1024 * 1024)} MB budget",
                Hung: false);
        }
        return null;
    }

    private static Exception? UnexpectedException(byte[] input)
    {
        try
        {
            ActivityReader.Read(new MemoryStream(input, writable: false));
            return null;
        }
        catch (ActivityFileException)
        {
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static IEnumerable<Mutation> Mutations(string file, byte[] original)
    {
        var isFit = file.EndsWith(".fit", StringComparison.OrdinalIgnoreCase);
        var budget = (int)Math.Clamp(MutatedBytesPerFile / Math.Max(1, original.Length), MinMutationsPerFile, MaxMutationsPerFile);
        var cuts = budget / 3;
        var flips = budget / 2;
        var insertions = budget / 12;
        var structural = budget - cuts - flips - insertions;
        var random = new Random(StableSeed(file));

        var all = Truncations(original, cuts)
            .Concat(BitFlips(original, flips, isFit, random))
            .Concat(Insertions(original, insertions, random))
            .Concat(isFit ? RangeSwaps(original, structural, random) : ElementEdits(original, structural, random));
        foreach (var mutation in all)
        {
            yield return mutation;
        }
    }

    /// <summary>Cuts every few bytes, and always at the edges of the FIT header and the trailing CRC.</summary>
    private static IEnumerable<Mutation> Truncations(byte[] original, int count)
    {
        var length = original.Length;
        var cuts = new SortedSet<int> { 0, 1, 11, 12, 13, 14, length - 1, length - 2 };
        var step = Math.Max(1, length / Math.Max(1, count));
        for (var cut = step; cut < length; cut += step)
        {
            cuts.Add(cut);
        }

        foreach (var cut in cuts.Where(cut => cut >= 0 && cut < length))
        {
            yield return new Mutation($"truncated to {cut} of {length} bytes", original[..cut]);
        }
    }

    /// <summary>Single bit flips; for FIT, one in four lands in the header and half have their CRCs recomputed.</summary>
    private static IEnumerable<Mutation> BitFlips(byte[] original, int count, bool isFit, Random random)
    {
        if (original.Length == 0)
        {
            yield break;
        }

        for (var i = 0; i < count; i++)
        {
            var inHeader = isFit && random.Next(4) == 0;
            var position = random.Next(inHeader ? Math.Min(FitHeaderBytes, original.Length) : original.Length);
            var bit = random.Next(8);
            var bytes = (byte[])original.Clone();
            bytes[position] ^= (byte)(1 << bit);
            var resealed = isFit && random.Next(2) == 0 && FitChecksums.Recompute(bytes);
            yield return new Mutation($"bit {bit} of byte {position} flipped{(resealed ? ", CRCs recomputed" : "")}", bytes);
        }
    }

    private static IEnumerable<Mutation> Insertions(byte[] original, int count, Random random)
    {
        for (var i = 0; i < count; i++)
        {
            var position = random.Next(original.Length + 1);
            var inserted = new byte[random.Next(1, 17)];
            random.NextBytes(inserted);
            byte[] bytes = [.. original.AsSpan(0, position), .. inserted, .. original.AsSpan(position)];
            yield return new Mutation($"{inserted.Length} random bytes ({Convert.ToHexString(inserted)}) inserted at byte {position}", bytes);
        }
    }

    /// <summary>FIT records out of order: two equal byte ranges between the header and the trailing CRC trade places.</summary>
    private static IEnumerable<Mutation> RangeSwaps(byte[] original, int count, Random random)
    {
        var start = original.Length > 0 && original[0] is (12 or 14) ? (int)original[0] : FitHeaderBytes;
        var end = original.Length - 2;
        if (end - start < 2)
        {
            yield break;
        }

        for (var i = 0; i < count; i++)
        {
            var length = random.Next(1, Math.Min(256, (end - start) / 2) + 1);
            var first = random.Next(start, end - 2 * length + 1);
            var second = random.Next(first + length, end - length + 1);
            var bytes = (byte[])original.Clone();
            original.AsSpan(first, length).CopyTo(bytes.AsSpan(second));
            original.AsSpan(second, length).CopyTo(bytes.AsSpan(first));
            var resealed = random.Next(2) == 0 && FitChecksums.Recompute(bytes);
            yield return new Mutation(
                $"{length} bytes at {first} swapped with those at {second}{(resealed ? ", CRCs recomputed" : "")}", bytes);
        }
    }

    /// <summary>XML elements deleted, duplicated or left without their end tag, by slicing the text.</summary>
    private static IEnumerable<Mutation> ElementEdits(byte[] original, int count, Random random)
    {
        var text = Encoding.UTF8.GetString(original); // a byte-order mark survives as U+FEFF and is encoded back
        var starts = new List<int>();
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (text[i] == '<' && char.IsAsciiLetter(text[i + 1]))
            {
                starts.Add(i);
            }
        }
        if (starts.Count == 0)
        {
            yield break;
        }

        for (var i = 0; i < count; i++)
        {
            var start = starts[random.Next(starts.Count)];
            var (name, endTag, end) = ElementAt(text, start);
            var edited = random.Next(3) switch
            {
                0 => (Kind: "deleted", Text: string.Concat(text.AsSpan(0, start), text.AsSpan(end))),
                1 => (Kind: "duplicated", Text: string.Concat(text.AsSpan(0, end), text.AsSpan(start, end - start), text.AsSpan(end))),
                _ => (Kind: "left without its end tag",
                    Text: string.Concat(text.AsSpan(0, endTag), text.AsSpan(end))),
            };
            yield return new Mutation($"element <{name}> at character {start} {edited.Kind}", Encoding.UTF8.GetBytes(edited.Text));
        }
    }

    /// <summary>
    /// The element starting at <paramref name="start"/>: its name, where its end tag starts and where it ends. An empty
    /// element, or one whose end tag is not found, ends with its start tag.
    /// </summary>
    private static (string Name, int EndTag, int End) ElementAt(string text, int start)
    {
        var nameEnd = start + 1;
        while (nameEnd < text.Length && !char.IsWhiteSpace(text[nameEnd]) && text[nameEnd] is not ('>' or '/'))
        {
            nameEnd++;
        }
        var name = text[(start + 1)..nameEnd];

        var close = text.AsSpan(nameEnd).IndexOf('>');
        if (close < 0)
        {
            return (name, text.Length, text.Length);
        }
        var startTagEnd = nameEnd + close + 1;
        if (text[startTagEnd - 2] == '/')
        {
            return (name, startTagEnd, startTagEnd);
        }

        var endTag = "</" + name + ">";
        var found = text.AsSpan(startTagEnd).IndexOf(endTag, StringComparison.Ordinal);
        return found < 0
            ? (name, startTagEnd, startTagEnd)
            : (name, startTagEnd + found, startTagEnd + found + endTag.Length);
    }

    /// <summary>A FIT header (with CRCs as <paramref name="kind"/> says, see the property test) followed by <paramref name="body"/>.</summary>
    private static byte[] WithFitHeader(byte[] body, int kind)
    {
        var headerSize = kind == 2 ? 12 : 14;
        var withCrc = kind != 1;
        var bytes = new byte[headerSize + body.Length + (withCrc ? 2 : 0)];
        bytes[0] = (byte)headerSize;
        bytes[1] = 0x20; // protocol 2.0
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), 2132);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), withCrc ? (uint)body.Length : 0);
        ".FIT"u8.CopyTo(bytes.AsSpan(8));
        body.CopyTo(bytes, headerSize);
        if (withCrc)
        {
            FitChecksums.Recompute(bytes);
        }
        return bytes;
    }

    /// <summary>FNV-1a of the name: string.GetHashCode changes from run to run, and the mutations must not.</summary>
    private static int StableSeed(string file)
    {
        var hash = 2166136261u;
        foreach (var c in file)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash & 0x7FFFFFFF);
    }

    private sealed record Mutation(string Description, byte[] Bytes);

    private sealed record ReadFailure(string Message, bool Hung);

    /// <summary>The FIT header and file CRCs (CRC-16/ARC, Garmin's nibble table), written fresh by the test.</summary>
    private static class FitChecksums
    {
        private static readonly ushort[] Table =
            [0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400];

        /// <summary>
        /// Rewrites the header CRC and the file CRC of each chained part whose header still makes sense, so that a
        /// damaged file passes its checksums; false when not even the first header could be resealed.
        /// </summary>
        public static bool Recompute(byte[] bytes)
        {
            var resealed = false;
            var offset = 0;
            while (offset + 12 <= bytes.Length)
            {
                int headerSize = bytes[offset];
                if (headerSize is not (12 or 14) || offset + headerSize > bytes.Length)
                {
                    break;
                }
                if (headerSize == 14)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(offset + 12), Crc(bytes.AsSpan(offset, 12)));
                }
                resealed = true;

                var dataSize = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 4));
                var end = (long)offset + headerSize + dataSize;
                if (dataSize == 0 || end + 2 > bytes.Length)
                {
                    break;
                }
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan((int)end), Crc(bytes.AsSpan(offset, (int)(end - offset))));
                offset = (int)end + 2;
            }
            return resealed;
        }

        private static ushort Crc(ReadOnlySpan<byte> data)
        {
            var crc = 0;
            foreach (var b in data)
            {
                crc = ((crc >> 4) & 0x0FFF) ^ Table[crc & 0xF] ^ Table[b & 0xF];
                crc = ((crc >> 4) & 0x0FFF) ^ Table[crc & 0xF] ^ Table[(b >> 4) & 0xF];
            }
            return (ushort)crc;
        }
    }
}

/// <summary>
/// The mutation tests measure allocations with a process-wide counter, so they run after the other tests, alone.
/// </summary>
[CollectionDefinition(nameof(MutationTestsRunAlone), DisableParallelization = true)]
public sealed class MutationTestsRunAlone
{
}
