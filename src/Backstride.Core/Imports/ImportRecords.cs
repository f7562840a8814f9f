namespace Backstride.Core.Imports;

/// <summary>One upload of watch files (or export archives) and how far its background import has got.</summary>
public sealed class ImportBatch : IOwnedByRunner
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the import ended, finished or failed; null while it runs.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Files to import: the uploaded files until archives are unpacked, then the activity files found.</summary>
    public int TotalFiles { get; set; }

    /// <summary>Files with an outcome (imported, duplicate or rejected).</summary>
    public int DoneFiles { get; set; }

    public ImportStatus Status { get; set; }

    /// <summary>Why the import stopped, in words for the runner; only when <see cref="Status"/> is Failed.</summary>
    public string? FailureReason { get; set; }

    public List<ImportFile> Files { get; set; } = [];
}

public enum ImportStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>One activity file of an upload and what became of it.</summary>
public sealed class ImportFile : IOwnedByRunner
{
    // A display name, never a path on the server: long archive paths keep their end, where the file name is.
    public const int MaxFileNameLength = 255;
    public const int MaxReasonLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BatchId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>Order in the upload; archive entries take the places of their archive, in archive order.</summary>
    public int Position { get; set; }

    /// <summary>The uploaded file's name, or for an archive entry its path inside the archive.</summary>
    public required string FileName { get; set; }

    public ImportOutcome Outcome { get; set; }

    /// <summary>Why a file was rejected, in words for the runner.</summary>
    public string? Reason { get; set; }

    /// <summary>The run this file became.</summary>
    public Guid? RunId { get; set; }

    /// <summary>The run already in the diary that this file repeats.</summary>
    public Guid? DuplicateOfRunId { get; set; }

    /// <summary>The name a browser or client sent for an uploaded file, without any folders it may carry.</summary>
    public static string NameOfUpload(string? clientName)
    {
        var name = (clientName ?? "").Trim();
        var lastSeparator = name.LastIndexOfAny(['/', '\\']);
        return NameOfEntry(lastSeparator >= 0 ? name[(lastSeparator + 1)..] : name);
    }

    /// <summary>An archive entry's path as shown to the runner: printable, and short enough to store.</summary>
    public static string NameOfEntry(string? path)
    {
        var name = string.Concat((path ?? "").Where(c => !char.IsControl(c))).Trim();
        if (name.Length == 0)
        {
            return "(no name)";
        }
        return name.Length <= MaxFileNameLength ? name : "…" + name[^(MaxFileNameLength - 1)..];
    }

    /// <summary>A reason as stored: on one line (messages may quote a broken file), and short enough to store.</summary>
    public static string LimitReason(string reason)
    {
        var line = string.Concat(reason.Select(c => char.IsControl(c) ? ' ' : c)).Trim();
        return line.Length <= MaxReasonLength ? line : line[..(MaxReasonLength - 1)] + "…";
    }
}

public enum ImportOutcome
{
    Pending,
    Imported,
    Duplicate,
    Rejected,
}

/// <summary>
/// When an imported file is a run the diary already holds: a watch file synced twice, or a run logged by hand and
/// then imported. Clocks and distance algorithms differ a little between devices and exports, never by much.
/// </summary>
public static class DuplicateRule
{
    public static readonly TimeSpan StartWindow = TimeSpan.FromSeconds(60);

    public const double DistanceFraction = 0.02;

    public static bool IsDuplicate(DateTimeOffset existingStart, double existingMetres, DateTimeOffset start, double metres) =>
        (existingStart - start).Duration() <= StartWindow
        && Math.Abs(existingMetres - metres) <= metres * DistanceFraction;
}
