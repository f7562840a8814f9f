using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Backstride.Activities.Archives;

namespace Backstride.Activities.Tests.Archives;

/// <summary>
/// Export archives built in memory: a Strava-like layout, hostile entry names, bombs and lies about sizes.
/// Each test extracts into its own folder under a fresh temporary root, deleted afterwards.
/// </summary>
public sealed class ExportArchiveTests : IDisposable
{
    private const int Megabyte = 1024 * 1024;

    private readonly string _root = Directory.CreateTempSubdirectory("backstride-archive-").FullName;

    // Two levels down, so that "../../evil.fit" would still land inside _root where the test can look for it.
    private string Target => Path.Combine(_root, "user", "import", "extracted");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Extract_StravaLikeArchive_ExtractsTheThreeActivityFilesUnderTheirArchiveNames()
    {
        // Arrange
        var fitGz = Gzip(SampleFiles.Bytes(SampleFiles.SdkActivity));
        var gpx = SampleFiles.Bytes(SampleFiles.GpxAllFields);
        var tcxGz = Gzip(SampleFiles.Bytes(SampleFiles.SmallTcx));
        using var zip = Zip(
            ("activities.csv", "Activity ID,Activity Date\n1,2024-05-01\n"u8.ToArray()),
            ("activities/", []),
            ("activities/1.fit.gz", fitGz),
            ("activities/2.gpx", gpx),
            ("activities/3.tcx.gz", tcxGz),
            ("media/photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0]),
            ("__MACOSX/activities/._1.fit.gz", [0x00, 0x05, 0x16, 0x07]),
            ("activities/.hidden.gpx", gpx));

        // Act
        var results = ExportArchive.Extract(zip, Target, ActivityReadLimits.Default);

        // Assert
        Assert.Equal(["activities/1.fit.gz", "activities/2.gpx", "activities/3.tcx.gz"], results.Select(r => r.EntryName));
        Assert.All(results, r => Assert.Null(r.RejectedReason));
        Assert.Equal([".fit.gz", ".gpx", ".tcx.gz"], results.Select(r => ExtensionOf(r.ExtractedPath!)));
        Assert.Equal(fitGz, File.ReadAllBytes(results[0].ExtractedPath!));
        Assert.Equal(gpx, File.ReadAllBytes(results[1].ExtractedPath!));
        Assert.Equal(tcxGz, File.ReadAllBytes(results[2].ExtractedPath!));
        Assert.Equal(3, Directory.GetFiles(Target).Length);
    }

    [Fact]
    public void Extract_GarminExportWithZipsInside_ExtractsTheFitFilesOfTheInnerZips()
    {
        // Garmin's "export your data" keeps uploaded FIT files in part zips inside the export zip.
        var fit = SampleFiles.Bytes(SampleFiles.Fenix5Run);
        using var part1 = Zip(("run-1.fit", fit), ("notes.txt", "x"u8.ToArray()));
        using var part2 = Zip(("run-2.fit", fit));
        using var export = Zip(
            ("DI_CONNECT/DI-Connect-Fitness/profile.json", "{}"u8.ToArray()),
            ("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", part1.ToArray()),
            ("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part2.zip", part2.ToArray()));

        var results = ExportArchive.Extract(export, Target, ActivityReadLimits.Default);

        Assert.Equal(
            ["DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip/run-1.fit",
             "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part2.zip/run-2.fit"],
            results.Select(r => r.EntryName));
        Assert.All(results, r => Assert.Equal(21, ActivityReader.ReadFile(r.ExtractedPath!).RecordCount));
        // The inner zips themselves are not left behind.
        Assert.Equal(2, Directory.GetFiles(Target).Length);
    }

    [Fact]
    public void Extract_ZipInsideAZipInsideAZip_OpensOnlyOneLevel()
    {
        using var innermost = Zip(("deep.fit", SampleFiles.Bytes(SampleFiles.SdkActivity)));
        using var middle = Zip(("inner.zip", innermost.ToArray()));
        using var outer = Zip(("middle.zip", middle.ToArray()));

        var results = ExportArchive.Extract(outer, Target, ActivityReadLimits.Default);

        Assert.Empty(results);
    }

    [Fact]
    public void Extract_NestedEntriesCountAgainstTheEntryLimit()
    {
        using var part = Zip(Enumerable.Range(1, 8).Select(i => ($"{i}.fit", new byte[] { 1, 2, 3 })).ToArray());
        using var export = Zip(("a.zip", part.ToArray()), ("b.fit", [1, 2, 3]));

        var error = Assert.Throws<ActivityFileException>(() =>
            ExportArchive.Extract(export, Target, ActivityReadLimits.Default with { MaxArchiveEntries = 9 }));

        Assert.Equal(ActivityFileProblem.TooLarge, error.Problem);
    }

    [Fact]
    public void Extract_BrokenZipInside_IsRejectedWithItsReasonAndTheRestExtracts()
    {
        using var export = Zip(("Part1.zip", "not a zip at all"u8.ToArray()), ("run.fit", SampleFiles.Bytes(SampleFiles.SdkActivity)));

        var results = ExportArchive.Extract(export, Target, ActivityReadLimits.Default);

        Assert.Equal(2, results.Count);
        Assert.NotNull(results.Single(r => r.EntryName == "run.fit").ExtractedPath);
        Assert.Contains("not a readable zip", results.Single(r => r.EntryName == "Part1.zip").RejectedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_StravaLikeArchive_ExtractedFilesReadAsTheirFormats()
    {
        // Arrange
        using var zip = Zip(
            ("activities/1.fit.gz", Gzip(SampleFiles.Bytes(SampleFiles.SdkActivity))),
            ("activities/2.gpx", SampleFiles.Bytes(SampleFiles.GpxAllFields)),
            ("activities/3.tcx.gz", Gzip(SampleFiles.Bytes(SampleFiles.SmallTcx))));

        // Act
        var results = ExportArchive.Extract(zip, Target, ActivityReadLimits.Default);
        var formats = results.Select(r => ActivityReader.ReadFile(r.ExtractedPath!).Format);

        // Assert
        Assert.Equal([ActivityFormat.Fit, ActivityFormat.Gpx, ActivityFormat.Tcx], formats);
    }

    [Fact]
    public void Extract_EntryNamesClimbingOutOfTheFolder_WritesInsideTheTargetOnly()
    {
        // Arrange
        var fit = SampleFiles.Bytes(SampleFiles.SdkActivity);
        using var zip = Zip(("../../evil.fit", fit), ("..\\..\\evil.gpx", fit), ("/etc/evil.tcx", fit));

        // Act
        var results = ExportArchive.Extract(zip, Target, ActivityReadLimits.Default);

        // Assert
        Assert.Equal(["../../evil.fit", "../../evil.gpx", "/etc/evil.tcx"], results.Select(r => r.EntryName));
        Assert.All(results, r => Assert.Equal(Path.GetFullPath(Target), Path.GetDirectoryName(r.ExtractedPath)));
        Assert.All(Directory.GetFiles(_root, "*", SearchOption.AllDirectories),
            file => Assert.StartsWith(Path.GetFullPath(Target) + Path.DirectorySeparatorChar, file, StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_FiftyMegabytesOfZeros_RejectsTheEntryAsACompressionBomb()
    {
        // Arrange: deflate shrinks zeros about a thousandfold, far beyond the 100-fold limit.
        using var zip = ZipOfZeros("activities/bomb.fit", 50L * Megabyte);

        // Act
        var result = Assert.Single(ExportArchive.Extract(zip, Target, ActivityReadLimits.Default));

        // Assert
        Assert.Equal("activities/bomb.fit", result.EntryName);
        Assert.Null(result.ExtractedPath);
        Assert.Contains("compression bomb", result.RejectedReason, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Target));
    }

    [Fact]
    public void Extract_MoreEntriesThanTheLimit_ThrowsTooLarge()
    {
        // Arrange
        var limits = ActivityReadLimits.Default with { MaxArchiveEntries = 10 };
        using var zip = Zip(Enumerable.Range(1, 11).Select(i => ($"activities/{i}.fit", new byte[] { 1, 2, 3 })).ToArray());

        // Act
        var error = Assert.Throws<ActivityFileException>(() => ExportArchive.Extract(zip, Target, limits));

        // Assert
        Assert.Equal(ActivityFileProblem.TooLarge, error.Problem);
        Assert.Equal("The archive holds 11 entries; at most 10 are read.", error.Message);
    }

    [Fact]
    public void Extract_ActivityFilesDeclaringMoreThanTheArchiveLimit_ThrowsTooLargeBeforeWritingAnything()
    {
        // Arrange
        var limits = ActivityReadLimits.Default with { MaxArchiveExpandedBytes = 10_000 };
        using var zip = Zip(("activities/1.fit", RandomBytes(6_000, seed: 1)), ("activities/2.fit", RandomBytes(6_000, seed: 2)));

        // Act
        var error = Assert.Throws<ActivityFileException>(() => ExportArchive.Extract(zip, Target, limits));

        // Assert
        Assert.Equal(ActivityFileProblem.TooLarge, error.Problem);
        Assert.Contains("10,000 bytes", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Target) && Directory.GetFiles(Target).Length > 0);
    }

    [Fact]
    public void Extract_EntryDeclaredLargerThanMaxFileBytes_RejectsItAndWritesNothing()
    {
        // Arrange: random bytes do not compress, so only the size limit can turn the entry away.
        var limits = ActivityReadLimits.Default with { MaxFileBytes = 1000 };
        using var zip = Zip(("activities/big.fit", RandomBytes(5000, seed: 3)));

        // Act
        var result = Assert.Single(ExportArchive.Extract(zip, Target, limits));

        // Assert
        Assert.Null(result.ExtractedPath);
        Assert.Equal("The file expands to 5,000 bytes, more than the 1,000 bytes an activity file may be.", result.RejectedReason);
        Assert.Empty(Directory.GetFiles(Target));
    }

    [Fact]
    public void Extract_EntryUnderstatingItsSize_NeverWritesMoreThanTheFileLimit()
    {
        // Arrange: 5 MB of zeros whose headers claim 1,000 bytes; the ratio limit is lifted so only the size bound is left.
        var limits = ActivityReadLimits.Default with { MaxFileBytes = Megabyte, MaxCompressionRatio = 1e9 };
        using var honest = ZipOfZeros("activities/liar.fit", 5L * Megabyte);
        using var zip = new MemoryStream(DeclareUncompressedSize(honest.ToArray(), 5 * Megabyte, 1000));

        // Act
        var result = Assert.Single(ExportArchive.Extract(zip, Target, limits));

        // Assert: either the entry was given up, or what was written stayed within the limit.
        if (result.ExtractedPath is null)
        {
            Assert.False(string.IsNullOrEmpty(result.RejectedReason));
            Assert.Empty(Directory.GetFiles(Target));
        }
        else
        {
            Assert.InRange(new FileInfo(result.ExtractedPath).Length, 0, Megabyte);
        }
    }

    [Fact]
    public void Extract_GarbageBytes_ThrowsCorrupt()
    {
        // Arrange
        using var garbage = new MemoryStream(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("not a zip at all; ", 100))));

        // Act
        var error = Assert.Throws<ActivityFileException>(() => ExportArchive.Extract(garbage, Target, ActivityReadLimits.Default));

        // Assert
        Assert.Equal(ActivityFileProblem.Corrupt, error.Problem);
        Assert.StartsWith("The archive is not a readable zip file: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_GzipBombInsideTheArchive_ExtractsItButReadingItStopsAsTooLarge()
    {
        // Arrange: a FIT header then 200 MB of zeros gzip to about 200 KB, an ordinary size for a zip entry.
        using var zip = Zip(("activities/99.fit.gz", GzipBomb(200L * Megabyte)));
        var extracted = Assert.Single(ExportArchive.Extract(zip, Target, ActivityReadLimits.Default)).ExtractedPath;
        Assert.NotNull(extracted);

        // Act
        var error = Assert.Throws<ActivityFileException>(() => ActivityReader.ReadFile(extracted));

        // Assert
        Assert.Equal(ActivityFileProblem.TooLarge, error.Problem);
        Assert.True(error.Message.Contains("compress", StringComparison.OrdinalIgnoreCase)
            || error.Message.Contains("MB", StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public void Extract_ArchiveOnAStreamThatCannotSeek_ExtractsTheSameFiles()
    {
        // Arrange
        var gpx = SampleFiles.Bytes(SampleFiles.GpxAllFields);
        using var zip = Zip(("activities/1.gpx", gpx));
        using var upload = new ForwardOnlyStream(zip);

        // Act
        var result = Assert.Single(ExportArchive.Extract(upload, Target, ActivityReadLimits.Default));

        // Assert
        Assert.Equal("activities/1.gpx", result.EntryName);
        Assert.Equal(gpx, File.ReadAllBytes(result.ExtractedPath!));
    }

    [Fact]
    public void IsZip_HeadsOfZipFitAndGpxFiles_RecognisesOnlyTheZip()
    {
        // Arrange
        using var zip = Zip(("activities/1.gpx", [1, 2, 3]));
        var fit = SampleFiles.Bytes(SampleFiles.SdkActivity);

        // Act and assert
        Assert.True(ExportArchive.IsZip(zip.ToArray().AsSpan(0, 16)));
        Assert.False(ExportArchive.IsZip(fit.AsSpan(0, 16)));
        Assert.False(ExportArchive.IsZip("<?xml version=\"1.0\"?>"u8));
        Assert.False(ExportArchive.IsZip([]));
    }

    private static MemoryStream Zip(params (string Name, byte[] Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var output = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                output.Write(content);
            }
        }
        stream.Position = 0;
        return stream;
    }

    /// <summary>A zip of one entry holding <paramref name="count"/> zeros, written chunk by chunk.</summary>
    private static MemoryStream ZipOfZeros(string name, long count)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var output = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
            WriteZeros(output, count);
        }
        stream.Position = 0;
        return stream;
    }

    private static byte[] Gzip(byte[] content)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }
        return packed.ToArray();
    }

    /// <summary>A 14-byte FIT header ("read to the end", no CRC) and <paramref name="zeros"/> zeros, gzipped as they are written.</summary>
    private static byte[] GzipBomb(long zeros)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write([14, 0x20, 0x54, 0x08, 0, 0, 0, 0, (byte)'.', (byte)'F', (byte)'I', (byte)'T', 0, 0]);
            WriteZeros(gzip, zeros);
        }
        return packed.ToArray();
    }

    private static void WriteZeros(Stream output, long count)
    {
        var chunk = new byte[Megabyte];
        for (var left = count; left > 0; left -= chunk.Length)
        {
            output.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
        }
    }

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>
    /// Rewrites the uncompressed size of a one-entry zip in its local header (offset 22) and central directory record
    /// (offset 24), as a hostile archive would.
    /// </summary>
    private static byte[] DeclareUncompressedSize(byte[] zip, uint actual, uint declared)
    {
        ReadOnlySpan<byte> localHeader = [0x50, 0x4B, 0x03, 0x04];
        ReadOnlySpan<byte> centralHeader = [0x50, 0x4B, 0x01, 0x02];
        var local = zip.AsSpan().IndexOf(localHeader);
        var central = zip.AsSpan().LastIndexOf(centralHeader);
        Assert.Equal(0, local);
        Assert.True(central > 0);
        Assert.Equal(actual, BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(local + 22)));
        Assert.Equal(actual, BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(central + 24)));
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(local + 22), declared);
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(central + 24), declared);
        return zip;
    }

    private static string ExtensionOf(string path)
    {
        var name = Path.GetFileName(path);
        return name[name.IndexOf('.', StringComparison.Ordinal)..];
    }

    /// <summary>An upload as a web server hands it over: readable once, front to back.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
