using System.IO.Compression;
using System.Text;
using Backstride.Activities.Xml;

namespace Backstride.Activities.Tests.Xml;

public sealed class XmlActivityReaderTests
{
    [Fact]
    public void Read_EveryValidSample_YieldsSamplesAndOneSession()
    {
        foreach (var file in SampleFiles.ValidXml)
        {
            // Act
            var activity = SampleFiles.Read(file);

            // Assert
            Assert.NotEmpty(activity.Samples);
            Assert.Single(activity.Sessions);
            Assert.Equal(activity.Sessions[0].Start, activity.Start);
        }
    }

    [Fact]
    public void Read_MarathonGpxAndTcx_AgreePointByPoint()
    {
        // Act: the same run exported twice by Garmin Connect.
        var gpx = SampleFiles.Read(SampleFiles.MarathonGpx).Samples;
        var tcx = SampleFiles.Read(SampleFiles.MarathonTcx).Samples;

        // Assert
        Assert.Equal(tcx.Length, gpx.Length);
        for (var i = 0; i < tcx.Length; i++)
        {
            Assert.Equal(tcx[i].Time, gpx[i].Time);
            Assert.Equal(tcx[i].Latitude, gpx[i].Latitude, 1e-9);
            Assert.Equal(tcx[i].Longitude, gpx[i].Longitude, 1e-9);
            Assert.Equal(tcx[i].HeartRate, gpx[i].HeartRate);
        }
    }

    [Fact]
    public void Read_GzippedGpx_ReadsLikeThePlainFile()
    {
        // Arrange: Strava exports .gpx.gz; the XML then arrives through a stream that cannot seek.
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(SampleFiles.Bytes(SampleFiles.Ns3Gpx));
        }
        compressed.Position = 0;

        // Act
        var activity = ActivityReader.Read(compressed);

        // Assert
        Assert.Equal(ActivityFormat.Gpx, activity.Format);
        Assert.Equal(2177, activity.Samples.Length);
    }

    [Fact]
    public void Read_Stream_IsLeftOpenForTheCaller()
    {
        // Arrange
        using var stream = File.OpenRead(SampleFiles.PathOf(SampleFiles.SmallTcx));

        // Act
        var activity = XmlActivityReader.Read(stream, ActivityReadLimits.Default);

        // Assert
        Assert.Equal(85, activity.Samples.Length);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public void Read_Dtd_IsCorrupt()
    {
        // Arrange: entities are how "billion laughs" and external-file attacks start.
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE gpx [<!ENTITY x "y">]>
            <gpx xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg><trkpt lat="1" lon="2"><time>2020-01-01T00:00:00Z</time><name>&x;</name></trkpt></trkseg></trk></gpx>
            """;

        // Act
        var ex = InlineXml.ReadFails(xml);

        // Assert
        Assert.Equal(ActivityFileProblem.Corrupt, ex.Problem);
        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MismatchedEndTag_IsCorruptOnItsLine()
    {
        // Arrange: trkpt is never closed; line 4 ends trkseg instead.
        const string xml = """
            <gpx xmlns="http://www.topografix.com/GPX/1/1">
              <trk><trkseg>
                <trkpt lat="1" lon="2"><time>2020-01-01T00:00:00Z</time>
              </trkseg></trk>
            </gpx>
            """;

        // Act
        var ex = InlineXml.ReadFails(xml);

        // Assert
        Assert.Equal(ActivityFileProblem.Corrupt, ex.Problem);
        Assert.Equal(4, ex.Line);
        Assert.StartsWith("Line 4:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("trkpt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedFile_IsCorrupt()
    {
        // Arrange
        const string xml = """
            <gpx xmlns="http://www.topografix.com/GPX/1/1">
              <trk><trkseg>
                <trkpt lat="1" lon="2"><time>2020-01-01T00:00:00Z</time></trkpt>
            """;

        // Act
        var ex = InlineXml.ReadFails(xml);

        // Assert
        Assert.Equal(ActivityFileProblem.Corrupt, ex.Problem);
        Assert.NotNull(ex.InnerException);
    }

    [Fact]
    public void Read_NestingDeeperThanTheLimit_IsTooLarge()
    {
        // Arrange
        var xml = """<gpx xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg><trkpt lat="1" lon="2"><extensions>"""
            + string.Concat(Enumerable.Repeat("<a>", 100))
            + string.Concat(Enumerable.Repeat("</a>", 100))
            + "</extensions></trkpt></trkseg></trk></gpx>";
        var limits = new ActivityReadLimits { MaxXmlDepth = 64 };

        // Act
        var ex = InlineXml.ReadFails(xml, limits);

        // Assert
        Assert.Equal(ActivityFileProblem.TooLarge, ex.Problem);
        Assert.Equal(1, ex.Line);
        Assert.Contains("64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NestingWithinTheLimit_IsRead()
    {
        // Arrange: 20 levels of someone's extension are odd but harmless.
        var xml = """<gpx xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg><trkpt lat="1" lon="2"><time>2020-01-01T00:00:00Z</time><extensions>"""
            + string.Concat(Enumerable.Repeat("<a>", 20))
            + string.Concat(Enumerable.Repeat("</a>", 20))
            + "</extensions></trkpt></trkseg></trk></gpx>";

        // Act
        var activity = InlineXml.Read(xml);

        // Assert
        Assert.Single(activity.Samples);
    }

    [Fact]
    public void Read_HtmlPage_IsUnknownFormat()
    {
        // Arrange: what a download link gives when the session has expired.
        const string xml = "<html><body>Please sign in</body></html>";

        // Act
        var ex = InlineXml.ReadFails(xml);

        // Assert
        Assert.Equal(ActivityFileProblem.UnknownFormat, ex.Problem);
        Assert.Contains("'html'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GpxRootInAnotherNamespace_IsUnknownFormat()
    {
        // Arrange
        const string xml = """<gpx xmlns="http://example.com/not-gpx"><trk/></gpx>""";

        // Act
        var ex = InlineXml.ReadFails(xml);

        // Assert
        Assert.Equal(ActivityFileProblem.UnknownFormat, ex.Problem);
        Assert.Contains("http://example.com/not-gpx", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LatitudeThatIsNotANumber_IsCorruptOnItsLine()
    {
        // Arrange
        const string xml = """
            <gpx xmlns="http://www.topografix.com/GPX/1/1">
              <trk><trkseg>
                <trkpt lat="abc" lon="2"><time>2020-01-01T00:00:00Z</time></trkpt>
              </trkseg></trk>
            </gpx>
            """;

        // Act
        var ex = InlineXml.ReadFails(xml);

        // Assert
        Assert.Equal(ActivityFileProblem.Corrupt, ex.Problem);
        Assert.Equal(3, ex.Line);
        Assert.Equal("Line 3: 'abc' in the lat of <trkpt> is not a number.", ex.Message);
    }

    [Fact]
    public void Read_LatitudeBeyondThePole_IsCorrupt()
    {
        // Arrange
        const string xml = """
            <gpx xmlns="http://www.topografix.com/GPX/1/1">
              <trk><trkseg>
                <trkpt lat="91.5" lon="2"><time>2020-01-01T00:00:00Z</time></trkpt>
              </trkseg></trk>
            </gpx>
            """;

        // Act
        var ex = InlineXml.ReadFails(xml);

        // Assert
        Assert.Equal(ActivityFileProblem.Corrupt, ex.Problem);
        Assert.Equal(3, ex.Line);
        Assert.Contains("'91.5'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DecimalComma_IsCorruptNotAThousandfoldValue()
    {
        // Arrange: a number written in a European culture.
        const string xml = """
            <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
              <Activities><Activity Sport="Running"><Lap StartTime="2021-05-01T08:00:00Z"><Track><Trackpoint>
                <Time>2021-05-01T08:00:00Z</Time>
                <AltitudeMeters>12,5</AltitudeMeters>
              </Trackpoint></Track></Lap></Activity></Activities>
            </TrainingCenterDatabase>
            """;

        // Act
        var ex = InlineXml.ReadFails(xml);

        // Assert
        Assert.Equal(ActivityFileProblem.Corrupt, ex.Problem);
        Assert.Equal(4, ex.Line);
        Assert.Equal("Line 4: '12,5' in <AltitudeMeters> is not a number.", ex.Message);
    }

    [Fact]
    public void Read_TimeThatIsNotATime_IsCorrupt()
    {
        // Arrange
        const string xml = """
            <gpx xmlns="http://www.topografix.com/GPX/1/1">
              <trk><trkseg>
                <trkpt lat="1" lon="2"><time>yesterday</time></trkpt>
              </trkseg></trk>
            </gpx>
            """;

        // Act
        var ex = InlineXml.ReadFails(xml);

        // Assert
        Assert.Equal(ActivityFileProblem.Corrupt, ex.Problem);
        Assert.Equal("Line 3: 'yesterday' in <time> is not a date and time.", ex.Message);
    }

    [Fact]
    public void Read_ValueLongerThanAnyNumber_IsCorrupt()
    {
        // Arrange
        var xml = """<gpx xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg><trkpt lat="1" lon="2"><ele>"""
            + new string('1', 5000)
            + "</ele></trkpt></trkseg></trk></gpx>";

        // Act
        var ex = InlineXml.ReadFails(xml);

        // Assert
        Assert.Equal(ActivityFileProblem.Corrupt, ex.Problem);
    }

    [Fact]
    public void Read_InvalidUtf8_IsCorrupt()
    {
        // Arrange: a GPX whose name holds a byte that UTF-8 does not allow.
        var bytes = Encoding.UTF8.GetBytes("""<gpx xmlns="http://www.topografix.com/GPX/1/1"><trk><name>#</name></trk></gpx>""");
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xFF;
        using var stream = new MemoryStream(bytes);

        // Act
        var ex = Assert.Throws<ActivityFileException>(() => ActivityReader.Read(stream));

        // Assert
        Assert.Equal(ActivityFileProblem.Corrupt, ex.Problem);
    }
}
