using Backstride.Core.Imports;
using Backstride.Data.Diary;

namespace Backstride.Web.Features.Imports;

/// <summary>Plain words for imports, shared by the imports list and the progress page.</summary>
public static class ImportText
{
    public static string Status(ImportStatus status) => status switch
    {
        ImportStatus.Queued => "getting ready",
        ImportStatus.Running => "importing",
        ImportStatus.Completed => "finished",
        _ => "stopped",
    };

    /// <summary>The status as the API spells it, for the page script to compare with.</summary>
    public static string StatusKey(ImportStatus status) => status.ToString().ToLowerInvariant();

    public static string Outcome(ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Pending => "Waiting",
        ImportOutcome.Imported => "Imported",
        ImportOutcome.Duplicate => "Already in your diary",
        _ => "Not imported",
    };

    public static string Counts(int imported, int duplicates, int rejected)
    {
        var parts = new List<string> { imported == 1 ? "1 run imported" : $"{imported} runs imported" };
        if (duplicates > 0)
        {
            parts.Add($"{duplicates} already in your diary");
        }
        if (rejected > 0)
        {
            parts.Add($"{rejected} not imported");
        }
        return string.Join(" · ", parts);
    }

    public static string Counts(ImportOutcomeCounts counts) => Counts(counts.Imported, counts.Duplicates, counts.Rejected);

    public static ImportOutcomeCounts CountsOf(IReadOnlyCollection<ImportFile> files) => new(
        files.Count(f => f.Outcome == ImportOutcome.Imported),
        files.Count(f => f.Outcome == ImportOutcome.Duplicate),
        files.Count(f => f.Outcome == ImportOutcome.Rejected));

    /// <summary>The progress page's status line, which screen readers announce when it changes.</summary>
    public static string StatusSentence(ImportStatus status) => status switch
    {
        ImportStatus.Queued => "Getting your files ready.",
        ImportStatus.Running => "Importing your files.",
        ImportStatus.Completed => "The import has finished.",
        _ => "The import has stopped.",
    };
}
