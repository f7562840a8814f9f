namespace Backstride.Activities.Tests.Metrics;

public sealed class ActivityMetricsTests
{
    private static readonly DateTime StartTime = new(2026, 5, 2, 7, 0, 0, DateTimeKind.Utc);

    private static ActivitySample At(double seconds) => ActivitySample.Empty(StartTime.AddSeconds(seconds));

    /// <summary>One sample a second at a steady 3 m/s, with distance, for <paramref name="count"/> seconds from <paramref name="from"/>.</summary>
    private static IEnumerable<ActivitySample> Steady(double from, int count, double metresBefore = 0)
    {
        for (var i = 0; i < count; i++)
        {
            yield return At(from + i) with
            {
                SpeedMetresPerSecond = 3f,
                DistanceMetres = metresBefore + 3.0 * i,
                HeartRate = 150f,
                CadenceStepsPerMinute = 170f,
            };
        }
    }

    private static Activity ActivityOf(IEnumerable<ActivitySample> samples, string sport = "running",
        params ActivitySession[] sessions)
    {
        var array = samples.ToArray();
        return new Activity
        {
            Format = ActivityFormat.Fit,
            Sport = sport,
            Start = new DateTimeOffset(array.Length > 0 ? array[0].Time : StartTime),
            RecordCount = array.Length,
            Sessions = sessions,
            Laps = [],
            Samples = array,
            RecordMeans = new RecordMeans(),
        };
    }

    [Theory]
    [InlineData("running")]
    [InlineData("Running")]
    [InlineData("run")]
    [InlineData("trail_running")]
    [InlineData("treadmill_running")]
    [InlineData("virtual_run")]
    [InlineData("Trail Run")]
    [InlineData(" RUNNING ")]
    public void IsRunning_RunningAndItsVariants_True(string sport)
    {
        // Act
        var running = ActivityMetrics.IsRunning(sport);

        // Assert
        Assert.True(running);
    }

    [Theory]
    [InlineData("cycling")]
    [InlineData("swimming")]
    [InlineData("transition")]
    [InlineData("walking")]
    [InlineData("unknown")]
    [InlineData("")]
    [InlineData("runningish")]
    public void IsRunning_OtherSports_False(string sport)
    {
        // Act
        var running = ActivityMetrics.IsRunning(sport);

        // Assert
        Assert.False(running);
    }

    [Fact]
    public void SummariseRun_CyclingActivity_IsNull()
    {
        // Arrange
        var ride = ActivityOf(Steady(0, 60), sport: "cycling");

        // Act
        var summary = ActivityMetrics.SummariseRun(ride);

        // Assert
        Assert.Null(summary);
    }

    [Fact]
    public void SummariseRun_NoStart_IsNull()
    {
        // Arrange: a file with neither a session start nor sample times that mean a date.
        var run = new Activity
        {
            Format = ActivityFormat.Fit,
            Sport = "running",
            Start = null,
            RecordCount = 0,
            Sessions = [],
            Laps = [],
            Samples = [],
            RecordMeans = new RecordMeans(),
        };

        // Act
        var summary = ActivityMetrics.SummariseRun(run);

        // Assert
        Assert.Null(summary);
    }

    [Fact]
    public void SummariseRun_SteadyRunWithoutSession_TotalsFromSamples()
    {
        // Arrange: 10 minutes at 3 m/s.
        var run = ActivityOf(Steady(0, 601));

        // Act
        var summary = Assert.IsType<ActivitySummary>(ActivityMetrics.SummariseRun(run));

        // Assert
        Assert.Equal(new DateTimeOffset(StartTime), summary.Start);
        Assert.Equal(1800.0, summary.DistanceMetres, precision: 6);
        Assert.Equal(TimeSpan.FromMinutes(10), summary.ElapsedTime);
        Assert.Equal(TimeSpan.FromMinutes(10), summary.MovingTime);
        Assert.Equal(150.0, summary.AvgHeartRate);
        Assert.Equal(170.0, summary.AvgCadenceStepsPerMinute);
        Assert.Null(summary.ElevationGainMetres);
        Assert.Null(summary.AvgPowerWatts);
    }

    [Fact]
    public void SummariseRun_PauseLongerThan30Seconds_LeftOutOfMovingTime()
    {
        // Arrange: 600 s of running, a 2-minute auto-pause (no samples), 600 s more.
        var samples = Steady(0, 600).Concat(Steady(599 + 120, 600, metresBefore: 1797));
        var run = ActivityOf(samples);

        // Act
        var summary = Assert.IsType<ActivitySummary>(ActivityMetrics.SummariseRun(run));

        // Assert: 599 + 599 one-second intervals moving; the 120 s gap is not.
        Assert.Equal(TimeSpan.FromSeconds(1318), summary.ElapsedTime);
        Assert.Equal(TimeSpan.FromSeconds(1198), summary.MovingTime);
    }

    [Fact]
    public void SummariseRun_StandingAtALight_LeftOutOfMovingTimeAndCadence()
    {
        // Arrange: 300 s running, 60 s standing (speed 0, cadence 0, still recording), 300 s running.
        var samples = Enumerable.Range(0, 660).Select(i =>
        {
            var standing = i is >= 300 and < 360;
            return At(i) with
            {
                SpeedMetresPerSecond = standing ? 0f : 3f,
                CadenceStepsPerMinute = standing ? 0f : 170f,
            };
        });
        var run = ActivityOf(samples);

        // Act
        var summary = Assert.IsType<ActivitySummary>(ActivityMetrics.SummariseRun(run));

        // Assert: intervals ending at seconds 1–299 and 360–659 are moving.
        Assert.Equal(TimeSpan.FromSeconds(659), summary.ElapsedTime);
        Assert.Equal(TimeSpan.FromSeconds(599), summary.MovingTime);
        Assert.Equal(170.0, summary.AvgCadenceStepsPerMinute);
    }

    [Fact]
    public void SummariseRun_DistanceButNoSpeed_MovingFromDistanceDeltas()
    {
        // Arrange: 100 s moving 3 m each second, then 50 s without moving, all without a speed field.
        var samples = Enumerable.Range(0, 151).Select(i => At(i) with { DistanceMetres = 3.0 * Math.Min(i, 100) });
        var run = ActivityOf(samples);

        // Act
        var summary = Assert.IsType<ActivitySummary>(ActivityMetrics.SummariseRun(run));

        // Assert
        Assert.Equal(300.0, summary.DistanceMetres);
        Assert.Equal(TimeSpan.FromSeconds(100), summary.MovingTime);
    }

    [Fact]
    public void SummariseRun_NoSpeedDistanceOrPosition_MovingIsTheSessionTimerTime()
    {
        // Arrange: a treadmill file with heart rate only.
        var samples = Enumerable.Range(0, 1801).Select(i => At(i) with { HeartRate = 140f });
        var session = new ActivitySession
        {
            Sport = "running",
            SubSport = "treadmill",
            Start = new DateTimeOffset(StartTime),
            TotalElapsedTimeSeconds = 1800,
            TotalTimerTimeSeconds = 1700,
            TotalDistanceMetres = 5000,
        };
        var run = ActivityOf(samples, "running", session);

        // Act
        var summary = Assert.IsType<ActivitySummary>(ActivityMetrics.SummariseRun(run));

        // Assert
        Assert.Equal(5000.0, summary.DistanceMetres);
        Assert.Equal(TimeSpan.FromSeconds(1800), summary.ElapsedTime);
        Assert.Equal(TimeSpan.FromSeconds(1700), summary.MovingTime);
    }

    [Fact]
    public void SummariseRun_PositionsOnly_DistanceAlongTheTrack()
    {
        // Arrange: a GPX-like track due north, 0.001° (about 111.2 m) every 30 s, ten steps.
        var samples = Enumerable.Range(0, 11).Select(i => At(30.0 * i) with
        {
            Latitude = 45.0 + 0.001 * i,
            Longitude = 7.0,
        });
        var run = ActivityOf(samples, sport: "run");

        // Act
        var summary = Assert.IsType<ActivitySummary>(ActivityMetrics.SummariseRun(run));

        // Assert: ten steps of 111.195 m at 3.7 m/s, each interval within the 30 s gap.
        Assert.InRange(summary.DistanceMetres, 1111.0, 1113.0);
        Assert.Equal(TimeSpan.FromSeconds(300), summary.MovingTime);
    }

    [Fact]
    public void SummariseRun_AltitudeNoiseOnTheFlat_NoClimb()
    {
        // Arrange: a flat run whose altitude wobbles ±1.25 m, as barometers do.
        var samples = Enumerable.Range(0, 600).Select(i => At(i) with
        {
            SpeedMetresPerSecond = 3f,
            AltitudeMetres = 100f + (i % 4 < 2 ? 1.25f : -1.25f),
        });
        var run = ActivityOf(samples);

        // Act
        var summary = Assert.IsType<ActivitySummary>(ActivityMetrics.SummariseRun(run));

        // Assert
        Assert.Equal(0.0, summary.ElevationGainMetres);
    }

    [Fact]
    public void SummariseRun_TwoHills_CountsBothClimbs()
    {
        // Arrange: up 20 m, down 20 m, up 10 m, down 10 m, half a metre a second.
        var profile = new List<float>();
        for (var i = 0; i <= 40; i++) profile.Add(100f + 0.5f * i);
        for (var i = 1; i <= 40; i++) profile.Add(120f - 0.5f * i);
        for (var i = 1; i <= 20; i++) profile.Add(100f + 0.5f * i);
        for (var i = 1; i <= 20; i++) profile.Add(110f - 0.5f * i);
        var samples = profile.Select((altitude, i) => At(i) with { SpeedMetresPerSecond = 3f, AltitudeMetres = altitude });
        var run = ActivityOf(samples);

        // Act
        var summary = Assert.IsType<ActivitySummary>(ActivityMetrics.SummariseRun(run));

        // Assert
        Assert.Equal(30.0, Assert.NotNull(summary.ElevationGainMetres), precision: 6);
    }

    [Fact]
    public void SummariseRun_SessionStatesAscent_TakesTheSessionsAscent()
    {
        // Arrange
        var samples = Enumerable.Range(0, 100).Select(i => At(i) with { SpeedMetresPerSecond = 3f, AltitudeMetres = 100f + i });
        var session = new ActivitySession { Sport = "running", Start = new DateTimeOffset(StartTime), TotalAscentMetres = 87 };
        var run = ActivityOf(samples, "running", session);

        // Act
        var summary = Assert.IsType<ActivitySummary>(ActivityMetrics.SummariseRun(run));

        // Assert
        Assert.Equal(87.0, summary.ElevationGainMetres);
    }

    [Fact]
    public void SummariseRun_SessionStatesAverages_PrefersThemAndDoublesCadencePerLeg()
    {
        // Arrange: the samples say otherwise; the session is what the watch showed.
        var samples = Steady(0, 120).Select(s => s with
        {
            VerticalOscillationMm = 90f,
            GroundContactTimeMs = 260f,
            VerticalRatioPercent = 8f,
            StepLengthMm = 1000f,
            PowerWatts = 250f,
        });
        var session = new ActivitySession
        {
            Sport = "running",
            Start = new DateTimeOffset(StartTime),
            TotalTimerTimeSeconds = 119,
            AvgHeartRate = 152,
            AvgCadencePerLeg = 83,
            AvgVerticalOscillationMm = 76.2,
            AvgStanceTimeMs = 270.3,
            AvgVerticalRatioPercent = 7.42,
            AvgStepLengthMm = 971.7,
        };
        var run = ActivityOf(samples, "running", session);

        // Act
        var summary = Assert.IsType<ActivitySummary>(ActivityMetrics.SummariseRun(run));

        // Assert
        Assert.Equal(152.0, summary.AvgHeartRate);
        Assert.Equal(166.0, summary.AvgCadenceStepsPerMinute);
        Assert.Equal(76.2, summary.AvgVerticalOscillationMm);
        Assert.Equal(270.3, summary.AvgGroundContactTimeMs);
        Assert.Equal(7.42, summary.AvgVerticalRatioPercent);
        Assert.Equal(971.7, summary.AvgStepLengthMm);
        Assert.Equal(250.0, summary.AvgPowerWatts);
    }

    [Fact]
    public void SummariseRun_SessionWithoutAverages_MeansOfTheSamplesThatCarryThem()
    {
        // Arrange: vertical oscillation on every other sample only.
        var samples = Steady(0, 100).Select((s, i) => s with { VerticalOscillationMm = i % 2 == 0 ? 80f : float.NaN });
        var session = new ActivitySession { Sport = "running", Start = new DateTimeOffset(StartTime) };
        var run = ActivityOf(samples, "running", session);

        // Act
        var summary = Assert.IsType<ActivitySummary>(ActivityMetrics.SummariseRun(run));

        // Assert
        Assert.Equal(80.0, summary.AvgVerticalOscillationMm);
        Assert.Equal(150.0, summary.AvgHeartRate);
        Assert.Null(summary.AvgGroundContactTimeMs);
    }

    [Fact]
    public void SummariseRun_Triathlon_TakesOnlyTheRunningSession()
    {
        // Arrange: swim, transition, bike, transition, run; the bike leg's heart rate is lower.
        var swimStart = StartTime;
        var bikeStart = StartTime.AddMinutes(32);
        var runStart = StartTime.AddMinutes(100);
        var samples = Enumerable.Range(0, 60 * 60).Select(i => At(32 * 60 + i) with { HeartRate = 130f, SpeedMetresPerSecond = 9f })
            .Concat(Enumerable.Range(0, 30 * 60 + 1).Select(i => At(100 * 60 + i) with
            {
                HeartRate = 160f,
                SpeedMetresPerSecond = 3.2f,
                CadenceStepsPerMinute = 176f,
            }))
            .ToArray();
        ActivitySession[] sessions =
        [
            new() { Sport = "swimming", Start = new DateTimeOffset(swimStart), TotalElapsedTimeSeconds = 30 * 60, TotalDistanceMetres = 1500 },
            new() { Sport = "transition", Start = new DateTimeOffset(swimStart.AddMinutes(30)), TotalElapsedTimeSeconds = 120 },
            new() { Sport = "cycling", Start = new DateTimeOffset(bikeStart), TotalElapsedTimeSeconds = 66 * 60, TotalDistanceMetres = 40_000 },
            new() { Sport = "transition", Start = new DateTimeOffset(bikeStart.AddMinutes(66)), TotalElapsedTimeSeconds = 120 },
            new() { Sport = "running", Start = new DateTimeOffset(runStart), TotalElapsedTimeSeconds = 30 * 60, TotalDistanceMetres = 5760 },
        ];
        var triathlon = new Activity
        {
            Format = ActivityFormat.Fit,
            Sport = "triathlon",
            Start = new DateTimeOffset(swimStart),
            RecordCount = samples.Length,
            Sessions = sessions,
            Laps = [],
            Samples = samples,
            RecordMeans = new RecordMeans(),
        };

        // Act
        var summary = Assert.IsType<ActivitySummary>(ActivityMetrics.SummariseRun(triathlon));

        // Assert
        Assert.Equal(new DateTimeOffset(runStart), summary.Start);
        Assert.Equal("running", summary.Sport);
        Assert.Equal(5760.0, summary.DistanceMetres);
        Assert.Equal(TimeSpan.FromMinutes(30), summary.ElapsedTime);
        Assert.Equal(TimeSpan.FromMinutes(30), summary.MovingTime);
        Assert.Equal(160.0, summary.AvgHeartRate);
        Assert.Equal(176.0, summary.AvgCadenceStepsPerMinute);
    }

    [Fact]
    public void SummariseRun_MarathonTcx_RunOfTheWholeFile()
    {
        // Arrange
        var marathon = SampleFiles.Read(SampleFiles.MarathonTcx);

        // Act
        var summary = Assert.IsType<ActivitySummary>(ActivityMetrics.SummariseRun(marathon));

        // Assert: MANIFEST.md: last trackpoint at 42,635.45 m, 15,264 s after the start on 5 October 2014.
        Assert.Equal(marathon.Start, summary.Start);
        Assert.Equal(new DateOnly(2014, 10, 5), DateOnly.FromDateTime(summary.Start.UtcDateTime));
        Assert.Equal(42_635.45, summary.DistanceMetres, tolerance: 1.0);
        Assert.Equal(15_264.0, summary.ElapsedTime.TotalSeconds, tolerance: 1.0);
        Assert.InRange(summary.MovingTime, TimeSpan.FromHours(3), summary.ElapsedTime);
        Assert.InRange(Assert.NotNull(summary.AvgCadenceStepsPerMinute), 150.0, 185.0);
        Assert.InRange(Assert.NotNull(summary.AvgHeartRate), 120.0, 180.0);
    }

    [Fact]
    public void SummariseRun_Fenix5Run_TheWatchsSessionValues()
    {
        // Arrange
        var run = SampleFiles.Read(SampleFiles.Fenix5Run);

        // Act
        var summary = Assert.IsType<ActivitySummary>(ActivityMetrics.SummariseRun(run));

        // Assert: the session as MANIFEST.md measured it with fitdecode.
        Assert.Equal(157.56, summary.DistanceMetres, precision: 6);
        Assert.Equal(56.887, summary.ElapsedTime.TotalSeconds, precision: 3);
        Assert.Equal(166.0, summary.AvgCadenceStepsPerMinute);
        Assert.Equal(76.2, Assert.NotNull(summary.AvgVerticalOscillationMm), precision: 6);
        Assert.Equal(270.3, Assert.NotNull(summary.AvgGroundContactTimeMs), precision: 6);
        Assert.Equal(7.42, Assert.NotNull(summary.AvgVerticalRatioPercent), precision: 6);
        Assert.Equal(971.7, Assert.NotNull(summary.AvgStepLengthMm), precision: 6);
        Assert.Equal(90.0, summary.AvgHeartRate);
    }

    [Fact]
    public void SummariseRun_ChainedTriathlonFit_TheRunLegOnly()
    {
        // Arrange: Forerunner 920XT triathlon, five sessions ending with the run.
        var triathlon = SampleFiles.Read(SampleFiles.MultipleHeader);

        // Act
        var summary = Assert.IsType<ActivitySummary>(ActivityMetrics.SummariseRun(triathlon));

        // Assert: MANIFEST.md's run session.
        Assert.Equal(9805.92, summary.DistanceMetres, precision: 6);
        Assert.Equal(101.4, Assert.NotNull(summary.AvgVerticalOscillationMm), precision: 6);
        Assert.Equal(1238.0, Assert.NotNull(summary.AvgStepLengthMm), precision: 6);
        Assert.True(summary.Start > triathlon.Start);
    }
}
