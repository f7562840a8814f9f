using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Backstride.Core.CheckIns;
using Backstride.Core.Insights;
using Backstride.Core.Medication;
using Backstride.Core.Plans;
using Backstride.Core.Runs;
using Backstride.Core.Training;
using Backstride.Core.Triage;
using MathNet.Numerics;

namespace Backstride.Core.Tests.Insights;

/// <summary>
/// The sample-data generator (issue 7, part 8): reproducible from its seed, realistic in every value a runner or
/// clinician would see, never unsafe (no dose above a label, no emergency), and carrying the effects it plants.
/// </summary>
public sealed class SampleDiaryTests
{
    /// <summary>Sunday 3 May 2026, 21:30 in London: the demo runner's "now".</summary>
    private static readonly DateTimeOffset End = new(2026, 5, 3, 21, 30, 0, TimeSpan.FromHours(1));

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static SampleDiaryData Generate(int seed, Guid? userId = null, int days = 182, double runsPerWeek = 4) =>
        SampleDiary.Generate(userId ?? Guid.NewGuid(), new SampleDiaryOptions(seed, End, days, runsPerWeek));

    private static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, London).DateTime;

    /// <summary>Every row a runner sees, ids and times included, hashed.</summary>
    private static string Digest(SampleDiaryData data)
    {
        var text = new StringBuilder();
        foreach (var shoe in data.Shoes)
        {
            text.Append(CultureInfo.InvariantCulture, $"S{shoe.Id}|{shoe.Name}\n");
        }
        foreach (var run in data.Runs)
        {
            var m = run.Measurements!;
            text.Append(CultureInfo.InvariantCulture,
                $"R{run.Id}|{run.StartedAt:O}|{run.DistanceMetres}|{run.Duration}|{run.Surface}|{run.ShoeId}|{run.StretchedBefore}|{run.Effort}|{run.SourceFileName}|{m.ElapsedTime}|{m.ElevationGainMetres}|{m.AvgHeartRate}|{m.AvgCadenceStepsPerMinute}|{m.AvgVerticalOscillationMm}|{m.AvgGroundContactTimeMs}|{m.AvgVerticalRatioPercent}|{m.AvgStepLengthMm}\n");
        }
        foreach (var c in data.CheckIns)
        {
            text.Append(CultureInfo.InvariantCulture, $"C{c.Id}|{c.RunId}|{c.RecordedAt:O}|{c.Pain}|{c.Locations}|{c.Stiffness}|{c.LegSpread}|{c.LegsAffected}|{c.Onset}\n");
        }
        foreach (var plan in data.Plans)
        {
            text.Append(CultureInfo.InvariantCulture, $"P{plan.Id}|{plan.CheckInId}|{plan.TriageLevel}|{plan.SafetyAnswers}|{plan.CreatedAt:O}\n");
            foreach (var step in plan.Steps)
            {
                text.Append(CultureInfo.InvariantCulture, $" {step.Id}|{step.StepId}|{step.Status}|{step.TimerStartedAt:O}|{step.FinishedAt:O}\n");
            }
        }
        foreach (var dose in data.Doses)
        {
            text.Append(CultureInfo.InvariantCulture, $"D{dose.Id}|{dose.TakenAt:O}|{dose.ProductId}|{dose.Units}\n");
        }
        foreach (var session in data.StrengthSessions)
        {
            text.Append(CultureInfo.InvariantCulture, $"T{session.Id}|{session.StartedAt:O}|{string.Join(",", session.Sets.Select(s => $"{s.Id}:{s.ExerciseId}:{s.Amount}:{s.Pain}"))}\n");
        }
        foreach (var e in data.Experiments)
        {
            text.Append(CultureInfo.InvariantCulture, $"E{e.Id}|{e.Seed}|{e.Order}|{e.StartedAt:O}|{e.EndedAt:O}\n");
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Each run's check-ins in time order: the first is the evening's, a second one its follow-up.</summary>
    private static Dictionary<Guid, List<CheckIn>> CheckInsByRun(SampleDiaryData data) =>
        data.CheckIns.Where(c => c.RunId is not null).GroupBy(c => c.RunId!.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.RecordedAt).ToList());

    [Fact]
    public void Generate_SameSeedTwice_IdenticalRowsIdsIncluded()
    {
        // Arrange
        var userId = Guid.NewGuid();

        // Act
        var first = Generate(seed: 42, userId);
        var second = Generate(seed: 42, userId);

        // Assert
        Assert.Equal(Digest(first), Digest(second));
        Assert.Equal(first.Runs.Select(r => r.Id), second.Runs.Select(r => r.Id));
    }

    [Fact]
    public void Generate_DifferentSeeds_DifferentRowsAndIds()
    {
        // Arrange
        var userId = Guid.NewGuid();

        // Act
        var first = Generate(seed: 42, userId);
        var second = Generate(seed: 43, userId);

        // Assert
        Assert.NotEqual(Digest(first), Digest(second));
        Assert.Empty(first.Runs.Select(r => r.Id).Intersect(second.Runs.Select(r => r.Id)));
    }

    [Fact]
    public void Generate_SixMonthsFourRunsAWeek_RunsCheckInsFollowUpsAndMorningsInProportion()
    {
        // Act
        var data = Generate(seed: 7);

        // Assert: 26 weeks at 4 a week is 104 runs.
        var byRun = CheckInsByRun(data);
        var followUps = byRun.Values.Count(list => list.Count >= 2);
        var mornings = data.CheckIns.Count(c => c.RunId is null);
        Assert.InRange(data.Runs.Count, 84, 124);
        Assert.InRange(byRun.Count / (double)data.Runs.Count, 0.82, 0.98);
        Assert.InRange(followUps / (double)byRun.Count, 0.55, 0.85);
        Assert.InRange(mornings / (double)byRun.Count, 0.35, 0.68);
        Assert.All(byRun.Values, list => Assert.InRange(list.Count, 1, 2));
    }

    [Fact]
    public void Generate_SixMonths_EveryRowIsTheRunnersAndInsideTheDiary()
    {
        // Arrange
        var userId = Guid.NewGuid();
        var firstDay = End.AddDays(-182);

        // Act
        var data = Generate(seed: 8, userId);

        // Assert
        IEnumerable<IOwnedByRunner> rows = [data.Settings, data.Profile, data.Training, .. data.Shoes, .. data.Runs, .. data.CheckIns,
            .. data.Plans, .. data.Plans.SelectMany(p => p.Steps), .. data.StrengthSessions, .. data.StrengthSessions.SelectMany(s => s.Sets),
            .. data.Doses, .. data.Experiments];
        Assert.All(rows, row => Assert.Equal(userId, row.UserId));
        Assert.All(data.Runs, r => Assert.InRange(r.StartedAt + r.Measurements!.ElapsedTime, firstDay, End));
        Assert.All(data.CheckIns, c => Assert.InRange(c.RecordedAt, firstDay, End));
        Assert.All(data.Plans.SelectMany(p => p.Steps), s => Assert.InRange(s.UpdatedAt, firstDay, End));
        Assert.All(data.StrengthSessions, s => Assert.InRange(s.FinishedAt!.Value, firstDay, End));
        var ids = data.Runs.Select(r => r.Id).Concat(data.CheckIns.Select(c => c.Id)).Concat(data.Plans.Select(p => p.Id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Generate_TwoYears_RunsAreRealisticEveningWatchImports()
    {
        // Act
        var data = Generate(seed: 9, days: 730);

        // Assert
        Assert.All(data.Runs, run =>
        {
            var m = Assert.IsType<RunMeasurements>(run.Measurements);
            var km = run.DistanceMetres / 1000;
            var paceSecondsPerKm = run.Duration.TotalSeconds / km;
            var local = Local(run.StartedAt);
            Assert.Equal(RunSource.Imported, run.Source);
            Assert.Equal(local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), run.SourceFileName![..10]);
            Assert.EndsWith("-run.fit", run.SourceFileName, StringComparison.Ordinal);
            Assert.InRange(local.TimeOfDay, TimeSpan.FromHours(15.5), TimeSpan.FromHours(19.5));
            Assert.InRange(km, local.DayOfWeek == DayOfWeek.Sunday ? 12 : 5, local.DayOfWeek == DayOfWeek.Sunday ? 24 : 12);
            Assert.InRange(paceSecondsPerKm, 284.9, 390.1);
            Assert.Equal(run.Duration, m.MovingTime);
            Assert.InRange(m.ElapsedTime - m.MovingTime, TimeSpan.Zero, TimeSpan.FromMinutes(6));
            Assert.InRange(m.AvgHeartRate!.Value, 135, 165);
            Assert.InRange(m.AvgCadenceStepsPerMinute!.Value, 160, 182);
            Assert.InRange(m.AvgVerticalOscillationMm!.Value, 75, 105);
            Assert.InRange(m.AvgGroundContactTimeMs!.Value, 225, 285);
            Assert.InRange(m.AvgVerticalRatioPercent!.Value, 7, 9.5);
            Assert.InRange(m.AvgStepLengthMm!.Value, 950, 1250);
            // Step length is the distance a minute over the steps a minute.
            var metresPerMinute = 60_000 / paceSecondsPerKm;
            Assert.Equal(metresPerMinute * 1000 / m.AvgCadenceStepsPerMinute.Value, m.AvgStepLengthMm.Value, tolerance: 5);
            Assert.Equal(m.AvgVerticalOscillationMm.Value / m.AvgStepLengthMm.Value * 100, m.AvgVerticalRatioPercent.Value, tolerance: 0.01);
            if (run.Surface == Surface.Treadmill)
            {
                Assert.Null(m.ElevationGainMetres);
            }
            else
            {
                Assert.InRange(m.ElevationGainMetres!.Value / km, 3.9, 45.1);
            }
        });
        var longRuns = data.Runs.Where(r => Local(r.StartedAt).DayOfWeek == DayOfWeek.Sunday).ToList();
        var otherRuns = data.Runs.Except(longRuns).ToList();
        Assert.True(longRuns.Average(r => r.Measurements!.AvgCadenceStepsPerMinute!.Value) < otherRuns.Average(r => r.Measurements!.AvgCadenceStepsPerMinute!.Value) - 2,
            "long runs have a lower cadence");
        Assert.InRange(data.Runs.Count(r => r.Surface == Surface.Trail) / (double)data.Runs.Count, 0.10, 0.20);
        Assert.InRange(data.Runs.Count(r => r.Surface == Surface.Treadmill), 5, 40);
        Assert.InRange(data.Runs.Count(r => r.StretchedBefore) / (double)data.Runs.Count, 0.4, 0.6);
        var trailShoe = Assert.Single(data.Shoes, s => s.Name == "Speedgoat 5");
        var roadShoe = Assert.Single(data.Shoes, s => s.Name == "Pegasus 40");
        var trailRuns = data.Runs.Where(r => r.Surface == Surface.Trail).ToList();
        Assert.True(trailRuns.Count(r => r.ShoeId == trailShoe.Id) > 0.7 * trailRuns.Count, "trail runs are mostly in the trail shoe");
        Assert.True(otherRuns.Count(r => r.Surface == Surface.Road && r.ShoeId == roadShoe.Id) > 0.5 * otherRuns.Count, "road runs are mostly in the road shoe");
    }

    [Fact]
    public void Generate_SixMonths_CheckInsFollowUpsAndMorningsAtRealisticTimes()
    {
        // Act
        var data = Generate(seed: 10);

        // Assert
        var runs = data.Runs.ToDictionary(r => r.Id);
        foreach (var (runId, list) in CheckInsByRun(data))
        {
            var run = runs[runId];
            var runEnd = run.StartedAt + run.Measurements!.ElapsedTime;
            Assert.InRange(list[0].RecordedAt - runEnd, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(90));
            if (list.Count == 2)
            {
                Assert.InRange(list[1].RecordedAt - list[0].RecordedAt, TimeSpan.FromHours(1.5), TimeSpan.FromHours(4));
            }
        }
        var mornings = data.CheckIns.Where(c => c.RunId is null).ToList();
        Assert.NotEmpty(mornings);
        Assert.All(mornings, c => Assert.InRange(Local(c.RecordedAt).TimeOfDay, TimeSpan.FromHours(7), TimeSpan.FromHours(9.5)));
        Assert.All(data.CheckIns, c =>
        {
            Assert.InRange(c.Pain, PainScale.Min, PainScale.Max);
            Assert.Equal(c.Pain == 0, c.Locations == PainLocation.None);
            Assert.NotEqual(LegSpread.BelowKnee, c.LegSpread);
            Assert.NotEqual(LegsAffected.BothLegs, c.LegsAffected);
        });
        Assert.True(data.CheckIns.Count(c => c.LegSpread == LegSpread.No) >= 0.97 * data.CheckIns.Count, "pain almost never spreads into a leg");
        Assert.InRange(data.CheckIns.Average(c => c.Pain), 1.5, 3.5);
    }

    [Fact]
    public void Generate_TwoYears_EveryDoseIsOneTheMedicationGuardAllowsAtTheLabelDose()
    {
        // Act
        var data = Generate(seed: 11, days: 730);

        // Assert
        Assert.InRange(data.Doses.Count, 3, 200);
        var runsByCheckIn = data.CheckIns.Where(c => c.RunId is not null).ToDictionary(c => c.Id, c => data.Runs.Single(r => r.Id == c.RunId));
        var planByDose = data.Plans.SelectMany(p => p.Steps.Where(s => s.StepId == "medication" && s.Status == StepStatus.Done).Select(s => (Plan: p, s.FinishedAt)));
        for (var i = 0; i < data.Doses.Count; i++)
        {
            var dose = data.Doses[i];
            var product = Assert.IsType<MedicationProduct>(MedicationProducts.Find(dose.ProductId));
            Assert.Contains(dose.ProductId, (string[])["advil", "tylenol-extra"]);
            Assert.InRange(dose.Units, 1, product.MaxUnitsPerDose);
            Assert.InRange(data.Doses.Where(d => d.ProductId == dose.ProductId && d.TakenAt > dose.TakenAt - MedicationGuard.Window && d.TakenAt <= dose.TakenAt).Sum(d => d.Units),
                1, product.MaxUnitsPer24Hours);
            var evening = Assert.Single(planByDose, p => p.FinishedAt == dose.TakenAt).Plan;
            var run = runsByCheckIn[evening.CheckInId];
            var context = new GuardContext(PlanBuilder.AgeFrom(data.Settings.BirthYear, dose.TakenAt), data.Profile, run.Duration >= RemedyLimits.LongRun);
            var answer = MedicationGuard.Check(product, data.Doses.Take(i).ToList(), context, dose.TakenAt);
            Assert.True(answer.Allowed, string.Join(" ", answer.Reasons));
            Assert.InRange(dose.Units, 1, answer.MaxUnitsNow);
        }
    }

    [Fact]
    public void Generate_TwoYears_PlansFollowSoreEveningsWithTimersInsideTheirCaps()
    {
        // Act
        var data = Generate(seed: 12, days: 730);

        // Assert
        var eveningCheckIns = CheckInsByRun(data).Values.Select(list => list[0]).ToList();
        var planned = data.Plans.Select(p => p.CheckInId).ToHashSet();
        Assert.All(eveningCheckIns, c => Assert.Equal(c.Pain >= 1, planned.Contains(c.Id)));
        Assert.Equal(data.Plans.Count, planned.Count);
        var steps = data.Plans.SelectMany(p => p.Steps).ToList();
        Assert.All(steps, s =>
        {
            Assert.NotNull(RunEvenings.RemedyOfStep(s.StepId));
            if (s.TimerStartedAt is { } started && s.FinishedAt is { } finished)
            {
                Assert.InRange(finished - started, TimeSpan.Zero, RemedyLimits.MaxHeat);
            }
        });
        Assert.All(data.Plans, p => Assert.Equal(p.Steps.Count, p.Steps.Select(s => s.StepId).Distinct().Count()));
        Assert.All(data.Plans, p => Assert.DoesNotContain(p.Steps, s => s.StepId == "ice" && p.Steps.Any(o => o.StepId == "heat")));
        Assert.Equal([StepStatus.NotStarted, StepStatus.Done, StepStatus.Skipped, StepStatus.CutShort], steps.Select(s => s.Status).Distinct().Order());
        Assert.All(steps.Where(s => s.Status == StepStatus.CutShort), s => Assert.True(s.FinishedAt - s.TimerStartedAt < TimeSpan.FromMinutes(20)));
    }

    [Fact]
    public void Generate_SixMonths_OneOrTwoDoctorEveningsWithARedFlagAndNeverAnEmergency()
    {
        // Act
        var data = Generate(seed: 13);

        // Assert
        Assert.DoesNotContain(data.Plans, p => p.TriageLevel is null or TriageLevel.Emergency or TriageLevel.Urgent);
        var doctorEvenings = data.Plans.Where(p => p.TriageLevel == TriageLevel.SeeDoctor).ToList();
        Assert.InRange(doctorEvenings.Count, 1, 2);
        Assert.All(doctorEvenings, p => Assert.All(p.YesAnswers, id => Assert.Equal(TriageLevel.SeeDoctor, RedFlags.Find(id)?.Level)));
        Assert.All(doctorEvenings, p => Assert.NotEmpty(p.YesAnswers));
        Assert.All(data.Plans.Where(p => p.TriageLevel == TriageLevel.SelfCare), p => Assert.Empty(p.YesAnswers));
    }

    [Fact]
    public void Generate_TenYearsEveryDay_NeverAnEmergencyEvening()
    {
        // Act
        var data = Generate(seed: 14, days: 3650, runsPerWeek: 7);

        // Assert
        Assert.DoesNotContain(data.Plans, p => p.TriageLevel == TriageLevel.Emergency);
        Assert.DoesNotContain(data.CheckIns, c => c.LegsAffected == LegsAffected.BothLegs);
    }

    [Fact]
    public void Generate_SixMonths_ProfileSettingsTrainingAndStrengthAsARunnerWithBackPain()
    {
        // Act
        var data = Generate(seed: 15);

        // Assert
        Assert.Equal(1, data.Profile.Version);
        Assert.True(data.Profile.MedicationOptIn && data.Profile.HasIcePack && data.Profile.HasHeatingPad);
        Assert.True(data.Profile.ArchesBack || data.Profile.ShouldersSlumped || data.Profile.HeavyLandings);
        Assert.False(data.Profile.LiverDisease || data.Profile.KidneyDisease || data.Profile.StomachUlcerOrBleeding || data.Profile.BloodThinners
            || data.Profile.Steroids || data.Profile.Pregnant || data.Profile.HistoryOfCancer || data.Profile.UnexplainedWeightLoss
            || data.Profile.ImmuneSuppression || data.Profile.Osteoporosis || data.Profile.ReducedSensation || data.Profile.Diabetes);
        Assert.Equal("Europe/London", data.Settings.TimeZoneId);
        Assert.InRange(data.Settings.BirthYear!.Value, 1980, 1995);
        Assert.Equal(1, data.Training.Level);
        // 26 weeks at one or two sessions most weeks.
        Assert.InRange(data.StrengthSessions.Count, 26, 50);
        Assert.All(data.StrengthSessions, s =>
        {
            Assert.InRange(s.Sets.Count, 3, 4);
            Assert.All(s.Sets, set =>
            {
                Assert.Equal(set.ExerciseId, Exercises.Find(set.ExerciseId).Id);
                Assert.InRange(set.Pain!.Value, 0, 2);
                Assert.InRange(set.Effort, 1, 10);
                Assert.True(set.Amount > 0);
            });
        });
    }

    [Fact]
    public void ToInsightDiary_SixMonthsFourRunsAWeek_AnEveningForEveryRunWithACheckIn()
    {
        // Arrange
        var data = Generate(seed: 16);

        // Act
        var evenings = RunEvenings.Build(SampleDiary.ToInsightDiary(data));

        // Assert: 104 runs a half-year, about 93 % checked in, so about 97 evenings.
        Assert.Equal(CheckInsByRun(data).Count, evenings.Count);
        Assert.True(evenings.Count >= 0.85 * data.Runs.Count && evenings.Count >= 80, $"{evenings.Count} evenings from {data.Runs.Count} runs");
        Assert.Equal(data.Plans.Count, evenings.Count(e => e.Plan is not null));
        Assert.InRange(evenings.Count(e => e.FollowUp is not null) / (double)evenings.Count, 0.55, 0.85);
        Assert.InRange(evenings.Count(e => e.NextMorning is not null) / (double)evenings.Count, 0.35, 0.68);
        Assert.Contains(evenings, e => e.Remedies.Contains(Remedy.Heat));
        Assert.Contains(evenings, e => e.Remedies.Contains(Remedy.Ice));
        Assert.Contains(evenings, e => e.Remedies.Contains(Remedy.WbcCream));
        Assert.All(evenings, e => Assert.Contains(e.Run.ShoeName, (string?[])["Pegasus 40", "Speedgoat 5"]));
    }

    [Fact]
    public void Generate_TenYearsSevenRunsAWeek_TheBenchmarksSize()
    {
        // Act
        var data = Generate(seed: 17, days: 3650, runsPerWeek: 7);

        // Assert
        Assert.True(data.Runs.Count >= 3600, $"{data.Runs.Count} runs");
        Assert.True(data.CheckIns.Count >= 7000, $"{data.CheckIns.Count} check-ins");
    }

    [Fact]
    public void Generate_SixMonths_OneFinishedHeatVersusCreamExperimentThePlansFollowed()
    {
        // Arrange
        var data = Generate(seed: 18);
        var evenings = RunEvenings.Build(SampleDiary.ToInsightDiary(data));

        // Act
        var experiment = Assert.Single(data.Experiments);
        var counted = ExperimentSchedule.EveningsOf(experiment, evenings);

        // Assert
        Assert.Equal((ExperimentOption.Heat, ExperimentOption.WbcCream, 2, 3), (experiment.OptionA, experiment.OptionB, experiment.BlockLength, experiment.BlockPairs));
        Assert.Equal(ExperimentSchedule.DrawOrder(experiment.Seed, 3), experiment.Order);
        Assert.InRange(End - experiment.StartedAt, TimeSpan.FromDays(65), TimeSpan.FromDays(75));
        Assert.Equal(12, counted.Count);
        Assert.True(ExperimentSchedule.Progress(experiment, evenings).Finished);
        Assert.True(experiment.EndedAt > counted[^1].CheckIn.RecordedAt && !experiment.StoppedEarly);
        for (var i = 0; i < counted.Count; i++)
        {
            var tonight = ExperimentSchedule.OptionFor(experiment, i);
            var other = tonight == ExperimentOption.Heat ? ExperimentOption.WbcCream : ExperimentOption.Heat;
            Assert.Contains(SelfExperiment.RemedyOf(tonight)!.Value, counted[i].Remedies);
            Assert.DoesNotContain(SelfExperiment.RemedyOf(other)!.Value, counted[i].Remedies);
            Assert.DoesNotContain(Remedy.Ice, counted[i].Remedies);
        }
    }

    [Fact]
    public void Generate_TenYearsEveryDay_PlantedRunFactorsComeBackFromTheCheckIns()
    {
        // Arrange
        var data = Generate(seed: 19, days: 3650, runsPerWeek: 7);
        var evenings = RunEvenings.Build(SampleDiary.ToInsightDiary(data));

        // Act: check-in pain on long run (0/1), cadence and stretched before (0/1) together.
        var factors = evenings.Select(e => new[]
        {
            e.Run.DistanceMetres > SampleDiary.Planted.LongRunMetres ? 1.0 : 0.0,
            e.Run.CadenceStepsPerMinute!.Value,
            e.Run.StretchedBefore ? 1.0 : 0.0,
        }).ToArray();
        var fit = Fit.MultiDim(factors, evenings.Select(e => (double)e.CheckIn.Pain).ToArray(), intercept: true);

        // Assert
        Assert.Equal(SampleDiary.Planted.LongRunPain, fit[1], tolerance: 0.3);
        Assert.Equal(SampleDiary.Planted.PainPerCadenceStep, fit[2], tolerance: 0.015);
        Assert.Equal(0, fit[3], tolerance: 0.15);
    }

    [Fact]
    public void Generate_TenYearsEveryDay_HeatEasesTheFollowUpMoreAndCreamDoesNot()
    {
        // Arrange: evenings at the same check-in pain (2 or 3) with a plan and no ice, so only the remedy differs.
        var data = Generate(seed: 20, days: 3650, runsPerWeek: 7);
        var evenings = RunEvenings.Build(SampleDiary.ToInsightDiary(data))
            .Where(e => e.Plan is not null && e.FollowUp is not null && e.CheckIn.Pain is 2 or 3 && !e.Remedies.Contains(Remedy.Ice))
            .ToList();
        static double Eased(IEnumerable<RunEvening> group) => group.Average(e => e.CheckIn.Pain - e.FollowUp!.Pain);

        // Act
        var heatGap = Eased(evenings.Where(e => e.Remedies.Contains(Remedy.Heat))) - Eased(evenings.Where(e => !e.Remedies.Contains(Remedy.Heat)));
        var noHeat = evenings.Where(e => !e.Remedies.Contains(Remedy.Heat)).ToList();
        var creamGap = Eased(noHeat.Where(e => e.Remedies.Contains(Remedy.WbcCream))) - Eased(noHeat.Where(e => !e.Remedies.Contains(Remedy.WbcCream)));

        // Assert: heat's planted 1.2 is pulled a little towards 0 by pain that cannot fall below 0.
        Assert.InRange(heatGap, 0.8, 1.4);
        Assert.Equal(0, creamGap, tolerance: 0.25);
    }

    [Fact]
    public void Generate_TenYearsEveryDay_NextMorningAboutHalfAPointBelowTheFollowUp()
    {
        // Arrange
        var data = Generate(seed: 21, days: 3650, runsPerWeek: 7);

        // Act: evenings whose follow-up was 2 or more, so the floor at 0 barely matters.
        var pairs = RunEvenings.Build(SampleDiary.ToInsightDiary(data))
            .Where(e => e.FollowUp is { Pain: >= 2 } && e.NextMorning is not null)
            .Select(e => e.FollowUp!.Pain - e.NextMorning!.Pain)
            .ToList();

        // Assert
        Assert.True(pairs.Count > 300, $"{pairs.Count} mornings");
        Assert.Equal(-SampleDiary.Planted.MorningChange, pairs.Average(), tolerance: 0.2);
    }
}
