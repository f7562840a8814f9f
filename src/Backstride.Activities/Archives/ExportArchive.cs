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
        var entries = ActivityEntries(archive, limits);

        var directory = Directory.CreateDirectory(targetDirectory).FullName;
        var results = new List<ArchiveEntryResult>(entries.Count);
        var buffer = new byte[CopyBufferBytes];
        long written = 0;
        for (var index = 0; index < entries.Count; index++)
        {
            var (entry, name, extension) = entries[index];
            if (Rejection(entry, limits) is { } reason)
            {
                results.Add(new ArchiveEntryResult(name, null, reason));
                continue;
            }

            var path = Path.Combine(directory, index.ToString("D5", CultureInfo.InvariantCulture) + extension);
            var failure = CopyEntry(entry, path, limits, buffer, ref written);
            results.Add(failure is null ? new ArchiveEntryResult(name, path, null) : new ArchiveEntryResult(name, null, failure));
        }
        return results;
    }

    private static ZipArchive Open(Stream zip)
    {
        try
        {
            return new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
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

    /// <summary>The activity entries in archive order, once the archive as a whole is known to be within the limits.</summary>
    private static List<(ZipArchiveEntry Entry, string Name, string Extension)> ActivityEntries(ZipArchive archive,
        ActivityReadLimits limits)
    {
        IReadOnlyCollection<ZipArchiveEntry> all;
        try
        {
            all = archive.Entries;
        }
        catch (InvalidDataException e)
        {
            throw NotAZip(e);
        }

        if (all.Count > limits.MaxArchiveEntries)
        {
            throw new ActivityFileException(ActivityFileProblem.TooLarge, string.Create(CultureInfo.InvariantCulture,
                $"The archive holds {all.Count} entries; at most {limits.MaxArchiveEntries} are read."));
        }

        var found = new List<(ZipArchiveEntry Entry, string Name, string Extension)>();
        long declared = 0;
        foreach (var entry in all)
        {
            var name = entry.FullName.Replace('\\', '/');
            if (ActivityExtension(name) is not { } extension)
            {
                continue;
            }

            // Only what would be inflated counts: photos and the CSV are never expanded.
            var length = Math.Max(0, entry.Length);
            if (length > limits.MaxArchiveExpandedBytes - declared)
            {
                throw ArchiveTooLarge(limits);
            }
            declared += length;
            found.Add((entry, name, extension));
        }
        return found;
    }

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
    private static string? CopyEntry(ZipArchiveEntry entry, string path, ActivityReadLimits limits, byte[] buffer,
        ref long written)
    {
        string? reason;
        using (var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            reason = CopyBounded(entry, target, limits, buffer, ref written);
        }

        if (reason is not null)
        {
            File.Delete(path);
        }
        return reason;
    }

    private static string? CopyBounded(ZipArchiveEntry entry, FileStream target, ActivityReadLimits limits, byte[] buffer,
        ref long written)
    {
        if (OpenEntry(entry, out var reason) is not { } opened)
        {
            return reason;
        }

        using var source = new BoundedReadStream(opened, limits.MaxFileBytes, entry.CompressedLength, limits.MaxCompressionRatio);
        int n;
        while ((n = ReadChunk(source, buffer, out reason)) > 0)
        {
            if (n > limits.MaxArchiveExpandedBytes - written)
            {
                throw ArchiveTooLarge(limits);
            }
            target.Write(buffer, 0, n);
            written += n;
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
