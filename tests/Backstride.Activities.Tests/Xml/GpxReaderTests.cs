namespace Backstride.Activities.Tests.Xml;

public sealed class GpxReaderTests
{
    [Fact]
    public void Read_MarathonGpx_ReadsEveryTrackPoint()
    {
        // Act
        var activity = SampleFiles.Read(SampleFiles.MarathonGpx);

        // Assert
        Assert.Equal(ActivityFormat.Gpx, activity.Format);
        Assert.Equal(2256, activity.RecordCount);
        Assert.Equal(2256, activity.Samples.Length);
        Assert.Empty(activity.Laps);
        Assert.Empty(activity.Warnings);
    }

    [Fact]
    public void Read_MarathonGpx_FirstMidwayAndLastPointsMatchTheFile()
    {
        // Act
        var samples = SampleFiles.Read(SampleFiles.MarathonGpx).Samples;

        // Assert
        var first = samples[0];
        Assert.Equal(new DateTime(2014, 10, 5, 13, 7, 53, DateTimeKind.Utc), first.Time);
        Assert.Equal(DateTimeKind.Utc, first.Time.Kind);
        Assert.Equal(44.97431952506304, first.Latitude);
        Assert.Equal(-93.26310088858008, first.Longitude);
        Assert.Equal(259.2, first.AltitudeMetres, 0.001);
        Assert.Equal(85f, first.HeartRate);
        Assert.True(float.IsNaN(first.CadenceStepsPerMinute)); // this export carries no cadence

        // ggps-py's "#1200" counts from one.
        var midway = samples[1199];
        Assert.Equal(new DateTime(2014, 10, 5, 15, 15, 47, DateTimeKind.Utc), midway.Time);
        Assert.Equal(44.91043584421277, midway.Latitude);
        Assert.Equal(-93.2357053924352, midway.Longitude);
        Assert.Equal(140f, midway.HeartRate);

        var last = samples[^1];
        Assert.Equal(new DateTime(2014, 10, 5, 17, 22, 17, DateTimeKind.Utc), last.Time);
        Assert.Equal(44.95180849917233, last.Latitude);
        Assert.Equal(-93.10493202880025, last.Longitude);
        Assert.Equal(161f, last.HeartRate);
    }

    [Fact]
    public void Read_MarathonGpx_SummarisesTheTrackAsOneSession()
    {
        // Act
        var activity = SampleFiles.Read(SampleFiles.MarathonGpx);

        // Assert
        var session = Assert.Single(activity.Sessions);
        Assert.Equal("unknown", session.Sport); // the export has no <type>
        Assert.Equal(new DateTimeOffset(2014, 10, 5, 13, 7, 53, TimeSpan.Zero), session.Start);
        Assert.Equal(session.Start, activity.Start);
        Assert.Equal(15264.0, session.TotalElapsedTimeSeconds ?? double.NaN, 1e-9);
        Assert.Equal(15264.0, session.TotalTimerTimeSeconds ?? double.NaN, 1e-9);

        // The path through the GPS positions, against the 42,635.45 m the watch measured (the TCX of the same run).
        Assert.Equal(42635.45, session.TotalDistanceMetres ?? double.NaN, 42635.45 * 0.005);
        Assert.Equal(0.0, activity.Samples[0].DistanceMetres);
        Assert.Equal(session.TotalDistanceMetres, activity.Samples[^1].DistanceMetres);

        Assert.Equal(141.1826, activity.RecordMeans.HeartRate ?? double.NaN, 0.0001);
        Assert.Equal(activity.RecordMeans.HeartRate, session.AvgHeartRate);
        Assert.Null(activity.RecordMeans.CadencePerLeg);
    }

    [Fact]
    public void Read_GpxWithNs3Prefix_ReadsHeartRateAndCadenceOfEveryPoint()
    {
        // Act
        var activity = SampleFiles.Read(SampleFiles.Ns3Gpx);

        // Assert
        Assert.Equal("running", activity.Sport);
        Assert.Equal(2177, activity.Samples.Length);
        Assert.Equal(new DateTime(2020, 2, 17, 17, 15, 2, DateTimeKind.Utc), activity.Samples[0].Time);
        Assert.Equal(new DateTime(2020, 2, 17, 20, 6, 28, DateTimeKind.Utc), activity.Samples[^1].Time);
        Assert.All(activity.Samples, sample => Assert.False(float.IsNaN(sample.HeartRate)));
        Assert.All(activity.Samples, sample => Assert.False(float.IsNaN(sample.CadenceStepsPerMinute)));
        Assert.Equal(98f, activity.Samples[0].HeartRate);

        // ns3:cad counts one leg's steps on a run: 57 and 86 in the file are 114 and 172 steps per minute.
        Assert.Equal(114f, activity.Samples[1].CadenceStepsPerMinute);
        Assert.Equal(172f, activity.Samples[^1].CadenceStepsPerMinute);
        Assert.Equal(80.877, activity.RecordMeans.CadencePerLeg ?? double.NaN, 0.001);
        Assert.Equal(activity.RecordMeans.CadencePerLeg, Assert.Single(activity.Sessions).AvgCadencePerLeg);
    }

    [Fact]
    public void Read_GpxWithEveryElement_KeepsOnlyTheTrackPoint()
    {
        // Act
        var activity = SampleFiles.Read(SampleFiles.GpxAllFields);

        // Assert: the two waypoints and five route points, with their times and elevations, are not the run.
        var sample = Assert.Single(activity.Samples);
        Assert.Equal(1, activity.RecordCount);
        Assert.Equal(10.1, sample.Latitude);
        Assert.Equal(-20.2, sample.Longitude);
        Assert.Equal(11.1, sample.AltitudeMetres, 0.0001);
        Assert.Equal(new DateTime(2013, 1, 1, 12, 0, 4, DateTimeKind.Utc), sample.Time); // no zone: GPX times are UTC

        // trk/type, not the <type> of the point or of its links.
        Assert.Equal("t", activity.Sport);
    }

    [Fact]
    public void Read_GpxWithBomAndNoNamespace_ReadsTheWholeTrack()
    {
        // Act
        var activity = SampleFiles.Read(SampleFiles.BomNoNamespaceGpx);

        // Assert
        Assert.Equal(3497, activity.Samples.Length);
        var session = Assert.Single(activity.Sessions);

        // sport-activities-features measures 27,060.58 m with its own haversine.
        Assert.Equal(27060.58, session.TotalDistanceMetres ?? double.NaN, 27060.58 * 0.005);
    }

    [Fact]
    public void Read_ExtensionUnderAnyPrefix_IsMatchedByNamespace()
    {
        // Arrange
        const string xml = """
            <gpx xmlns="http://www.topografix.com/GPX/1/1" xmlns:foo="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
              <trk><type>running</type><trkseg>
                <trkpt lat="45.0" lon="7.0"><time>2020-01-01T00:00:00Z</time>
                  <extensions><foo:TrackPointExtension><foo:hr>150</foo:hr><foo:cad>88</foo:cad></foo:TrackPointExtension></extensions>
                </trkpt>
              </trkseg></trk>
            </gpx>
            """;

        // Act
        var sample = Assert.Single(InlineXml.Read(xml).Samples);

        // Assert
        Assert.Equal(150f, sample.HeartRate);
        Assert.Equal(176f, sample.CadenceStepsPerMinute);
    }

    [Fact]
    public void Read_GarminPrefixBoundToAnotherNamespace_IsNotTakenForGarmins()
    {
        // Arrange: the usual prefix, but not Garmin's namespace.
        const string xml = """
            <gpx xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://example.com/not-garmin">
              <trk><trkseg>
                <trkpt lat="45.0" lon="7.0"><time>2020-01-01T00:00:00Z</time>
                  <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>150</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>
                </trkpt>
              </trkseg></trk>
            </gpx>
            """;

        // Act
        var activity = InlineXml.Read(xml);

        // Assert
        Assert.True(float.IsNaN(Assert.Single(activity.Samples).HeartRate));
        Assert.Null(activity.RecordMeans.HeartRate);
    }

    [Fact]
    public void Read_TrackPointExtensionV2_IsReadLikeV1()
    {
        // Arrange
        const string xml = """
            <gpx xmlns="http://www.topografix.com/GPX/1/1" xmlns:tpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2">
              <trk><trkseg>
                <trkpt lat="45.0" lon="7.0"><time>2020-01-01T00:00:00Z</time>
                  <extensions><tpx:TrackPointExtension><tpx:hr>140</tpx:hr><tpx:speed>3.5</tpx:speed></tpx:TrackPointExtension></extensions>
                </trkpt>
              </trkseg></trk>
            </gpx>
            """;

        // Act
        var sample = Assert.Single(InlineXml.Read(xml).Samples);

        // Assert
        Assert.Equal(140f, sample.HeartRate);
        Assert.Equal(3.5f, sample.SpeedMetresPerSecond);
    }

    [Fact]
    public void Read_SeveralPoints_SummarisesClimbHeartRateAndTime()
    {
        // Arrange
        const string xml = """
            <gpx xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
              <trk><type>running</type><trkseg>
                <trkpt lat="45.0000" lon="7.0"><ele>10</ele><time>2020-01-01T00:00:00Z</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>100</gpxtpx:hr><gpxtpx:cad>80</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>
                <trkpt lat="45.0010" lon="7.0"><ele>12</ele><time>2020-01-01T00:00:10Z</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>110</gpxtpx:hr><gpxtpx:cad>90</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>
              </trkseg><trkseg>
                <trkpt lat="45.0020" lon="7.0"><ele>11</ele><time>2020-01-01T00:00:20Z</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>120</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>
                <trkpt lat="45.0030" lon="7.0"><ele>15</ele><time>2020-01-01T00:00:30Z</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>130</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>
              </trkseg></trk>
            </gpx>
            """;

        // Act
        var activity = InlineXml.Read(xml);

        // Assert
        Assert.Equal(4, activity.Samples.Length);
        var session = Assert.Single(activity.Sessions);
        Assert.Equal("running", session.Sport);
        Assert.Equal(6.0, session.TotalAscentMetres ?? double.NaN, 1e-9); // +2, -1, +4
        Assert.Equal(115.0, session.AvgHeartRate ?? double.NaN, 1e-9);
        Assert.Equal(85.0, session.AvgCadencePerLeg ?? double.NaN, 1e-9);
        Assert.Equal(30.0, session.TotalElapsedTimeSeconds ?? double.NaN, 1e-9);

        // Three steps of 0.001 degree of latitude: 3 × 111.195 m on a 6,371 km sphere.
        Assert.Equal(333.58, session.TotalDistanceMetres ?? double.NaN, 0.01);
        Assert.Equal(111.19, activity.Samples[1].DistanceMetres, 0.01);
        Assert.Equal(11.12, session.AvgSpeedMetresPerSecond ?? double.NaN, 0.01);
    }

    [Fact]
    public void Read_PointWithoutTime_IsCountedButNotKept()
    {
        // Arrange
        const string xml = """
            <gpx xmlns="http://www.topografix.com/GPX/1/1">
              <trk><trkseg>
                <trkpt lat="45.0" lon="7.0"><time>2020-01-01T00:00:00Z</time></trkpt>
                <trkpt lat="45.1" lon="7.0"><ele>300</ele></trkpt>
                <trkpt lat="45.2" lon="7.0"/>
                <trkpt lat="45.3" lon="7.0"><time>2020-01-01T00:01:00Z</time></trkpt>
              </trkseg></trk>
            </gpx>
            """;

        // Act
        var activity = InlineXml.Read(xml);

        // Assert
        Assert.Equal(4, activity.RecordCount);
        Assert.Equal(2, activity.Samples.Length);
        Assert.Equal(45.3, activity.Samples[1].Latitude);
        Assert.Contains("2 of the 4 track points have no time", Assert.Single(activity.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StravaTypeCode9_IsRunning()
    {
        // Arrange
        const string xml = """
            <gpx xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
              <trk><type>9</type><trkseg>
                <trkpt lat="45.0" lon="7.0"><time>2020-01-01T00:00:00Z</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:cad>85</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>
              </trkseg></trk>
            </gpx>
            """;

        // Act
        var activity = InlineXml.Read(xml);

        // Assert
        Assert.Equal("running", activity.Sport);
        Assert.Equal(170f, Assert.Single(activity.Samples).CadenceStepsPerMinute);
    }

    [Fact]
    public void Read_CyclingTrack_KeepsCadenceAsWritten()
    {
        // Arrange
        const string xml = """
            <gpx xmlns="http://www.topografix.com/GPX/1/1" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
              <trk><type>Cycling</type><trkseg>
                <trkpt lat="45.0" lon="7.0"><time>2020-01-01T00:00:00Z</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:cad>85</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>
              </trkseg></trk>
            </gpx>
            """;

        // Act
        var activity = InlineXml.Read(xml);

        // Assert: a crank's revolutions are not one leg's steps.
        Assert.Equal("cycling", activity.Sport);
        Assert.Equal(85f, Assert.Single(activity.Samples).CadenceStepsPerMinute);
        Assert.Equal(85.0, activity.RecordMeans.CadencePerLeg ?? double.NaN, 1e-9);
        Assert.Null(Assert.Single(activity.Sessions).AvgCadencePerLeg);
    }

    [Fact]
    public void Read_Gpx10Namespace_IsAccepted()
    {
        // Arrange
        const string xml = """
            <gpx xmlns="http://www.topografix.com/GPX/1/0" version="1.0">
              <trk><trkseg>
                <trkpt lat="45.0" lon="7.0"><ele>200.5</ele><time>2020-01-01T00:00:00Z</time><speed>2.5</speed></trkpt>
              </trkseg></trk>
            </gpx>
            """;

        // Act
        var sample = Assert.Single(InlineXml.Read(xml).Samples);

        // Assert
        Assert.Equal(200.5f, sample.AltitudeMetres);
        Assert.Equal(2.5f, sample.SpeedMetresPerSecond);
    }

    [Fact]
    public void Read_GpxWithoutTrackPoints_IsNoActivity()
    {
        // Arrange: a waypoint and a route are places, not a run.
        const string xml = """
            <gpx xmlns="http://www.topografix.com/GPX/1/1">
              <wpt lat="45.0" lon="7.0"><time>2020-01-01T00:00:00Z</time></wpt>
              <rte><rtept lat="45.0" lon="7.0"><time>2020-01-01T00:00:00Z</time></rtept></rte>
              <trk><trkseg></trkseg></trk>
            </gpx>
            """;

        // Act
        var ex = InlineXml.ReadFails(xml);

        // Assert
        Assert.Equal(ActivityFileProblem.NoActivity, ex.Problem);
        Assert.Equal("The file holds no track points.", ex.Message);
    }
}
