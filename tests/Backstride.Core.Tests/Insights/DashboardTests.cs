using Backstride.Core.Insights;
using Backstride.Core.Units;

namespace Backstride.Core.Tests.Insights;

public sealed class DashboardTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static DashboardSummary Build(InsightDiaryBuilder diary, DateTimeOffset now, DateTimeOffset windowStart, DistanceUnit unit = DistanceUnit.Kilometres) =>
        Dashboard.Build(diary.Build(), diary.Evenings(), now, windowStart, unit);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    // --- weekly distance ---

    [Fact]
    public void Weeks_AcrossTheLondonClockChange_SumByLocalMondayWeeksWithEmptyWeeksKept()
    {
        // Arrange: clocks go forward on Sunday 29 March 2026 at 01:00 UTC.
        var diary = new InsightDiaryBuilder(London)
            .Run(Utc(3, 9, 7), pain: null, metres: 9_000)             // the week before the window
            .Run(Utc(3, 16, 5), pain: null, metres: 3_000)            // before the window's start, same week: the week counts whole
            .Run(Utc(3, 17, 7), pain: 2, metres: 5_000)
            .Run(Utc(3, 18, 7), pain: null, metres: 7_000)
            .Run(Utc(3, 29, 22, 30), pain: 1, metres: 10_000)         // 23:30 BST on Sunday 29 March
            .Run(Utc(3, 29, 23, 30), pain: null, metres: 6_000);      // 00:30 BST on Monday 30 March, a new local week

        // Act
        var summary = Build(diary, now: Utc(4, 8, 12), windowStart: Utc(3, 16, 10));

        // Assert
        WeekFigures[] expected =
        [
            new(new DateOnly(2026, 3, 16), 15_000, 3, MeanPainAfterRuns: 2),
            new(new DateOnly(2026, 3, 23), 10_000, 1, MeanPainAfterRuns: 1),
            new(new DateOnly(2026, 3, 30), 6_000, 1),
            new(new DateOnly(2026, 4, 6), 0, 0),
        ];
        Assert.Equal(expected, summary.Weeks);
    }

    [Fact]
    public void Weeks_PainAndFollowUps_AveragedInTheWeekTheRunStarted()
    {
        // Arrange: two runs in the week of 16 March (pain 2 and 5, follow-ups 1 and 3), one without a follow-up after it.
        var diary = new InsightDiaryBuilder(London)
            .Run(Utc(3, 17, 7), pain: 2, followUp: 1)
            .Run(Utc(3, 19, 7), pain: 5, followUp: 3)
            .Run(Utc(3, 24, 7), pain: 4);

        // Act
        var weeks = Build(diary, now: Utc(3, 25, 12), windowStart: Utc(3, 16, 10)).Weeks;

        // Assert
        Assert.Equal(3.5, weeks[0].MeanPainAfterRuns);
        Assert.Equal(2.0, weeks[0].MeanFollowUpPain);
        Assert.Equal(4.0, weeks[1].MeanPainAfterRuns);
        Assert.Null(weeks[1].MeanFollowUpPain);
    }

    [Fact]
    public void Weeks_EmptyDiary_EveryWeekOfTheWindowWithZeros()
    {
        // Act
        var summary = Build(new InsightDiaryBuilder(London), now: Utc(1, 28, 12), windowStart: Utc(1, 1, 0));

        // Assert: 1 January 2026 is a Thursday, so the first week starts on Monday 29 December.
        Assert.Equal(
            [new DateOnly(2025, 12, 29), new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 12), new DateOnly(2026, 1, 19), new DateOnly(2026, 1, 26)],
            summary.Weeks.Select(w => w.WeekStart));
        Assert.All(summary.Weeks, w => Assert.Equal(0, w.Metres));
    }

    // --- pain over time ---

    [Fact]
    public void SevenDayMean_HandCheckedScores_MeansOfTheSevenLocalDaysEndingEachDay()
    {
        // Arrange: check-ins land an hour after each run (London is on UTC in January).
        var diary = new InsightDiaryBuilder(London)
            .Run(Utc(1, 1, 18), pain: 2)
            .Run(Utc(1, 3, 7), pain: 4)
            .Run(Utc(1, 3, 17), pain: 6)
            .Run(Utc(1, 9, 18), pain: 0)
            .Run(Utc(1, 10, 18), pain: 3);

        // Act: the window starts after 1 January, whose score still counts in the 3 January mean.
        var summary = Build(diary, now: Utc(1, 20, 12), windowStart: Utc(1, 2, 0));

        // Assert
        PainPoint[] expected =
        [
            new(Utc(1, 3, 18), (2 + 4 + 6) / 3.0),
            new(Utc(1, 9, 19), (4 + 6 + 0) / 3.0),
            new(Utc(1, 10, 19), (0 + 3) / 2.0),
        ];
        Assert.Equal(expected, summary.SevenDayMean);
        Assert.Equal([4.0, 6, 0, 3], summary.PainAfterRuns.Select(p => p.Pain));
        Assert.Equal(Utc(1, 3, 8), summary.PainAfterRuns[0].At);
    }

    [Fact]
    public void PainFreeRunsInARow_LastThreeScoresZero_CountsThreeIncludingBeforeTheWindow()
    {
        // Arrange
        var diary = new InsightDiaryBuilder(London)
            .Run(Utc(1, 1, 18), pain: 2)
            .Run(Utc(1, 2, 18), pain: 0)
            .Run(Utc(1, 3, 18), pain: 0)
            .Run(Utc(1, 4, 18), pain: null)    // no check-in: neither breaks nor extends the run of pain-free scores
            .Run(Utc(1, 20, 18), pain: 0);

        // Act
        var summary = Build(diary, now: Utc(1, 21, 12), windowStart: Utc(1, 15, 0));

        // Assert
        Assert.Equal(3, summary.PainFreeRunsInARow);
    }

    [Fact]
    public void PainFreeRunsInARow_LatestRunHurt_IsZero()
    {
        // Arrange
        var diary = new InsightDiaryBuilder(London)
            .Run(Utc(1, 2, 18), pain: 0)
            .Run(Utc(1, 3, 18), pain: 1);

        // Act
        var summary = Build(diary, now: Utc(1, 21, 12), windowStart: Utc(1, 1, 0));

        // Assert
        Assert.Equal(0, summary.PainFreeRunsInARow);
    }

    // --- the last 4 weeks against the 4 before ---

    private static readonly DateTimeOffset Now = Utc(6, 1, 12);

    /// <summary>Last 4 weeks: 5 runs of 18.4 km, pain 2.4 on average, follow-ups of 1. The 4 before: 10 runs of 7.4 km, pain 3.1.</summary>
    private static InsightDiaryBuilder TwoPeriods()
    {
        var diary = new InsightDiaryBuilder(London);
        int[] earlierPains = [3, 3, 3, 4, 3, 3, 3, 3, 3, 3];
        for (var i = 0; i < earlierPains.Length; i++)
        {
            diary.Run(Utc(4, 7 + 2 * i, 7), pain: earlierPains[i], metres: 7_400);
        }
        int[] laterPains = [2, 2, 3, 2, 3];
        for (var i = 0; i < laterPains.Length; i++)
        {
            diary.Run(Utc(5, 5 + 5 * i, 7), pain: laterPains[i], followUp: 1, metres: 18_400);
        }
        return diary;
    }

    [Fact]
    public void Periods_TwoPeriodsOfRuns_FiguresPerPeriod()
    {
        // Act
        var summary = Build(TwoPeriods(), Now, Now.AddDays(-56));

        // Assert
        Assert.Equal(new PeriodFigures(5, 92_000, 2.4, 1.0, 0, 10), summary.Last4Weeks);
        Assert.Equal(new PeriodFigures(10, 74_000, 3.1, null, 0, 10), summary.Previous4Weeks);
    }

    [Fact]
    public void Changes_InKilometres_SayDistanceAndPainAgainstThe4WeeksBefore()
    {
        // Act
        var summary = Build(TwoPeriods(), Now, Now.AddDays(-56), DistanceUnit.Kilometres);

        // Assert
        Assert.Equal(
            [
                "You ran 92 km in the last 4 weeks, 18 km more than in the 4 before.",
                "Your pain after runs averaged 2.4, down from 3.1.",
                "Your pain at the follow-up averaged 1.0 in the last 4 weeks; there are no scores from the 4 before to compare with.",
            ],
            summary.Changes);
    }

    [Fact]
    public void Changes_InMiles_RoundTheShownDistancesAndTheirDifference()
    {
        // Act: 92 km is 57.2 mi and 74 km is 46.0 mi.
        var summary = Build(TwoPeriods(), Now, Now.AddDays(-56), DistanceUnit.Miles);

        // Assert
        Assert.Equal("You ran 57 mi in the last 4 weeks, 11 mi more than in the 4 before.", summary.Changes[0]);
    }

    [Fact]
    public void Changes_ShortDistancesLessThanBefore_OneDecimalAndLess()
    {
        // Arrange
        var diary = new InsightDiaryBuilder(London)
            .Run(Now.AddDays(-40), pain: 4, metres: 12_300)
            .Run(Now.AddDays(-10), pain: 4, metres: 4_460)
            .Run(Now.AddDays(-3), pain: 0, metres: 4_000);

        // Act
        var summary = Build(diary, Now, Now.AddDays(-56));

        // Assert
        Assert.Equal(
            [
                "You ran 8.5 km in the last 4 weeks, 3.5 km less than in the 4 before.",
                "Your pain after runs averaged 2.0, down from 4.0.",
                "Pain-free runs: 1 in the last 4 weeks, 0 in the 4 before.",
            ],
            summary.Changes);
    }

    [Fact]
    public void Changes_NoRunsAtAll_SaysSoPlainly()
    {
        // Act
        var summary = Build(new InsightDiaryBuilder(London), Now, Now.AddDays(-56));

        // Assert
        Assert.Equal(["You logged no runs in the last 8 weeks."], summary.Changes);
        Assert.Equal(new PeriodFigures(0, 0, null, null, 0, 0), summary.Last4Weeks);
        Assert.Empty(summary.PainAfterRuns);
        Assert.Empty(summary.SevenDayMean);
    }

    [Fact]
    public void Changes_NoRunsInTheLast4Weeks_SaysSoAndWhatCameBefore()
    {
        // Arrange
        var diary = new InsightDiaryBuilder(London).Run(Now.AddDays(-40), pain: 3, metres: 74_000);

        // Act
        var summary = Build(diary, Now, Now.AddDays(-56));

        // Assert
        Assert.Equal(
            [
                "You logged no runs in the last 4 weeks; in the 4 before you ran 74 km.",
                "Your pain after runs averaged 3.0 in the 4 weeks before the last; there are no scores from the last 4 weeks.",
            ],
            summary.Changes);
    }

    [Fact]
    public void Changes_NoRunsInThe4WeeksBefore_SaysSo()
    {
        // Arrange
        var diary = new InsightDiaryBuilder(London).Run(Now.AddDays(-5), pain: null, metres: 10_000);

        // Act
        var summary = Build(diary, Now, Now.AddDays(-56), DistanceUnit.Miles);

        // Assert: 10 km is 6.21 mi, shown to one decimal below 10.
        Assert.Equal(["You ran 6.2 mi in the last 4 weeks, and logged no runs in the 4 before."], summary.Changes);
    }
}
