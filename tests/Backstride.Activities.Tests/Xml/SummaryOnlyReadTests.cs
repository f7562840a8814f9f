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

/// <summary>What real exporters do around the XML itself.</summary>
public sealed class XmlExportQuirkTests
{
    [Fact]
    public void White_space_before_the_xml_declaration_is_skipped_as_Strava_TCX_exports_need()
    {
        var tcx = "          " + File.ReadAllText(SampleFiles.PathOf(SampleFiles.SmallTcx));

        var activity = ActivityReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(tcx)));

        Assert.Equal(85, activity.RecordCount);
    }

    [Fact]
    public void A_gpx_without_a_type_at_running_speed_is_taken_for_a_run_with_cadence_in_steps_per_minute()
    {
        var gpx = File.ReadAllText(SampleFiles.PathOf(SampleFiles.Ns3Gpx));
        var withoutType = System.Text.RegularExpressions.Regex.Replace(gpx, "<type>.*?</type>", "");

        var activity = ActivityReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(withoutType)));
        var summary = ActivityMetrics.SummariseRun(activity);

        Assert.Equal("unknown", activity.Sport);
        Assert.NotNull(summary);
        Assert.InRange(summary.AvgCadenceStepsPerMinute!.Value, 140, 200);
    }
}
