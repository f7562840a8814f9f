using static Backstride.Core.Tests.Validation.ValidationAssert;
using Backstride.Core.Insights;
using Backstride.Core.Plans;
using Backstride.Core.Runs;
using Backstride.Core.Triage;

namespace Backstride.Core.Tests.Insights;

public sealed class ExperimentScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    // --- order ---

    [Fact]
    public void DrawOrder_Seed42_GivesThePinnedOrderEveryTime()
    {
        // Act
        var first = ExperimentSchedule.DrawOrder(42, 8);
        var second = ExperimentSchedule.DrawOrder(42, 8);

        // Assert: pinned from an independent SplitMix64, so a change of generator breaks stored schedules loudly.
        Assert.Equal("BA,AB,AB,AB,AB,BA,AB,BA", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void DrawOrder_FewerPairs_IsTheStartOfTheLongerOrder()
    {
        // Act
        var short3 = ExperimentSchedule.DrawOrder(42, 3);

        // Assert
        Assert.Equal("BA,AB,AB", short3);
    }

    [Fact]
    public void DrawOrder_TenThousandSeeds_AbAndBaAboutHalfEach()
    {
        // Act
        var abCount = Enumerable.Range(0, 10_000).Count(seed => ExperimentSchedule.DrawOrder(seed, 1) == "AB");

        // Assert
        Assert.InRange(abCount / 10_000.0, 0.47, 0.53);
    }

    [Fact]
    public void DrawOrder_OneLongSchedule_AbAndBaAboutHalfEach()
    {
        // Act
        var orders = ExperimentSchedule.DrawOrder(-7_000_000_000L, 10_000).Split(',');

        // Assert
        Assert.Equal(10_000, orders.Length);
        Assert.All(orders, o => Assert.True(o is "AB" or "BA"));
        Assert.InRange(orders.Count(o => o == "AB") / 10_000.0, 0.47, 0.53);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(3, 4)]
    [InlineData(7, 8)]
    public void OptionFor_AnySeed_EachPairHoldsOneBlockOfEachAndOptionsGetEqualEvenings(int blockLength, int blockPairs)
    {
        for (long seed = 0; seed < 200; seed++)
        {
            // Arrange
            var experiment = ExperimentSchedule.Start(ExperimentOption.Heat, ExperimentOption.WbcCream, blockLength, blockPairs, seed, Start);

            // Act
            var schedule = Enumerable.Range(0, ExperimentSchedule.EveningsPlanned(experiment))
                .Select(i => ExperimentSchedule.OptionFor(experiment, i))
                .ToList();

            // Assert
            Assert.Equal(blockLength * blockPairs, schedule.Count(o => o == ExperimentOption.Heat));
            Assert.Equal(blockLength * blockPairs, schedule.Count(o => o == ExperimentOption.WbcCream));
            for (var pair = 0; pair < blockPairs; pair++)
            {
                var pairEvenings = schedule.Skip(pair * 2 * blockLength).Take(2 * blockLength).ToList();
                Assert.Equal(blockLength, pairEvenings.Count(o => o == ExperimentOption.Heat));
                // A block is one option throughout.
                Assert.Single(pairEvenings.Take(blockLength).Distinct());
            }
        }
    }

    [Fact]
    public void OptionFor_HandCheckedSchedule_FollowsTheOrderBlockByBlock()
    {
        // Arrange: blocks of 2 runs, order "BA,AB" → B B A A | A A B B
        var experiment = new SelfExperiment
        {
            OptionA = ExperimentOption.Heat,
            OptionB = ExperimentOption.Ice,
            BlockLength = 2,
            BlockPairs = 2,
            Order = "BA,AB",
            StartedAt = Start,
        };

        // Act
        var schedule = Enumerable.Range(0, 8).Select(i => ExperimentSchedule.OptionFor(experiment, i)).ToArray();

        // Assert
        ExperimentOption[] expected =
        [
            ExperimentOption.Ice, ExperimentOption.Ice, ExperimentOption.Heat, ExperimentOption.Heat,
            ExperimentOption.Heat, ExperimentOption.Heat, ExperimentOption.Ice, ExperimentOption.Ice,
        ];
        Assert.Equal(expected, schedule);
    }

    [Fact]
    public void OptionFor_PastThePlannedEvenings_Throws()
    {
        // Arrange
        var experiment = ExperimentSchedule.Start(ExperimentOption.Heat, ExperimentOption.Ice, 2, 2, 1, Start);

        // Act + Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => ExperimentSchedule.OptionFor(experiment, 8));
    }

    // --- start ---

    [Fact]
    public void Start_ValidChoice_KeepsChoiceSeedAndOrderFromTheSeed()
    {
        // Act
        var experiment = ExperimentSchedule.Start(ExperimentOption.Stretching, ExperimentOption.Nothing, 3, 4, 42, Start);

        // Assert
        Assert.Equal(ExperimentOption.Stretching, experiment.OptionA);
        Assert.Equal(ExperimentOption.Nothing, experiment.OptionB);
        Assert.Equal(3, experiment.BlockLength);
        Assert.Equal(4, experiment.BlockPairs);
        Assert.Equal(42, experiment.Seed);
        Assert.Equal("BA,AB,AB,AB", experiment.Order);
        Assert.Equal(Start, experiment.StartedAt);
        Assert.Equal(Start, experiment.CreatedAt);
        Assert.Null(experiment.EndedAt);
        Assert.Equal(24, ExperimentSchedule.EveningsPlanned(experiment));
    }

    [Fact]
    public void Start_SameOptionTwice_Throws()
    {
        Assert.Throws<ArgumentException>(() => ExperimentSchedule.Start(ExperimentOption.Ice, ExperimentOption.Ice, 3, 4, 1, Start));
    }

    // --- validation ---

    [Fact]
    public void Validate_TwoOptionsInRange_Passes()
    {
        AssertValid(ExperimentSchedule.Validate(ExperimentOption.Heat, ExperimentOption.WbcCream, 3, 4));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(7, 8)]
    public void Validate_SizesAtTheLimits_Pass(int blockLength, int blockPairs)
    {
        AssertValid(ExperimentSchedule.Validate(ExperimentOption.Nothing, ExperimentOption.Ice, blockLength, blockPairs));
    }

    [Fact]
    public void Validate_SameOptionTwice_RefusedOnOptionB()
    {
        // Act
        var errors = ExperimentSchedule.Validate(ExperimentOption.Heat, ExperimentOption.Heat, 3, 4);

        // Assert
        Assert.Equal("Choose two different options: comparing an option with itself shows nothing.",
            SingleErrorOn(errors, ExperimentSchedule.OptionBField));
    }

    [Fact]
    public void Validate_UnknownFirstOption_RefusedOnOptionA()
    {
        // Act
        var errors = ExperimentSchedule.Validate((ExperimentOption)99, ExperimentOption.Heat, 3, 4);

        // Assert
        Assert.Equal("Choose the first option to compare.", SingleErrorOn(errors, ExperimentSchedule.OptionAField));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(-1)]
    public void Validate_BlockLengthOutOfRange_RefusedOnBlockLength(int blockLength)
    {
        // Act
        var errors = ExperimentSchedule.Validate(ExperimentOption.Heat, ExperimentOption.Ice, blockLength, 4);

        // Assert
        Assert.Equal("A block is 1 to 7 runs long.", SingleErrorOn(errors, ExperimentSchedule.BlockLengthField));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void Validate_BlockPairsOutOfRange_RefusedOnBlockPairs(int blockPairs)
    {
        // Act
        var errors = ExperimentSchedule.Validate(ExperimentOption.Heat, ExperimentOption.Ice, 3, blockPairs);

        // Assert
        Assert.Equal("Choose 2 to 8 pairs of blocks: at least 2 are needed to tell a difference from chance.",
            SingleErrorOn(errors, ExperimentSchedule.BlockPairsField));
    }

    // --- evenings ---

    [Fact]
    public void EveningsOf_MixedEvenings_SkipsBeforeStartWithoutPlanAndEmergencies()
    {
        // Arrange
        var experiment = ExperimentSchedule.Start(ExperimentOption.Heat, ExperimentOption.Ice, 2, 2, 5, Start);
        var diary = new InsightDiaryBuilder(experiment: experiment)
            .Run(Start.AddDays(-1), pain: 3, followUp: 2)                                   // before the start
            .Run(Start.AddDays(1), pain: 4, followUp: 3)                                    // counts
            .Run(Start.AddDays(2), pain: 5, followUp: 4, plan: false)                       // no plan shown
            .Run(Start.AddDays(3), pain: 8, followUp: 8, triage: TriageLevel.Emergency)     // emergency evening
            .Run(Start.AddDays(4), pain: 2, followUp: 1, triage: TriageLevel.Urgent)        // counts
            .Run(Start.AddDays(5), pain: null);                                             // no check-in, so no evening

        // Act
        var counted = ExperimentSchedule.EveningsOf(experiment, diary.Evenings());

        // Assert
        Assert.Equal([Start.AddDays(1), Start.AddDays(4)], counted.Select(e => e.Run.StartedAt));
    }

    [Fact]
    public void EveningsOf_MoreEveningsThanPlannedOrAfterTheEnd_StopsThere()
    {
        // Arrange
        var experiment = ExperimentSchedule.Start(ExperimentOption.Heat, ExperimentOption.Ice, 1, 2, 5, Start);
        var diary = new InsightDiaryBuilder(experiment: experiment);
        var ended = ExperimentSchedule.Start(ExperimentOption.Heat, ExperimentOption.Ice, 1, 2, 5, Start);
        ended.EndedAt = Start.AddDays(2).AddHours(12);
        ended.StoppedEarly = true;
        var endedDiary = new InsightDiaryBuilder(experiment: ended);
        for (var day = 1; day <= 6; day++)
        {
            diary.Run(Start.AddDays(day), pain: 3, followUp: 2);
            endedDiary.Run(Start.AddDays(day), pain: 3, followUp: 2);
        }

        // Act
        var all = ExperimentSchedule.EveningsOf(experiment, diary.Evenings());
        var untilEnd = ExperimentSchedule.EveningsOf(ended, endedDiary.Evenings());

        // Assert
        Assert.Equal(4, all.Count);
        Assert.Equal(Start.AddDays(4), all[^1].Run.StartedAt);
        Assert.Equal(2, untilEnd.Count);
    }

    [Fact]
    public void EveningsOf_AnOlderPlanOpenedLater_KeepsEveryEarlierEveningsOption()
    {
        // Arrange: the plans of days 1 and 3 were shown first; day 2's plan was only opened afterwards.
        var experiment = ExperimentSchedule.Start(ExperimentOption.Heat, ExperimentOption.Ice, 1, 2, 5, Start);
        var diary = new InsightDiaryBuilder(experiment: experiment)
            .Run(Start.AddDays(1), pain: 3, followUp: 2)
            .Run(Start.AddDays(3), pain: 3, followUp: 2)
            .Run(Start.AddDays(2), pain: 3, followUp: 2);

        // Act
        var counted = ExperimentSchedule.EveningsOf(experiment, diary.Evenings());

        // Assert: each evening keeps the option it was shown, in the order the plans were shown.
        Assert.Equal([Start.AddDays(1), Start.AddDays(3), Start.AddDays(2)], counted.Select(e => e.Run.StartedAt));
        Assert.Equal([0, 1, 2], counted.Select(ExperimentSchedule.SlotOf));
    }

    [Fact]
    public void EveningsOf_SlotThenEmergency_NotCountedAndTheNextSlotComesAfterIt()
    {
        // Arrange: three evenings got slots 0, 1, 2; the answers given after evening 1's plan made it an emergency.
        var experiment = ExperimentSchedule.Start(ExperimentOption.Heat, ExperimentOption.Ice, 1, 2, 5, Start);
        var evenings = new InsightDiaryBuilder(experiment: experiment)
            .Run(Start.AddDays(1), pain: 3, followUp: 2)
            .Run(Start.AddDays(2), pain: 3, followUp: 2)
            .Run(Start.AddDays(3), pain: 3, followUp: 2)
            .Evenings()
            .Select((e, i) => i == 1 ? e with { Plan = e.Plan! with { Triage = TriageLevel.Emergency } } : e)
            .ToList();

        // Act
        var counted = ExperimentSchedule.EveningsOf(experiment, evenings);
        var progress = ExperimentSchedule.Progress(experiment, evenings);

        // Assert
        Assert.Equal([0, 2], counted.Select(ExperimentSchedule.SlotOf));
        Assert.Equal(2, progress.EveningsCounted);
        Assert.Equal(ExperimentSchedule.OptionFor(experiment, 3), progress.Tonight);
    }

    // --- progress ---

    [Fact]
    public void Progress_ThreeEveningsIntoBlocksOfTwo_TonightIsTheSecondBlocksOption()
    {
        // Arrange: order "BA,AB" → Ice Ice | Heat Heat | Heat Heat | Ice Ice
        var experiment = new SelfExperiment
        {
            OptionA = ExperimentOption.Heat,
            OptionB = ExperimentOption.Ice,
            BlockLength = 2,
            BlockPairs = 2,
            Order = "BA,AB",
            StartedAt = Start,
        };
        var diary = new InsightDiaryBuilder(experiment: experiment);
        for (var day = 1; day <= 3; day++)
        {
            diary.Run(Start.AddDays(day), pain: 3, followUp: 2);
        }

        // Act
        var progress = ExperimentSchedule.Progress(experiment, diary.Evenings());

        // Assert
        Assert.Equal(new ExperimentProgress(3, 8, ExperimentOption.Heat, Block: 2, Pair: 1, Finished: false), progress);
    }

    [Fact]
    public void Progress_AllEveningsDone_FinishedWithNothingTonight()
    {
        // Arrange
        var experiment = ExperimentSchedule.Start(ExperimentOption.Heat, ExperimentOption.Ice, 1, 2, 5, Start);
        var diary = new InsightDiaryBuilder(experiment: experiment);
        for (var day = 1; day <= 5; day++)
        {
            diary.Run(Start.AddDays(day), pain: 3, followUp: 2);
        }

        // Act
        var progress = ExperimentSchedule.Progress(experiment, diary.Evenings());

        // Assert
        Assert.Equal(new ExperimentProgress(4, 4, null, Block: 4, Pair: 2, Finished: true), progress);
    }

    [Fact]
    public void Progress_StoppedEarly_FinishedWithNothingTonight()
    {
        // Arrange
        var experiment = ExperimentSchedule.Start(ExperimentOption.Heat, ExperimentOption.Ice, 3, 2, 5, Start);
        experiment.EndedAt = Start.AddDays(10);
        experiment.StoppedEarly = true;
        var diary = new InsightDiaryBuilder(experiment: experiment).Run(Start.AddDays(1), pain: 3, followUp: 2);

        // Act
        var progress = ExperimentSchedule.Progress(experiment, diary.Evenings());

        // Assert
        Assert.True(progress.Finished);
        Assert.Null(progress.Tonight);
        Assert.Equal(1, progress.EveningsCounted);
    }
}

/// <summary>
/// Builds an <see cref="InsightDiary"/> the way the app records one: a run, its check-in an hour later, a follow-up two
/// hours after that, and the evening's plan with the remedies done. Shared by the insights tests in this folder.
/// </summary>
internal sealed class InsightDiaryBuilder(TimeZoneInfo? zone = null, SelfExperiment? experiment = null)
{
    private int _slotsTaken;

    private readonly List<RunRow> _runs = [];
    private readonly List<PainRow> _checkIns = [];
    private readonly List<EveningRow> _evenings = [];

    public TimeZoneInfo Zone { get; } = zone ?? TimeZoneInfo.Utc;

    public InsightDiaryBuilder Run(
        DateTimeOffset startedAt,
        int? pain,
        int? followUp = null,
        double metres = 8_000,
        IEnumerable<Remedy>? done = null,
        TriageLevel? triage = TriageLevel.SelfCare,
        bool plan = true)
    {
        var run = new RunRow(Guid.NewGuid(), startedAt, metres, TimeSpan.FromMinutes(45), Surface.Road, null, null, false);
        _runs.Add(run);
        if (pain is { } score)
        {
            var checkIn = new PainRow(Guid.NewGuid(), run.Id, startedAt.AddHours(1), score);
            _checkIns.Add(checkIn);
            if (followUp is { } later)
            {
                _checkIns.Add(new PainRow(Guid.NewGuid(), run.Id, startedAt.AddHours(3), later));
            }
            if (plan)
            {
                // As the plan page does: the evening takes the experiment's next slot when its plan is first shown,
                // unless a red flag stops the plan. An experiment that has ended by now was running at the time of
                // evenings before its end, so the rule is asked as it was then.
                var asItWas = experiment is { EndedAt: { } ended } e0 && checkIn.RecordedAt < ended
                    ? new SelfExperiment { Id = e0.Id, OptionA = e0.OptionA, OptionB = e0.OptionB, BlockLength = e0.BlockLength,
                        BlockPairs = e0.BlockPairs, Order = e0.Order, StartedAt = e0.StartedAt }
                    : experiment;
                var slot = asItWas is { } e && triage != TriageLevel.Emergency && ExperimentSchedule.CanAssign(e, checkIn.RecordedAt, _slotsTaken)
                    ? _slotsTaken++
                    : (int?)null;
                _evenings.Add(new EveningRow(checkIn.Id, checkIn.RecordedAt, triage, new HashSet<Remedy>(done ?? []),
                    slot is null ? null : experiment!.Id, slot));
            }
        }
        return this;
    }

    public InsightDiary Build() => new(
        _runs.OrderBy(r => r.StartedAt).ToList(),
        _checkIns.OrderBy(c => c.RecordedAt).ToList(),
        _evenings.OrderBy(e => e.CreatedAt).ToList(),
        [],
        [],
        Zone);

    public IReadOnlyList<RunEvening> Evenings() => RunEvenings.Build(Build());
}
