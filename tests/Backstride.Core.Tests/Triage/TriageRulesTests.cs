using Backstride.Core.CheckIns;
using Backstride.Core.Profiles;
using Backstride.Core.Triage;

namespace Backstride.Core.Tests.Triage;

/// <summary>Each red-flag rule of CLINICAL.md §2 at its boundary.</summary>
public sealed class TriageRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 21, 0, 0, TimeSpan.Zero);

    /// <summary>Words the triage must never use: red flags diagnose poorly (Henschke, Cochrane 2013).</summary>
    private static readonly string[] ReassuringWords = ["ruled out", "rule out", "no red flag", "safe", "nothing serious", "not serious"];

    /// <summary>Mild central pain that stays in the back, recorded now.</summary>
    private static CheckIn NewCheckIn(
        int pain = 3,
        LegSpread spread = LegSpread.No,
        LegsAffected? legs = null,
        PainLocation locations = PainLocation.Centre) => new()
    {
        UserId = Guid.CreateVersion7(),
        RecordedAt = Now,
        Pain = pain,
        Locations = locations,
        Stiffness = Stiffness.Mild,
        LegSpread = spread,
        LegsAffected = legs,
        Onset = PainOnset.RightAfter,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    /// <summary>A profile with nothing of note: back pain has been a pattern for half a year.</summary>
    private static BackProfile NewProfile(Action<BackProfile>? setup = null)
    {
        var profile = new BackProfile
        {
            UserId = Guid.CreateVersion7(),
            Version = 1,
            CreatedAt = Now.AddDays(-30),
            PatternWeeks = 26,
        };
        setup?.Invoke(profile);
        return profile;
    }

    private static TriageInput Input(
        CheckIn checkIn,
        BackProfile? profile = null,
        int? age = 35,
        CheckIn? previous = null,
        IEnumerable<string>? yes = null) =>
        new(checkIn, previous, profile, age, yes?.ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>(StringComparer.Ordinal));

    public static TheoryData<string> QuestionIds()
    {
        var data = new TheoryData<string>();
        foreach (var question in RedFlags.Questions)
        {
            data.Add(question.Id);
        }
        return data;
    }

    private static void AssertNoReassurance(TriageOutcome outcome)
    {
        foreach (var finding in outcome.Findings)
        {
            foreach (var word in ReassuringWords)
            {
                Assert.DoesNotContain(word, finding.Reason, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    // ---- ReasonsToAsk -----------------------------------------------------------------------------

    [Theory]
    [InlineData(0, false)]
    [InlineData(7, false)]
    [InlineData(8, true)]
    [InlineData(10, true)]
    public void ReasonsToAsk_PainInTheBackOnly_AsksFrom8(int pain, bool asks)
    {
        // Arrange
        var checkIn = NewCheckIn(pain: pain);

        // Act
        var reasons = TriageRules.ReasonsToAsk(checkIn);

        // Assert
        Assert.Equal(asks, reasons.Count > 0);
    }

    [Fact]
    public void ReasonsToAsk_Pain8_SaysTheScore()
    {
        // Arrange
        var checkIn = NewCheckIn(pain: 8);

        // Act
        var reasons = TriageRules.ReasonsToAsk(checkIn);

        // Assert
        Assert.Contains(reasons, r => r.Contains("8 out of 10", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(LegSpread.No, null, PainLocation.Centre, false)]
    [InlineData(LegSpread.No, LegsAffected.BothLegs, PainLocation.Centre, false)] // a stale answer is ignored
    [InlineData(LegSpread.ButtockOrThigh, LegsAffected.OneLeg, PainLocation.Centre, true)]
    [InlineData(LegSpread.BelowKnee, LegsAffected.OneLeg, PainLocation.Centre, true)]
    [InlineData(LegSpread.ButtockOrThigh, LegsAffected.BothLegs, PainLocation.Centre, true)]
    [InlineData(LegSpread.BelowKnee, LegsAffected.BothLegs, PainLocation.Centre, true)]
    [InlineData(LegSpread.No, null, PainLocation.Centre | PainLocation.DownALeg, true)]
    [InlineData(LegSpread.No, null, PainLocation.DownALeg, true)]
    public void ReasonsToAsk_WhereThePainGoes_AsksWhenItReachesALeg(
        LegSpread spread, LegsAffected? legs, PainLocation locations, bool asks)
    {
        // Arrange
        var checkIn = NewCheckIn(pain: 3, spread: spread, legs: legs, locations: locations);

        // Act
        var reasons = TriageRules.ReasonsToAsk(checkIn);

        // Assert
        Assert.Equal(asks, reasons.Count > 0);
    }

    [Fact]
    public void ReasonsToAsk_BothLegsWithSpread_NamesBothLegs()
    {
        // Arrange
        var checkIn = NewCheckIn(spread: LegSpread.ButtockOrThigh, legs: LegsAffected.BothLegs);

        // Act
        var reasons = TriageRules.ReasonsToAsk(checkIn);

        // Assert
        Assert.Contains(reasons, r => r.Contains("both legs", StringComparison.Ordinal));
    }

    [Fact]
    public void ReasonsToAsk_BelowKnee_NamesTheKnee()
    {
        // Arrange
        var checkIn = NewCheckIn(spread: LegSpread.BelowKnee, legs: LegsAffected.OneLeg);

        // Act
        var reasons = TriageRules.ReasonsToAsk(checkIn);

        // Assert
        Assert.Contains(reasons, r => r.Contains("below the knee", StringComparison.Ordinal));
    }

    [Fact]
    public void ReasonsToAsk_EverythingAtOnce_NoReasonTwice()
    {
        // Arrange
        var checkIn = NewCheckIn(pain: 9, spread: LegSpread.BelowKnee, legs: LegsAffected.BothLegs,
            locations: PainLocation.Centre | PainLocation.DownALeg);

        // Act
        var reasons = TriageRules.ReasonsToAsk(checkIn);

        // Assert
        Assert.Equal(reasons.Count, reasons.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(4, reasons.Count);
    }

    // ---- Assess: emergency ------------------------------------------------------------------------

    [Theory]
    [InlineData(RedFlags.BladderId)]
    [InlineData(RedFlags.BowelId)]
    [InlineData(RedFlags.SaddleId)]
    [InlineData(RedFlags.BothLegsWeakId)]
    [InlineData(RedFlags.SexualId)]
    [InlineData(RedFlags.SeriousFallId)]
    public void Assess_EmergencyQuestionAnsweredYes_EmergencyThatStopsThePlan(string id)
    {
        // Arrange
        var input = Input(NewCheckIn(), profile: NewProfile(), yes: [id]);

        // Act
        var outcome = TriageRules.Assess(input);

        // Assert
        Assert.Equal(TriageLevel.Emergency, outcome.Level);
        Assert.True(outcome.StopsThePlan);
        Assert.False(outcome.GentleOnly);
        var finding = Assert.Single(outcome.Findings);
        Assert.Equal(TriageLevel.Emergency, finding.Level);
        Assert.Equal(RedFlags.Find(id)!.Source, finding.Source);
    }

    [Theory]
    [InlineData(LegSpread.ButtockOrThigh)]
    [InlineData(LegSpread.BelowKnee)]
    public void Assess_SpreadIntoBothLegsWithoutAnyAnswer_Emergency(LegSpread spread)
    {
        // Arrange
        var input = Input(NewCheckIn(spread: spread, legs: LegsAffected.BothLegs));

        // Act
        var outcome = TriageRules.Assess(input);

        // Assert
        Assert.Equal(TriageLevel.Emergency, outcome.Level);
        Assert.True(outcome.StopsThePlan);
        Assert.Contains(outcome.Findings, f => f.Reason.Contains("both legs", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(LegSpread.ButtockOrThigh, TriageLevel.SelfCare)]
    [InlineData(LegSpread.BelowKnee, TriageLevel.SeeDoctor)]
    public void Assess_SpreadIntoOneLeg_NotAnEmergency(LegSpread spread, TriageLevel expected)
    {
        // Arrange
        var input = Input(NewCheckIn(spread: spread, legs: LegsAffected.OneLeg));

        // Act
        var outcome = TriageRules.Assess(input);

        // Assert
        Assert.NotEqual(TriageLevel.Emergency, outcome.Level);
        Assert.False(outcome.StopsThePlan);
        Assert.Equal(expected, outcome.Level);
    }

    [Fact]
    public void Assess_NoSpreadWithStaleBothLegsAnswer_NotAnEmergency()
    {
        // Arrange
        var input = Input(NewCheckIn(spread: LegSpread.No, legs: LegsAffected.BothLegs));

        // Act
        var outcome = TriageRules.Assess(input);

        // Assert
        Assert.Equal(TriageLevel.SelfCare, outcome.Level);
        Assert.Empty(outcome.Findings);
    }

    // ---- Assess: urgent ---------------------------------------------------------------------------

    [Theory]
    [InlineData(RedFlags.FeverId)]
    [InlineData(RedFlags.InfectionId)]
    [InlineData(RedFlags.NightPainId)]
    [InlineData(RedFlags.SeveralPlacesId)]
    [InlineData(RedFlags.LumpId)]
    [InlineData(RedFlags.OneLegWorseId)]
    public void Assess_UrgentQuestionAnsweredYes_UrgentWithGentleMeasuresOnly(string id)
    {
        // Arrange
        var input = Input(NewCheckIn(), profile: NewProfile(), yes: [id]);

        // Act
        var outcome = TriageRules.Assess(input);

        // Assert
        Assert.Equal(TriageLevel.Urgent, outcome.Level);
        Assert.True(outcome.GentleOnly);
        Assert.False(outcome.StopsThePlan);
        Assert.Equal(TriageLevel.Urgent, Assert.Single(outcome.Findings).Level);
    }

    [Theory]
    [InlineData(false, false, TriageLevel.SelfCare)]
    [InlineData(true, false, TriageLevel.Urgent)]
    [InlineData(false, true, TriageLevel.Urgent)]
    [InlineData(true, true, TriageLevel.Urgent)]
    public void Assess_MinorFall_UrgentOnlyWithOsteoporosisOrSteroids(bool osteoporosis, bool steroids, TriageLevel expected)
    {
        // Arrange
        var profile = NewProfile(p =>
        {
            p.Osteoporosis = osteoporosis;
            p.Steroids = steroids;
        });
        var input = Input(NewCheckIn(), profile: profile, yes: [RedFlags.MinorFallId]);

        // Act
        var outcome = TriageRules.Assess(input);

        // Assert
        Assert.Equal(expected, outcome.Level);
    }

    [Fact]
    public void Assess_MinorFallWithoutProfile_SelfCare()
    {
        // Arrange
        var input = Input(NewCheckIn(), profile: null, yes: [RedFlags.MinorFallId]);

        // Act
        var outcome = TriageRules.Assess(input);

        // Assert
        Assert.Equal(TriageLevel.SelfCare, outcome.Level);
        Assert.Empty(outcome.Findings);
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public void Assess_HistoryInProfile_Urgent(bool cancer, bool weightLoss, bool immuneSuppression)
    {
        // Arrange
        var profile = NewProfile(p =>
        {
            p.HistoryOfCancer = cancer;
            p.UnexplainedWeightLoss = weightLoss;
            p.ImmuneSuppression = immuneSuppression;
        });
        var input = Input(NewCheckIn(), profile: profile);

        // Act
        var outcome = TriageRules.Assess(input);

        // Assert
        Assert.Equal(TriageLevel.Urgent, outcome.Level);
        Assert.True(outcome.GentleOnly);
        Assert.Equal(TriageLevel.Urgent, Assert.Single(outcome.Findings).Level);
    }

    [Theory]
    [InlineData(51, 3, TriageLevel.Urgent)]
    [InlineData(51, 0, TriageLevel.Urgent)]
    [InlineData(50, 3, TriageLevel.SelfCare)]
    [InlineData(51, 4, TriageLevel.SelfCare)]
    [InlineData(19, 1, TriageLevel.Urgent)]
    [InlineData(19, 3, TriageLevel.Urgent)]
    [InlineData(20, 1, TriageLevel.Urgent)]
    [InlineData(21, 1, TriageLevel.SelfCare)]
    [InlineData(19, 4, TriageLevel.SelfCare)]
    [InlineData(35, 1, TriageLevel.SelfCare)]
    public void Assess_NewPainByAge_UrgentOver50OrUnder20(int age, int patternWeeks, TriageLevel expected)
    {
        // Arrange: "new" is under 4 weeks, the acute band (ACP 2017).
        var profile = NewProfile(p => p.PatternWeeks = patternWeeks);
        var input = Input(NewCheckIn(), profile: profile, age: age);

        // Act
        var outcome = TriageRules.Assess(input);

        // Assert
        Assert.Equal(expected, outcome.Level);
    }

    // ---- Assess: see a doctor ---------------------------------------------------------------------

    [Fact]
    public void Assess_PainBelowTheKneeInOneLeg_SeeDoctor()
    {
        // Arrange
        var input = Input(NewCheckIn(spread: LegSpread.BelowKnee, legs: LegsAffected.OneLeg));

        // Act
        var outcome = TriageRules.Assess(input);

        // Assert
        Assert.Equal(TriageLevel.SeeDoctor, outcome.Level);
        Assert.False(outcome.GentleOnly);
        Assert.Contains(outcome.Findings, f => f.Reason.Contains("below the knee", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(8, 8, TriageLevel.SeeDoctor)]
    [InlineData(10, 9, TriageLevel.SeeDoctor)]
    [InlineData(8, 7, TriageLevel.SelfCare)]
    [InlineData(7, 8, TriageLevel.SelfCare)]
    public void Assess_HighPainTwiceInARow_SeeDoctor(int pain, int previousPain, TriageLevel expected)
    {
        // Arrange
        var previous = NewCheckIn(pain: previousPain);
        previous.RecordedAt = Now.AddDays(-1);
        var input = Input(NewCheckIn(pain: pain), previous: previous);

        // Act
        var outcome = TriageRules.Assess(input);

        // Assert
        Assert.Equal(expected, outcome.Level);
    }

    [Fact]
    public void Assess_Pain8WithoutAPreviousCheckIn_SelfCare()
    {
        // Arrange
        var input = Input(NewCheckIn(pain: 8), previous: null);

        // Act
        var outcome = TriageRules.Assess(input);

        // Assert
        Assert.Equal(TriageLevel.SelfCare, outcome.Level);
    }

    [Theory]
    [InlineData(DddDiagnosis.Yes, 7, TriageLevel.SeeDoctor)]
    [InlineData(DddDiagnosis.Yes, 10, TriageLevel.SeeDoctor)]
    [InlineData(DddDiagnosis.Yes, 6, TriageLevel.SelfCare)]
    [InlineData(DddDiagnosis.No, 7, TriageLevel.SelfCare)]
    [InlineData(DddDiagnosis.NotSure, 7, TriageLevel.SelfCare)]
    public void Assess_DiagnosedDiscDegeneration_SeeDoctorFrom7(DddDiagnosis ddd, int pain, TriageLevel expected)
    {
        // Arrange
        var profile = NewProfile(p => p.Ddd = ddd);
        var input = Input(NewCheckIn(pain: pain), profile: profile);

        // Act
        var outcome = TriageRules.Assess(input);

        // Assert
        Assert.Equal(expected, outcome.Level);
    }

    [Fact]
    public void Assess_TenDaysAnsweredYes_SeeDoctor()
    {
        // Arrange
        var input = Input(NewCheckIn(), yes: [RedFlags.TenDaysId]);

        // Act
        var outcome = TriageRules.Assess(input);

        // Assert
        Assert.Equal(TriageLevel.SeeDoctor, outcome.Level);
    }

    // ---- Assess: combining ------------------------------------------------------------------------

    [Fact]
    public void Assess_NothingOfNote_SelfCareWithNoFindings()
    {
        // Arrange
        var input = Input(NewCheckIn(pain: 5), profile: NewProfile(), age: 35);

        // Act
        var outcome = TriageRules.Assess(input);

        // Assert
        Assert.Equal(TriageLevel.SelfCare, outcome.Level);
        Assert.Empty(outcome.Findings);
        Assert.False(outcome.StopsThePlan);
        Assert.False(outcome.GentleOnly);
    }

    [Fact]
    public void Assess_FindingsAtSeveralLevels_HighestWinsAndFindingsHighestFirst()
    {
        // Arrange: see-a-doctor (below the knee, two 8s), urgent (fever, cancer) and emergency (bladder).
        var previous = NewCheckIn(pain: 8);
        previous.RecordedAt = Now.AddDays(-1);
        var checkIn = NewCheckIn(pain: 8, spread: LegSpread.BelowKnee, legs: LegsAffected.OneLeg);
        var profile = NewProfile(p => p.HistoryOfCancer = true);
        var input = Input(checkIn, profile: profile, previous: previous, yes: [RedFlags.FeverId, RedFlags.BladderId]);

        // Act
        var outcome = TriageRules.Assess(input);

        // Assert
        Assert.Equal(TriageLevel.Emergency, outcome.Level);
        var levels = outcome.Findings.Select(f => f.Level).ToList();
        Assert.Equal(5, levels.Count);
        Assert.Equal(levels.OrderByDescending(l => l), levels);
        Assert.Equal(TriageLevel.Emergency, levels[0]);
        Assert.Equal(TriageLevel.SeeDoctor, levels[^1]);
    }

    [Fact]
    public void Assess_SeeDoctorAndUrgent_UrgentWins()
    {
        // Arrange
        var checkIn = NewCheckIn(spread: LegSpread.BelowKnee, legs: LegsAffected.OneLeg);
        var input = Input(checkIn, yes: [RedFlags.NightPainId]);

        // Act
        var outcome = TriageRules.Assess(input);

        // Assert
        Assert.Equal(TriageLevel.Urgent, outcome.Level);
        Assert.Equal(new[] { TriageLevel.Urgent, TriageLevel.SeeDoctor }, outcome.Findings.Select(f => f.Level));
    }

    [Theory]
    [InlineData("not-a-red-flag")]
    [InlineData("")]
    public void Assess_UnknownAnswerId_Ignored(string id)
    {
        // Arrange
        var input = Input(NewCheckIn(), profile: NewProfile(), yes: [id]);

        // Act
        var outcome = TriageRules.Assess(input);

        // Assert
        Assert.Equal(TriageLevel.SelfCare, outcome.Level);
        Assert.Empty(outcome.Findings);
    }

    [Fact]
    public void Assess_UnknownAnswerIdBesideAKnownOne_OnlyTheKnownOneCounts()
    {
        // Arrange
        var input = Input(NewCheckIn(), yes: ["not-a-red-flag", RedFlags.FeverId]);

        // Act
        var outcome = TriageRules.Assess(input);

        // Assert
        Assert.Equal(TriageLevel.Urgent, outcome.Level);
        Assert.Single(outcome.Findings);
    }

    // ---- Assess: never reassures ------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(QuestionIds))]
    public void Assess_AnyQuestionAnsweredYes_NoFindingSaysItIsSafe(string id)
    {
        // Arrange
        var profile = NewProfile(p => p.Osteoporosis = true);
        var input = Input(NewCheckIn(), profile: profile, yes: [id]);

        // Act
        var outcome = TriageRules.Assess(input);

        // Assert
        Assert.NotEmpty(outcome.Findings);
        AssertNoReassurance(outcome);
    }

    [Fact]
    public void Assess_EveryRuleAtOnce_NoFindingSaysItIsSafe()
    {
        // Arrange
        var previous = NewCheckIn(pain: 9);
        previous.RecordedAt = Now.AddDays(-1);
        var checkIn = NewCheckIn(pain: 9, spread: LegSpread.BelowKnee, legs: LegsAffected.BothLegs,
            locations: PainLocation.Centre | PainLocation.DownALeg);
        var profile = NewProfile(p =>
        {
            p.HistoryOfCancer = true;
            p.UnexplainedWeightLoss = true;
            p.ImmuneSuppression = true;
            p.Osteoporosis = true;
            p.Steroids = true;
            p.Ddd = DddDiagnosis.Yes;
            p.PatternWeeks = 1;
        });
        var input = Input(checkIn, profile: profile, age: 55, previous: previous,
            yes: RedFlags.Questions.Select(q => q.Id));

        // Act
        var outcome = TriageRules.Assess(input);

        // Assert
        Assert.Equal(TriageLevel.Emergency, outcome.Level);
        AssertNoReassurance(outcome);
        Assert.All(outcome.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Source)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Assess_NothingFound_NoFindingsRatherThanAnAllClear(int pain)
    {
        // Arrange
        var input = Input(NewCheckIn(pain: pain), profile: NewProfile(), age: 35);

        // Act
        var outcome = TriageRules.Assess(input);

        // Assert: silence, never a sentence claiming nothing is wrong.
        Assert.Equal(TriageLevel.SelfCare, outcome.Level);
        Assert.Empty(outcome.Findings);
    }
}
