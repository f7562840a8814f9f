using Backstride.Activities.Xml;

namespace Backstride.Activities.Tests.Xml;

/// <summary>Reading for the summary only (no samples kept) must give the same totals as a full read.</summary>
public sealed class SummaryOnlyReadTests
{
    [Theory]
    [InlineData(SampleFiles.MarathonTcx)]
    [InlineData(SampleFiles.MarathonGpx)]
    [InlineData(SampleFiles.SmallTcx)]
    [InlineData(SampleFiles.BomNoNamespaceGpx)]
    public void A_summary_only_read_gives_the_same_session_as_a_full_read(string file)
    {
        Activity Read(bool keep)
        {
            using var stream = File.OpenRead(SampleFiles.PathOf(file));
            return XmlActivityReader.Read(stream, ActivityReadLimits.Default, keep);
        }

        var full = Read(keep: true);
        var summary = Read(keep: false);

        Assert.Empty(summary.Samples);
        Assert.NotEmpty(full.Samples);
        Assert.Equal(full.RecordCount, summary.RecordCount);
        Assert.Equal(full.Start, summary.Start);
        Assert.Equal(full.Sessions[0].TotalDistanceMetres!.Value, summary.Sessions[0].TotalDistanceMetres!.Value, 6);
        Assert.Equal(full.Sessions[0].TotalElapsedTimeSeconds, summary.Sessions[0].TotalElapsedTimeSeconds);
        Assert.Equal(full.RecordMeans, summary.RecordMeans);
    }
}
