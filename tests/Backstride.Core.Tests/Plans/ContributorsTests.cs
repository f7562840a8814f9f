using System.Text.RegularExpressions;
using Backstride.Core.CheckIns;
using Backstride.Core.Plans;
using Backstride.Core.Profiles;
using Backstride.Core.Runs;
using Backstride.Core.Units;

namespace Backstride.Core.Tests.Plans;

/// <summary>Each likely contributor at its boundary; worded as "may", never as a diagnosis.</summary>
public sealed partial class ContributorsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 21, 0, 0, TimeSpan.Zero);

    private static readonly Guid Runner = Guid.CreateVersion7();

    private static Run RunAt(DateTimeOffset startedAt, double metres = 10_000, TimeSpan? duration = null, int? effort = null) => new()
    {
        UserId = Runner,
        StartedAt = startedAt,
        DistanceMetres = metres,
        Duration = duration ?? TimeSpan.FromMinutes(50),
        Surface = Surface.Road,
        Effort = effort,
        CreatedAt = startedAt,
        UpdatedAt = startedAt,
    };

    private static CheckIn CheckInWith(int pain) => new()
    {
        UserId = Runner,
        RecordedAt = Now,
        Pain = pain,
        Locations = PainLocation.Centre,
        Stiffness = Stiffness.Mild,
        LegSpread = LegSpread.No,
        Onset = PainOnset.RightAfter,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    private static BackProfile ProfileWith(Action<BackProfile>? setup = null)
    {
        var profile = new BackProfile { UserId = Runner, Version = 1, CreatedAt = Now.AddDays(-30), PatternWeeks = 26 };
        setup?.Invoke(profile);
        return profile;
    }

    /// <summary>Four steady weeks of 10 km (one run a week), then the given distance in the last 7 days.</summary>
    private static List<Run> SteadyMonthThen(double lastWeekMetres)
    {
        var runs = new List<Run>();
        foreach (var daysAgo in new[] { 8, 15, 22, 29 })
        {
            runs.Add(RunAt(Now.AddDays(-daysAgo), metres: 10_000));
        }
        runs.Add(RunAt(Now.AddDays(-2), metres: lastWeekMetres));
        return runs;
    }

    private static IReadOnlyList<Contributor> Find(
        BackProfile? profile = null,
        int pain = 3,
        Run? run = null,
        IReadOnlyList<Run>? recentRuns = null,
        DistanceUnit units = DistanceUnit.Kilometres) =>
        Contributors.Find(profile, CheckInWith(pain), run, recentRuns ?? Array.Empty<Run>(), Now, units);

    private static List<string> Ids(IReadOnlyList<Contributor> found) => found.Select(c => c.Id).ToList();

    /// <summary>"not a diagnosis", "never a diagnosis", "no diagnosis": the only way the word may appear.</summary>
    [GeneratedRegex(@"\b(?:not|never|no)\s+(?:an?\s+)?diagnos\w*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegatedDiagnosis();

    // ---- Posture ----------------------------------------------------------------------------------

    [Theory]
    [InlineData(true, false, false, "arched-back")]
    [InlineData(false, true, false, "slumped-shoulders")]
    [InlineData(false, false, true, "heavy-landings")]
    public void Find_PostureFlag_ItsContributor(bool archesBack, bool shouldersSlumped, bool heavyLandings, string expectedId)
    {
        // Arrange
        var profile = ProfileWith(p =>
        {
            p.ArchesBack = archesBack;
            p.ShouldersSlumped = shouldersSlumped;
            p.HeavyLandings = heavyLandings;
        });

        // Act
        var found = Find(profile);

        // Assert
        Assert.Equal(new[] { expectedId }, Ids(found));
        Assert.False(string.IsNullOrWhiteSpace(found[0].Reason));
    }

    [Fact]
    public void Find_AllPostureFlags_AllThreeContributors()
    {
        // Arrange
        var profile = ProfileWith(p =>
        {
            p.ArchesBack = true;
            p.ShouldersSlumped = true;
            p.HeavyLandings = true;
        });

        // Act
        var found = Find(profile);

        // Assert
        Assert.Equal(new[] { "arched-back", "slumped-shoulders", "heavy-landings" }, Ids(found));
    }

    [Fact]
    public void Find_NothingOfNote_NoContributors()
    {
        // Arrange
        var profile = ProfileWith();

        // Act
        var found = Find(profile, pain: 3, run: RunAt(Now.AddHours(-3)), recentRuns: SteadyMonthThen(10_000));

        // Assert
        Assert.Empty(found);
    }

    [Fact]
    public void Find_HeavyLandings_CuesAStepRateAgainstTheRunnersOwn()
    {
        // Arrange: CLINICAL.md §4: "5–10 % above your usual", never a fixed target.
        var profile = ProfileWith(p => p.HeavyLandings = true);

        // Act
        var found = Find(profile);

        // Assert
        Assert.Contains("5–10 % above your usual", Assert.Single(found).Reason, StringComparison.Ordinal);
    }

    // ---- Weekly distance --------------------------------------------------------------------------

    [Theory]
    [InlineData(13_100, true)]  // 31 % above the 4-week average
    [InlineData(13_000, false)] // exactly 30 %: not "more than 30 %"
    [InlineData(12_900, false)] // 29 %
    [InlineData(10_000, false)]
    public void Find_LastWeekAgainstThe4WeekAverage_DistanceJumpAbove30Percent(int lastWeekMetres, bool expected)
    {
        // Arrange
        var runs = SteadyMonthThen(lastWeekMetres);

        // Act
        var found = Find(recentRuns: runs);

        // Assert
        Assert.Equal(expected, Ids(found).Contains("distance-jump", StringComparer.Ordinal));
    }

    [Fact]
    public void Find_DistanceJump_SaysHowMuchInKilometres()
    {
        // Arrange
        var runs = SteadyMonthThen(13_100);

        // Act
        var found = Find(recentRuns: runs, units: DistanceUnit.Kilometres);

        // Assert
        var jump = Assert.Single(found, c => string.Equals(c.Id, "distance-jump", StringComparison.Ordinal));
        Assert.Contains("13.1 km", jump.Reason, StringComparison.Ordinal);
        Assert.Contains("31 %", jump.Reason, StringComparison.Ordinal);
        Assert.Contains("10 km", jump.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_DistanceJumpInMiles_ShownInMi()
    {
        // Arrange
        var runs = SteadyMonthThen(13_100);

        // Act
        var found = Find(recentRuns: runs, units: DistanceUnit.Miles);

        // Assert
        var jump = Assert.Single(found, c => string.Equals(c.Id, "distance-jump", StringComparison.Ordinal));
        Assert.Contains("8.14 mi", jump.Reason, StringComparison.Ordinal);
        Assert.Contains("6.21 mi", jump.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("km", jump.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_NoRunsInTheFourWeeksBefore_NoDistanceJump()
    {
        // Arrange: a first week of running has no average to jump from.
        var runs = new List<Run> { RunAt(Now.AddDays(-2), metres: 30_000) };

        // Act
        var found = Find(recentRuns: runs);

        // Assert
        Assert.DoesNotContain("distance-jump", Ids(found));
    }

    // ---- This run ---------------------------------------------------------------------------------

    [Theory]
    [InlineData(90, true)]
    [InlineData(150, true)]
    [InlineData(89, false)]
    public void Find_RunDuration_LongRunFrom90Minutes(int minutes, bool expected)
    {
        // Arrange
        var run = RunAt(Now.AddHours(-3), duration: TimeSpan.FromMinutes(minutes));

        // Act
        var found = Find(run: run);

        // Assert
        Assert.Equal(expected, Ids(found).Contains("long-run", StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(8, true)]
    [InlineData(10, true)]
    [InlineData(7, false)]
    [InlineData(null, false)]
    public void Find_RunEffort_HardRunFrom8(int? effort, bool expected)
    {
        // Arrange
        var run = RunAt(Now.AddHours(-3), duration: TimeSpan.FromMinutes(40), effort: effort);

        // Act
        var found = Find(run: run);

        // Assert
        Assert.Equal(expected, Ids(found).Contains("hard-run", StringComparer.Ordinal));
    }

    // ---- Disc degeneration ------------------------------------------------------------------------

    [Theory]
    [InlineData(DddDiagnosis.Yes, 1, true)]
    [InlineData(DddDiagnosis.Yes, 9, true)]
    [InlineData(DddDiagnosis.Yes, 0, false)]
    [InlineData(DddDiagnosis.No, 5, false)]
    [InlineData(DddDiagnosis.NotSure, 5, false)]
    public void Find_DiscDegeneration_FlareWhenDiagnosedAndInPain(DddDiagnosis ddd, int pain, bool expected)
    {
        // Arrange
        var profile = ProfileWith(p => p.Ddd = ddd);

        // Act
        var found = Find(profile, pain: pain);

        // Assert
        Assert.Equal(expected, Ids(found).Contains("ddd-flare", StringComparer.Ordinal));
    }

    // ---- Wording ----------------------------------------------------------------------------------

    [Fact]
    public void Find_EveryContributorAtOnce_NoSentenceDiagnoses()
    {
        // Arrange
        var profile = ProfileWith(p =>
        {
            p.ArchesBack = true;
            p.ShouldersSlumped = true;
            p.HeavyLandings = true;
            p.Ddd = DddDiagnosis.Yes;
        });
        var run = RunAt(Now.AddHours(-3), duration: TimeSpan.FromMinutes(100), effort: 9);

        // Act
        var found = Find(profile, pain: 6, run: run, recentRuns: SteadyMonthThen(20_000));

        // Assert
        Assert.Equal(7, found.Count);
        Assert.All(found, contributor =>
        {
            // The runner's own answer ("diagnosed disc degeneration", from the profile) is quoted back, not made
            // by the app; any other use of the word must be a negation.
            var text = NegatedDiagnosis().Replace(contributor.Reason, "");
            text = text.Replace("diagnosed disc degeneration", "", StringComparison.Ordinal);
            Assert.DoesNotContain("diagnos", text, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void Find_EveryContributorAtOnce_EachSentenceNonEmptyAndIdsUnique()
    {
        // Arrange
        var profile = ProfileWith(p =>
        {
            p.ArchesBack = true;
            p.HeavyLandings = true;
            p.Ddd = DddDiagnosis.Yes;
        });
        var run = RunAt(Now.AddHours(-3), duration: TimeSpan.FromMinutes(95), effort: 8);

        // Act
        var found = Find(profile, pain: 4, run: run, recentRuns: SteadyMonthThen(14_000), units: DistanceUnit.Miles);

        // Assert
        var ids = Ids(found);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(found, c => Assert.False(string.IsNullOrWhiteSpace(c.Reason)));
    }
}
