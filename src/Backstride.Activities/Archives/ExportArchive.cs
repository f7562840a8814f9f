using System.Globalization;
using System.IO.Compression;

namespace Backstride.Activities.Archives;

/// <summary>
/// One activity file found in an export archive, under its name in the archive (with '/' separators): where it was
/// extracted to, or, when it was left out, why.
/// </summary>
public sealed record ArchiveEntryResult(string EntryName, string? ExtractedPath, string? RejectedReason);

/// <summary>
/// Unpacks the activity files of an export archive (Strava's "download your data", a Garmin export) into a folder.
/// The entry count and the declared sizes are judged before anything is written, and every entry is inflated through
/// a bound, because declared sizes can lie. Nothing else in the archive (activities.csv, photos) is ever inflated.
/// </summary>
public static class ExportArchive
{
    private const long Megabyte = 1024 * 1024;

    // As in BoundedReadStream: small files compress unevenly, so below this size the ratio is not judged.
    private const long RatioFloorBytes = Megabyte;

    private const int CopyBufferBytes = 81920;

    // Longest first, so that "1.fit.gz" keeps ".fit.gz" as its extension.
    private static readonly string[] ActivityExtensions = [".fit.gz", ".gpx.gz", ".tcx.gz", ".fit", ".gpx", ".tcx"];

    /// <summary>True when <paramref name="head"/> (the first bytes of a file) starts a zip archive.</summary>
    public static bool IsZip(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) // a local file header: how an archive starts
        || head.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x05, 0x06]); // the end record alone: an empty archive

    /// <summary>
    /// Extracts every .fit, .gpx and .tcx entry (plain or .gz, which stay gzipped: <see cref="ActivityReader"/> unwraps
    /// gzip within its own bounds) into <paramref name="targetDirectory"/> as 00000.fit.gz, 00001.gpx... — never under
    /// the entry's own path, which may climb out of the folder. Entries too large or too compressed to be activity files
    /// come back with a reason instead of a path.
    /// </summary>
    /// <exception cref="ActivityFileException">
    /// TooLarge when the archive holds too many entries or expands to too much in all; Corrupt when it is not a readable
    /// zip. Files already written are then left in <paramref name="targetDirectory"/>: the caller deletes that folder.
    /// </exception>
    public static IReadOnlyList<ArchiveEntryResult> Extract(Stream zip, string targetDirectory, ActivityReadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentException.ThrowIfNullOrEmpty(targetDirectory);
        ArgumentNullException.ThrowIfNull(limits);

        // ZipArchive copies a stream it cannot seek into memory; a temporary file keeps a large upload off the heap.
        using var spool = zip.CanSeek ? null : SpoolToTemporaryFile(zip);
        using var archive = Open(spool ?? zip);
        var extraction = new Extraction(Directory.CreateDirectory(targetDirectory).FullName, limits);
        ExtractFrom(archive, prefix: "", extraction, allowNested: true);
        return extraction.Results;
    }

    /// <summary>What one extraction has done so far, shared by an archive and the archives inside it.</summary>
    private sealed class Extraction(string directory, ActivityReadLimits limits)
    {
        public string Directory { get; } = directory;
        public ActivityReadLimits Limits { get; } = limits;
        public List<ArchiveEntryResult> Results { get; } = [];
        public byte[] Buffer { get; } = new byte[CopyBufferBytes];
        public long Written;
        public long Declared;
        public int Entries;
        public int NextIndex;
    }

    private static void ExtractFrom(ZipArchive archive, string prefix, Extraction extraction, bool allowNested)
    {
        var limits = extraction.Limits;
        var (entries, nested) = ActivityEntries(archive, extraction, allowNested);
        foreach (var (entry, name, extension) in entries)
        {
            if (Rejection(entry, limits) is { } reason)
            {
                extraction.Results.Add(new ArchiveEntryResult(prefix + name, null, reason));
                continue;
            }

            var path = Path.Combine(extraction.Directory,
                extraction.NextIndex++.ToString("D5", CultureInfo.InvariantCulture) + extension);
            var failure = CopyEntry(entry, path, limits.MaxFileBytes, extraction);
            extraction.Results.Add(failure is null
                ? new ArchiveEntryResult(prefix + name, path, null)
                : new ArchiveEntryResult(prefix + name, null, failure));
        }

        // Garmin's "export your data" keeps the FIT files in zips inside the zip
        // (DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip): one level is opened, within the same bounds.
        foreach (var (entry, name, _) in nested)
        {
            var path = Path.Combine(extraction.Directory, "nested-" + extraction.NextIndex++.ToString("D5", CultureInfo.InvariantCulture) + ".zip");
            var remaining = limits.MaxArchiveExpandedBytes - extraction.Written;
            if (entry.Length > remaining)
            {
                throw ArchiveTooLarge(limits);
            }
            if (CopyEntry(entry, path, remaining, extraction) is { } failure)
            {
                extraction.Results.Add(new ArchiveEntryResult(name, null, failure));
                continue;
            }

            try
            {
                using var inner = Open(File.OpenRead(path), leaveOpen: false);
                ExtractFrom(inner, prefix + name + "/", extraction, allowNested: false);
            }
            catch (ActivityFileException e) when (e.Problem == ActivityFileProblem.Corrupt)
            {
                extraction.Results.Add(new ArchiveEntryResult(name, null, e.Message));
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    private static ZipArchive Open(Stream zip, bool leaveOpen = true)
    {
        try
        {
            return new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen);
        }
        catch (InvalidDataException e)
        {
            throw NotAZip(e);
        }
        catch (EndOfStreamException e)
        {
            throw NotAZip(e);
        }
    }

    /// <summary>
    /// The activity entries (and, where allowed, the zips inside) in archive order, once the archive is known to be
    /// within the limits. Entries of nested archives count against the same totals as the outer one's.
    /// </summary>
    private static (List<(ZipArchiveEntry Entry, string Name, string Extension)> Activities,
        List<(ZipArchiveEntry Entry, string Name, string Extension)> Nested) ActivityEntries(ZipArchive archive,
        Extraction extraction, bool allowNested)
    {
        var limits = extraction.Limits;
        IReadOnlyCollection<ZipArchiveEntry> all;
        try
        {
            all = archive.Entries;
        }
        catch (InvalidDataException e)
        {
            throw NotAZip(e);
        }

        extraction.Entries += all.Count;
        if (extraction.Entries > limits.MaxArchiveEntries)
        {
            throw new ActivityFileException(ActivityFileProblem.TooLarge, string.Create(CultureInfo.InvariantCulture,
                $"The archive holds {extraction.Entries} entries; at most {limits.MaxArchiveEntries} are read."));
        }

        var found = new List<(ZipArchiveEntry Entry, string Name, string Extension)>();
        var nested = new List<(ZipArchiveEntry Entry, string Name, string Extension)>();
        foreach (var entry in all)
        {
            var name = entry.FullName.Replace('\\', '/');
            var extension = ActivityExtension(name);
            if (extension is null && allowNested && IsNestedArchive(name))
            {
                nested.Add((entry, name, ".zip"));
                continue;
            }
            if (extension is null)
            {
                continue;
            }

            // Only what would be inflated counts: photos and the CSV are never expanded.
            var length = Math.Max(0, entry.Length);
            if (length > limits.MaxArchiveExpandedBytes - extraction.Declared)
            {
                throw ArchiveTooLarge(limits);
            }
            extraction.Declared += length;
            found.Add((entry, name, extension));
        }
        return (found, nested);
    }

    private static bool IsNestedArchive(string name) =>
        name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) && ActivityExtension(name[..^4] + ".fit") is not null;

    /// <summary>The entry's extension(s) as spelled in the archive when it names an activity file, else null.</summary>
    private static string? ActivityExtension(string name)
    {
        var segments = name.Split('/');
        var fileName = segments[^1];
        if (fileName.Length == 0 || fileName.StartsWith('.'))
        {
            return null; // a directory, or a dot-file such as macOS's "._1.fit"
        }

        foreach (var folder in segments.AsSpan(0, segments.Length - 1))
        {
            var hidden = folder.StartsWith('.') && folder is not ("." or "..");
            if (hidden
                || string.Equals(folder, "__MACOSX", StringComparison.OrdinalIgnoreCase)
                || string.Equals(folder, "media", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        foreach (var extension in ActivityExtensions)
        {
            if (fileName.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return fileName[^extension.Length..];
            }
        }
        return null;
    }

    /// <summary>Why an entry is left out on its declared sizes alone, or null when it may be inflated.</summary>
    private static string? Rejection(ZipArchiveEntry entry, ActivityReadLimits limits)
    {
        if (entry.Length > limits.MaxFileBytes)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"The file expands to {Size(entry.Length)}, more than the {Size(limits.MaxFileBytes)} an activity file may be.");
        }

        if (entry.Length > RatioFloorBytes)
        {
            if (entry.CompressedLength <= 0)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"The file claims {Size(entry.Length)} from no compressed data at all: it looks like a compression bomb.");
            }

            var ratio = (double)entry.Length / entry.CompressedLength;
            if (ratio > limits.MaxCompressionRatio)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"The file is compressed {ratio:0}-fold, more than the {limits.MaxCompressionRatio:0}-fold of any real activity file: it looks like a compression bomb.");
            }
        }
        return null;
    }

    /// <summary>Inflates one entry to <paramref name="path"/>; returns why it was given up (the partial file deleted), or null.</summary>
    private static string? CopyEntry(ZipArchiveEntry entry, string path, long maxBytes, Extraction extraction)
    {
        string? reason;
        using (var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            reason = CopyBounded(entry, target, maxBytes, extraction);
        }

        if (reason is not null)
        {
            File.Delete(path);
        }
        return reason;
    }

    private static string? CopyBounded(ZipArchiveEntry entry, FileStream target, long maxBytes, Extraction extraction)
    {
        if (OpenEntry(entry, out var reason) is not { } opened)
        {
            return reason;
        }

        var limits = extraction.Limits;
        var buffer = extraction.Buffer;
        using var source = new BoundedReadStream(opened, maxBytes, entry.CompressedLength, limits.MaxCompressionRatio);
        int n;
        while ((n = ReadChunk(source, buffer, out reason)) > 0)
        {
            if (n > limits.MaxArchiveExpandedBytes - extraction.Written)
            {
                throw ArchiveTooLarge(limits);
            }
            target.Write(buffer, 0, n);
            extraction.Written += n;
        }
        return reason;
    }

    private static Stream? OpenEntry(ZipArchiveEntry entry, out string? rejectedReason)
    {
        try
        {
            rejectedReason = null;
            return entry.Open();
        }
        catch (InvalidDataException e)
        {
            rejectedReason = Damaged(e);
            return null;
        }
        catch (NotSupportedException e)
        {
            rejectedReason = Damaged(e);
            return null;
        }
    }

    /// <summary>Reads the next chunk; -1 with the reason when the entry must be given up.</summary>
    private static int ReadChunk(Stream source, byte[] buffer, out string? rejectedReason)
    {
        try
        {
            rejectedReason = null;
            return source.Read(buffer);
        }
        catch (ActivityFileException e)
        {
            // BoundedReadStream: the entry expands beyond its size or ratio bound, whatever it declared.
            rejectedReason = e.Message;
            return -1;
        }
        catch (InvalidDataException e)
        {
            rejectedReason = Damaged(e);
            return -1;
        }
    }

    private static FileStream SpoolToTemporaryFile(Stream zip)
    {
        var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None,
            CopyBufferBytes, FileOptions.DeleteOnClose);
        try
        {
            zip.CopyTo(spool, CopyBufferBytes);
            spool.Position = 0;
            return spool;
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }

    private static ActivityFileException NotAZip(Exception e) => new(ActivityFileProblem.Corrupt,
        $"The archive is not a readable zip file: {e.Message}", innerException: e);

    private static ActivityFileException ArchiveTooLarge(ActivityReadLimits limits) => new(ActivityFileProblem.TooLarge,
        string.Create(CultureInfo.InvariantCulture,
            $"The activity files in the archive expand to more than the {Size(limits.MaxArchiveExpandedBytes)} one archive may expand to."));

    private static string Damaged(Exception e) => $"The file's compressed data is damaged: {e.Message}";

    private static string Size(long bytes) => bytes >= Megabyte
        ? string.Create(CultureInfo.InvariantCulture, $"{(double)bytes / Megabyte:0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");
}
