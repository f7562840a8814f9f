namespace Backstride.Activities.Tests.Xml;

public sealed class TcxReaderTests
{
    private static readonly DateTime MarathonStart = new(2014, 10, 5, 13, 7, 53, DateTimeKind.Utc);

    [Fact]
    public void Read_MarathonTcx_ReadsEveryTrackpoint()
    {
        // Act
        var activity = SampleFiles.Read(SampleFiles.MarathonTcx);

        // Assert
        Assert.Equal(ActivityFormat.Tcx, activity.Format);
        Assert.Equal("running", activity.Sport);
        Assert.Equal(2256, activity.RecordCount);
        Assert.Equal(2256, activity.Samples.Length);
        Assert.Empty(activity.Warnings);
    }

    [Fact]
    public void Read_MarathonTcx_FirstTrackpointMatchesTheFile()
    {
        // Act
        var first = SampleFiles.Read(SampleFiles.MarathonTcx).Samples[0];

        // Assert
        Assert.Equal(MarathonStart, first.Time);
        Assert.Equal(DateTimeKind.Utc, first.Time.Kind);
        Assert.Equal(44.97431952506304, first.Latitude);
        Assert.Equal(-93.26310088858008, first.Longitude);
        Assert.Equal(259.2, first.AltitudeMetres, 0.001);
        Assert.Equal(0.0, first.DistanceMetres);
        Assert.Equal(85f, first.HeartRate);
        Assert.Equal(178f, first.CadenceStepsPerMinute); // RunCadence 89 counts one leg
        Assert.Equal(0f, first.SpeedMetresPerSecond);
    }

    [Fact]
    public void Read_MarathonTcx_MidwayAndLastTrackpointsMatchTheFile()
    {
        // Act
        var samples = SampleFiles.Read(SampleFiles.MarathonTcx).Samples;

        // Assert: ggps-py's "#1200" counts from one.
        var midway = samples[1199];
        Assert.Equal(new DateTime(2014, 10, 5, 15, 15, 47, DateTimeKind.Utc), midway.Time);
        Assert.Equal(21266.9296875, midway.DistanceMetres);

        var last = samples[^1];
        Assert.Equal(new DateTime(2014, 10, 5, 17, 22, 17, DateTimeKind.Utc), last.Time);
        Assert.Equal(42635.44921875, last.DistanceMetres);
        Assert.Equal(161f, last.HeartRate);
        Assert.Equal(154f, last.CadenceStepsPerMinute); // RunCadence 77
    }

    [Fact]
    public void Read_MarathonTcx_SessionAddsUpTheLaps()
    {
        // Act
        var activity = SampleFiles.Read(SampleFiles.MarathonTcx);

        // Assert
        Assert.Equal(27, activity.Laps.Count);
        var session = Assert.Single(activity.Sessions);
        Assert.Equal("running", session.Sport);
        Assert.Equal(new DateTimeOffset(MarathonStart), session.Start);
        Assert.Equal(session.Start, activity.Start);
        Assert.Equal(42635.45, session.TotalDistanceMetres ?? double.NaN, 0.01);
        Assert.Equal(15264.153, session.TotalTimerTimeSeconds ?? double.NaN, 0.001);
        Assert.Equal(15264.0, session.TotalElapsedTimeSeconds ?? double.NaN, 1e-9);
        Assert.Equal(141.1826, session.AvgHeartRate ?? double.NaN, 0.0001);
        Assert.Equal(activity.RecordMeans.CadencePerLeg, session.AvgCadencePerLeg);
    }

    [Fact]
    public void Read_MarathonTcx_FirstLapMatchesTheFile()
    {
        // Act
        var lap = SampleFiles.Read(SampleFiles.MarathonTcx).Laps[0];

        // Assert
        Assert.Equal(new DateTimeOffset(MarathonStart), lap.Start);
        Assert.Equal(1609.35, lap.DistanceMetres ?? double.NaN, 1e-9);
        Assert.Equal(534.797, lap.TimerTimeSeconds ?? double.NaN, 1e-9);
        Assert.Equal(3.009000062942505, lap.AvgSpeedMetresPerSecond ?? double.NaN, 1e-12); // from the LX extension
    }

    [Fact]
    public void Read_SmallTcx_KeepsPointsWithMissingFields()
    {
        // Act
        var activity = SampleFiles.Read(SampleFiles.SmallTcx);

        // Assert
        Assert.Equal(85, activity.Samples.Length);
        Assert.Equal(69, activity.Samples.Count(sample => sample.HasPosition));
        Assert.Equal(82, activity.Samples.Count(sample => !float.IsNaN(sample.AltitudeMetres)));
        var lap = Assert.Single(activity.Laps);
        Assert.Equal(1403.45, lap.DistanceMetres ?? double.NaN, 1e-9);
        Assert.Equal(877.852, lap.TimerTimeSeconds ?? double.NaN, 1e-9);
        Assert.Equal(110f, activity.Samples[^1].CadenceStepsPerMinute); // ns3:RunCadence 55
    }

    [Fact]
    public void Read_TcxParserSample_MatchesPythonTcxparser()
    {
        // Act
        var activity = SampleFiles.Read(SampleFiles.TcxParserTest);

        // Assert
        Assert.Equal(384, activity.Samples.Length);
        Assert.Equal(3, activity.Laps.Count);
        var session = Assert.Single(activity.Sessions);
        Assert.Equal(new DateTimeOffset(2012, 12, 26, 21, 29, 53, TimeSpan.Zero), activity.Start);
        Assert.Equal(new DateTime(2012, 12, 26, 22, 3, 5, DateTimeKind.Utc), activity.Samples[^1].Time);
        Assert.Equal(1992.78, session.TotalTimerTimeSeconds ?? double.NaN, 1e-6);
        Assert.Equal(1992.0, session.TotalElapsedTimeSeconds ?? double.NaN, 1e-9);

        // python-tcxparser's 4,686.31 m is the last trackpoint's distance; the three laps the watch closed add up
        // to 4,689.24 m, and the session takes the laps, as the watch showed them.
        Assert.Equal(4686.31103516, activity.Samples.Last(sample => !double.IsNaN(sample.DistanceMetres)).DistanceMetres, 1e-6);
        Assert.Equal(4689.24267578, session.TotalDistanceMetres ?? double.NaN, 1e-6);

        Assert.Equal(62f, activity.Samples[0].HeartRate);
        Assert.Equal(180f, activity.Samples.Last(sample => !float.IsNaN(sample.HeartRate)).HeartRate);
        Assert.InRange(session.AvgHeartRate ?? double.NaN, 155.0, 157.0);

        // Summing every rise, unsmoothed, gives python-tcxparser's figure on this file.
        Assert.Equal(153.80981445, session.TotalAscentMetres ?? double.NaN, 1e-6);
    }

    [Fact]
    public void Read_TwoActivities_ReadsTheFirstAndWarns()
    {
        // Arrange
        const string xml = """
            <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
              <Activities>
                <Activity Sport="Biking">
                  <Id>2021-05-01T08:00:00Z</Id>
                  <Lap StartTime="2021-05-01T08:00:00Z">
                    <TotalTimeSeconds>60</TotalTimeSeconds>
                    <DistanceMeters>500</DistanceMeters>
                    <Track>
                      <Trackpoint><Time>2021-05-01T08:00:00Z</Time><Cadence>80</Cadence></Trackpoint>
                      <Trackpoint><Time>2021-05-01T08:01:00Z</Time><Cadence>90</Cadence></Trackpoint>
                    </Track>
                  </Lap>
                </Activity>
                <Activity Sport="Running">
                  <Id>2021-05-02T08:00:00Z</Id>
                  <Lap StartTime="2021-05-02T08:00:00Z">
                    <Track><Trackpoint><Time>2021-05-02T08:00:00Z</Time></Trackpoint></Track>
                  </Lap>
                </Activity>
              </Activities>
            </TrainingCenterDatabase>
            """;

        // Act
        var activity = InlineXml.Read(xml);

        // Assert
        Assert.Equal("cycling", activity.Sport);
        Assert.Equal(new DateTimeOffset(2021, 5, 1, 8, 0, 0, TimeSpan.Zero), activity.Start);
        Assert.Equal(2, activity.RecordCount);
        Assert.Equal(2, activity.Samples.Length);
        Assert.Single(activity.Laps);
        Assert.Equal(500.0, Assert.Single(activity.Sessions).TotalDistanceMetres ?? double.NaN, 1e-9);
        Assert.Contains("2 activities", Assert.Single(activity.Warnings), StringComparison.Ordinal);

        // A bike's cadence is crank revolutions, not one leg's steps.
        Assert.Equal(80f, activity.Samples[0].CadenceStepsPerMinute);
    }

    [Fact]
    public void Read_ExtensionUnderAnyPrefix_IsMatchedByNamespace()
    {
        // Arrange: the trackpoints carry no DistanceMeters, so the distance comes from the positions.
        const string xml = """
            <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" xmlns:ax="http://www.garmin.com/xmlschemas/ActivityExtension/v2" xmlns:other="http://example.com/other">
              <Activities>
                <Activity Sport="Running">
                  <Id>2021-05-01T08:00:00Z</Id>
                  <Lap StartTime="2021-05-01T08:00:00Z">
                    <Track>
                      <Trackpoint>
                        <Time>2021-05-01T08:00:00Z</Time>
                        <Position><LatitudeDegrees>45.000</LatitudeDegrees><LongitudeDegrees>7.0</LongitudeDegrees></Position>
                        <HeartRateBpm><Value>140</Value></HeartRateBpm>
                        <Extensions><ax:TPX><ax:RunCadence>85</ax:RunCadence><ax:Speed>3.25</ax:Speed></ax:TPX></Extensions>
                      </Trackpoint>
                      <Trackpoint>
                        <Time>2021-05-01T08:00:30Z</Time>
                        <Position><LatitudeDegrees>45.001</LatitudeDegrees><LongitudeDegrees>7.0</LongitudeDegrees></Position>
                        <Extensions><other:TPX><other:RunCadence>99</other:RunCadence></other:TPX></Extensions>
                      </Trackpoint>
                    </Track>
                  </Lap>
                </Activity>
              </Activities>
            </TrainingCenterDatabase>
            """;

        // Act
        var activity = InlineXml.Read(xml);

        // Assert
        var first = activity.Samples[0];
        Assert.Equal(140f, first.HeartRate);
        Assert.Equal(170f, first.CadenceStepsPerMinute);
        Assert.Equal(3.25f, first.SpeedMetresPerSecond);
        Assert.True(float.IsNaN(activity.Samples[1].CadenceStepsPerMinute)); // not Garmin's namespace
        Assert.Equal(111.19, activity.Samples[1].DistanceMetres, 0.01);
        Assert.Equal(111.19, Assert.Single(activity.Sessions).TotalDistanceMetres ?? double.NaN, 0.01);
    }

    [Fact]
    public void Read_TcxWithoutActivities_IsNoActivity()
    {
        // Arrange: a course is a planned route, not a run.
        const string xml = """
            <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
              <Courses><Course><Name>Loop</Name><Track><Trackpoint><Time>2021-05-01T08:00:00Z</Time></Trackpoint></Track></Course></Courses>
            </TrainingCenterDatabase>
            """;

        // Act
        var ex = InlineXml.ReadFails(xml);

        // Assert
        Assert.Equal(ActivityFileProblem.NoActivity, ex.Problem);
    }
}
