using Backstride.Activities;
using Microsoft.Extensions.Options;

namespace Backstride.Web.Features.Imports;

/// <summary>How much an import may hold; bound from "Import". The defaults fit a decade of Strava or Garmin data.</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    private const long BytesPerMegabyte = 1024 * 1024;

    /// <summary>Largest single activity file, after unpacking a .gz.</summary>
    public int MaxFileMegabytes { get; set; } = 100;

    /// <summary>Largest upload, all files together (an export archive counts as it is uploaded, compressed).</summary>
    public int MaxUploadMegabytes { get; set; } = 1024;

    public int MaxArchiveEntries { get; set; } = 20_000;

    public int MaxArchiveExpandedMegabytes { get; set; } = 4096;

    /// <summary>Highest expansion of one compressed entry; activity files compress 5–15 times, zip bombs 1000 and more.</summary>
    public double MaxCompressionRatio { get; set; } = 100;

    public int MaxXmlDepth { get; set; } = 64;

    /// <summary>Batches imported side by side; more runners wait less for a big export, at the cost of CPU.</summary>
    public int ConcurrentImports { get; set; } = 2;

    public long MaxUploadBytes => MaxUploadMegabytes * BytesPerMegabyte;

    public ActivityReadLimits ToReadLimits() => new()
    {
        MaxFileBytes = MaxFileMegabytes * BytesPerMegabyte,
        MaxXmlDepth = MaxXmlDepth,
        MaxArchiveEntries = MaxArchiveEntries,
        MaxArchiveExpandedBytes = MaxArchiveExpandedMegabytes * BytesPerMegabyte,
        MaxCompressionRatio = MaxCompressionRatio,
    };
}

/// <summary>Refuses to start with limits that make no sense, and says which setting to change.</summary>
internal sealed class ImportOptionsValidation : IValidateOptions<ImportOptions>
{
    public ValidateOptionsResult Validate(string? name, ImportOptions options)
    {
        var problems = new List<string>();
        void AtLeast(string setting, double value, double minimum)
        {
            if (double.IsNaN(value) || value < minimum)
            {
                problems.Add(FormattableString.Invariant($"{ImportOptions.SectionName}:{setting} must be {minimum} or more (it is {value})."));
            }
        }
        AtLeast(nameof(ImportOptions.MaxFileMegabytes), options.MaxFileMegabytes, 1);
        AtLeast(nameof(ImportOptions.MaxUploadMegabytes), options.MaxUploadMegabytes, 1);
        AtLeast(nameof(ImportOptions.MaxArchiveEntries), options.MaxArchiveEntries, 1);
        AtLeast(nameof(ImportOptions.MaxArchiveExpandedMegabytes), options.MaxArchiveExpandedMegabytes, 1);
        AtLeast(nameof(ImportOptions.MaxCompressionRatio), options.MaxCompressionRatio, 1);
        AtLeast(nameof(ImportOptions.MaxXmlDepth), options.MaxXmlDepth, 8);
        AtLeast(nameof(ImportOptions.ConcurrentImports), options.ConcurrentImports, 1);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
