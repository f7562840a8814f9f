using Backstride.Core.Runs;
using Backstride.Core.Units;

namespace Backstride.Core.Tests.Runs;

public sealed class RunBaselineTests
{
    private static readonly DateTimeOffset RunStart = new(2026, 11, 26, 7, 0, 0, TimeSpan.Zero);

    /// <summary>An imported 10 km run in 50 minutes, <paramref name="daysBefore"/> days before <see cref="RunStart"/>.</summary>
    private static Run Imported(double daysBefore, double? cadence = null, double? heartRate = null,
        double? elevationGain = null, double distanceMetres = 10_000, double minutes = 50) => new()
    {
        StartedAt = RunStart.AddDays(-daysBefore),
        DistanceMetres = distanceMetres,
        Duration = TimeSpan.FromMinutes(minutes),
        Source = RunSource.Imported,
        Measurements = new RunMeasurements
        {
            ElapsedTime = TimeSpan.FromMinutes(minutes + 1),
            MovingTime = TimeSpan.FromMinutes(minutes),
            AvgCadenceStepsPerMinute = cadence,
            AvgHeartRate = heartRate,
            ElevationGainMetres = elevationGain,
        },
    };

    private static Run Manual(double daysBefore, double distanceMetres = 10_000, double minutes = 50) => new()
    {
        StartedAt = RunStart.AddDays(-daysBefore),
        DistanceMetres = distanceMetres,
        Duration = TimeSpan.FromMinutes(minutes),
    };

    private static MetricComparison Of(IReadOnlyList<MetricComparison> comparisons, RunMetric metric) =>
        Assert.Single(comparisons, c => c.Metric == metric);

    [Fact]
    public void Compare_CadenceBelowUsual_SaysHowFarBelow()
    {
        // Arrange
        var run = Imported(0, cadence: 164);
        Run[] earlier = [Imported(3, cadence: 170), Imported(10, cadence: 175), Imported(20, cadence: 180)];

        // Act
        var cadence = Of(RunBaseline.Compare(run, earlier), RunMetric.Cadence);

        // Assert
        Assert.Equal(164.0, cadence.Value);
        Assert.Equal(175.0, cadence.Usual);
        Assert.Equal(3, cadence.RunsInBaseline);
        Assert.Equal(-6.29, Assert.NotNull(cadence.PercentDifference), precision: 2);
        Assert.Equal("Cadence 164 steps/min, 6 % below your usual (175 steps/min over 3 runs in the 8 weeks before).",
            cadence.Sentence);
    }

    [Fact]
    public void Compare_WithinTwoPercent_SaysAboutYourUsual()
    {
        // Arrange
        var run = Imported(0, heartRate: 153);
        Run[] earlier = [Imported(1, heartRate: 148), Imported(2, heartRate: 150), Imported(4, heartRate: 152), Imported(6, heartRate: 160)];

        // Act
        var heartRate = Of(RunBaseline.Compare(run, earlier), RunMetric.HeartRate);

        // Assert: the median of four is the mean of the middle two.
        Assert.Equal(151.0, heartRate.Usual);
        Assert.Equal("Heart rate 153 bpm, about your usual (151 bpm over 4 runs in the 8 weeks before).", heartRate.Sentence);
    }

    [Fact]
    public void Compare_FewerThanThreeEarlierRuns_NoUsual()
    {
        // Arrange
        var run = Imported(0, cadence: 164);
        Run[] earlier = [Imported(3, cadence: 170), Imported(10, cadence: 175), Manual(12)];

        // Act
        var cadence = Of(RunBaseline.Compare(run, earlier), RunMetric.Cadence);

        // Assert: the hand-logged run has no cadence, so only two runs carry it.
        Assert.Null(cadence.Usual);
        Assert.Null(cadence.PercentDifference);
        Assert.Equal(2, cadence.RunsInBaseline);
        Assert.Equal("Cadence 164 steps/min. Too few runs in the 8 weeks before to say what is usual.", cadence.Sentence);
    }

    [Fact]
    public void Compare_RunsOutsideTheWindowOrAfterOrTheRunItself_Ignored()
    {
        // Arrange
        var run = Imported(0, cadence: 164);
        Run[] earlier =
        [
            run,
            Imported(-1, cadence: 190),
            Imported(57, cadence: 150),
            Imported(1, cadence: 170),
            Imported(2, cadence: 172),
            Imported(55.9, cadence: 174),
        ];

        // Act
        var cadence = Of(RunBaseline.Compare(run, earlier), RunMetric.Cadence);

        // Assert
        Assert.Equal(3, cadence.RunsInBaseline);
        Assert.Equal(172.0, cadence.Usual);
    }

    [Fact]
    public void Compare_SlowerPaceInMiles_SaysSlowerInTheRunnersUnit()
    {
        // Arrange: usual 10 km in 50 min (8:03 /mi); this one in 55 min (8:51 /mi).
        var run = Manual(0, minutes: 55);
        Run[] earlier = [Manual(2), Manual(5), Manual(9)];

        // Act
        var pace = Of(RunBaseline.Compare(run, earlier, DistanceUnit.Miles), RunMetric.Pace);

        // Assert
        Assert.Equal(10.0, Assert.NotNull(pace.PercentDifference), precision: 6);
        Assert.Equal("Pace 8:51 /mi, 10 % slower than your usual (8:03 /mi over 3 runs in the 8 weeks before).", pace.Sentence);
    }

    [Fact]
    public void Compare_FasterPace_SaysFaster()
    {
        // Arrange: usual 5:00 /km; this one 4:30 /km.
        var run = Manual(0, minutes: 45);
        Run[] earlier = [Manual(2), Manual(5), Manual(9)];

        // Act
        var pace = Of(RunBaseline.Compare(run, earlier), RunMetric.Pace);

        // Assert
        Assert.Equal("Pace 4:30 /km, 10 % faster than your usual (5:00 /km over 3 runs in the 8 weeks before).", pace.Sentence);
    }

    [Fact]
    public void Compare_ImportedRunPace_IsComparedOnlyWithOtherImportedRuns()
    {
        // Arrange: three hand-logged runs (whole time out, slower) and three imported ones (moving time).
        var run = Imported(0, minutes: 50);
        Run[] earlier = [Manual(1, minutes: 60), Manual(2, minutes: 60), Manual(3, minutes: 60),
            Imported(4, minutes: 50), Imported(5, minutes: 50), Imported(6, minutes: 50)];

        // Act
        var pace = Of(RunBaseline.Compare(run, earlier), RunMetric.Pace);

        // Assert: about the usual of the imported runs, not "faster" than the hand-logged ones.
        Assert.Equal(3, pace.RunsInBaseline);
        Assert.Equal(0.0, Assert.NotNull(pace.PercentDifference), precision: 6);
    }

    [Fact]
    public void Compare_HandLoggedRun_OnlyPaceAndDistance()
    {
        // Arrange
        var run = Manual(0);
        Run[] earlier = [Imported(2, cadence: 170), Imported(5, cadence: 170), Imported(9, cadence: 170)];

        // Act
        var comparisons = RunBaseline.Compare(run, earlier);

        // Assert
        RunMetric[] expected = [RunMetric.Pace, RunMetric.Distance];
        Assert.Equal(expected, comparisons.Select(c => c.Metric));
    }

    [Fact]
    public void Compare_LongerRun_SaysAboveInTheRunnersDistance()
    {
        // Arrange
        var run = Manual(0, distanceMetres: 15_000, minutes: 75);
        Run[] earlier = [Manual(2), Manual(5), Manual(9)];

        // Act
        var distance = Of(RunBaseline.Compare(run, earlier), RunMetric.Distance);

        // Assert
        Assert.Equal("Distance 15 km, 50 % above your usual (10 km over 3 runs in the 8 weeks before).", distance.Sentence);
    }

    [Fact]
    public void Compare_UsualElevationGainOfZero_NoPercentage()
    {
        // Arrange: three flat runs, then a hilly one.
        var run = Imported(0, elevationGain: 120);
        Run[] earlier = [Imported(2, elevationGain: 0), Imported(5, elevationGain: 0), Imported(9, elevationGain: 4)];

        // Act
        var gain = Of(RunBaseline.Compare(run, earlier), RunMetric.ElevationGain);

        // Assert
        Assert.Equal(0.0, gain.Usual);
        Assert.Null(gain.PercentDifference);
        Assert.Equal("Elevation gain 120 m (your usual: 0 m over 3 runs in the 8 weeks before).", gain.Sentence);
    }

    [Fact]
    public void ValueOf_ZeroAverage_IsAbsent()
    {
        // Arrange: a file whose heart-rate average is 0 had no strap.
        var run = Imported(0, heartRate: 0);

        // Act
        var heartRate = RunBaseline.ValueOf(run, RunMetric.HeartRate, DistanceUnit.Kilometres);

        // Assert
        Assert.Null(heartRate);
    }
}
