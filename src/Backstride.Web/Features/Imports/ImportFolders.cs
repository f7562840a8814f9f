using System.Globalization;
using Backstride.Web.Infrastructure;

namespace Backstride.Web.Features.Imports;

/// <summary>
/// Where uploads wait for the worker: imports/&lt;batch&gt;/ in the data folder. Names on disk are numbers the app
/// chose (the file's position), never a name a client sent.
/// </summary>
public sealed class ImportFolders(StorageLocation storage, ILogger<ImportFolders> logger)
{
    private const string RunnerFileName = "runner";
    private const string UploadsFolderName = "uploads";

    public string Root => Path.Combine(storage.DataDirectory, "imports");

    public string BatchDirectory(Guid batchId) => Path.Combine(Root, batchId.ToString("D"));

    /// <summary>An uploaded file as received, before archives are unpacked.</summary>
    public string UploadPath(Guid batchId, int index) =>
        Path.Combine(BatchDirectory(batchId), UploadsFolderName, index.ToString(CultureInfo.InvariantCulture));

    /// <summary>The file that the batch's file at this position is read from.</summary>
    public string InputPath(Guid batchId, int position) =>
        Path.Combine(BatchDirectory(batchId), position.ToString(CultureInfo.InvariantCulture));

    public string ArchiveDirectory(Guid batchId, int index) =>
        Path.Combine(BatchDirectory(batchId), "archive-" + index.ToString(CultureInfo.InvariantCulture));

    /// <summary>Starts a batch's folder with the note of whose it is, which a restart needs to find its diary.</summary>
    public void Create(Guid batchId, Guid runnerId)
    {
        Directory.CreateDirectory(Path.Combine(BatchDirectory(batchId), UploadsFolderName));
        File.WriteAllText(Path.Combine(BatchDirectory(batchId), RunnerFileName), runnerId.ToString("D"));
    }

    public Guid? RunnerOf(Guid batchId)
    {
        var path = Path.Combine(BatchDirectory(batchId), RunnerFileName);
        try
        {
            return Guid.TryParse(File.ReadAllText(path), out var runner) ? runner : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The batch folders on disk, by batch id.</summary>
    public IEnumerable<Guid> Batches() => Directory.Exists(Root)
        ? Directory.EnumerateDirectories(Root)
            .Select(directory => Path.GetFileName(directory))
            .Select(name => Guid.TryParseExact(name, "D", out var id) ? id : (Guid?)null)
            .OfType<Guid>()
            .ToList()
        : [];

    public void RemoveUploads(Guid batchId)
    {
        TryDelete(Path.Combine(BatchDirectory(batchId), UploadsFolderName));
        foreach (var archive in Directory.EnumerateDirectories(BatchDirectory(batchId), "archive-*"))
        {
            TryDelete(archive);
        }
    }

    public void Delete(Guid batchId) => TryDelete(BatchDirectory(batchId));

    /// <summary>A folder left behind costs disk space only; the next start-up scan tries again.</summary>
    private void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not delete the import folder {Directory}", directory);
        }
    }
}
