using System.Globalization;
using Backstride.Core.CheckIns;
using Backstride.Core.Medication;
using Backstride.Core.Plans;
using Backstride.Core.Profiles;
using Backstride.Core.Runners;
using Backstride.Core.Runs;
using Backstride.Core.Training;
using Backstride.Core.Triage;
using Backstride.Core.Units;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace Backstride.Core.Insights;

/// <summary>What to generate: the seed, the last instant ("now"), how many days back, and how often the runner runs.</summary>
public sealed record SampleDiaryOptions(int Seed, DateTimeOffset End, int Days = 182, double RunsPerWeek = 4, string TimeZoneId = "Europe/London");

/// <summary>One generated runner's whole diary, every row owned by the same user, ready to be stored or read as an <see cref="InsightDiary"/>.</summary>
public sealed record SampleDiaryData(
    RunnerSettings Settings,
    BackProfile Profile,
    TrainingPlan Training,
    IReadOnlyList<Shoe> Shoes,
    IReadOnlyList<Run> Runs,
    IReadOnlyList<CheckIn> CheckIns,
    IReadOnlyList<PlanSession> Plans,
    IReadOnlyList<StrengthSession> StrengthSessions,
    IReadOnlyList<DoseLogEntry> Doses,
    IReadOnlyList<SelfExperiment> Experiments);

/// <summary>
/// A reproducible demo runner with lower back pain: imported evening runs with running dynamics, check-ins with
/// follow-ups and next mornings, evening plans, strength sessions, a few label-legal doses and one finished
/// self-experiment. The same seed always gives the same rows, ids included. It feeds the "explore with sample data"
/// button, the insight tests and the benchmarks.
/// </summary>
public static class SampleDiary
{
    /// <summary>
    /// The effects planted in the generated pain, so the demo shows real findings and tests can look for them.
    /// Pain is drawn on a continuous scale, then rounded and clipped to 0–10, which pulls effects near 0 a little
    /// towards nothing. Cadence is lower on slower and long runs, as on real watches, so one factor at a time the two
    /// overlap: over ten years of runs the long-run difference comes out near 1.8 and the cadence slope near −0.075,
    /// while a regression on both together gives back 1.6 and −0.04.
    /// </summary>
    public static class Planted
    {
        public const double BasePain = 2.5;
        public const double PainNoiseSd = 1.3;

        /// <summary>Check-in pain on runs over <see cref="LongRunMetres"/> is this much higher.</summary>
        public const double LongRunPain = 1.6;
        public const double LongRunMetres = 15_000;

        /// <summary>Points of check-in pain per step/min of cadence above <see cref="ReferenceCadence"/>: 10 steps/min lower adds 0.4.</summary>
        public const double PainPerCadenceStep = -0.04;
        public const double ReferenceCadence = 171;

        /// <summary>Stretching before the run, and WBC cream in the evening, go with no change at all: the honest null findings.</summary>
        public const double StretchedBeforePain = 0;
        public const double CreamFollowUpChange = 0;

        /// <summary>From the check-in to the follow-up pain eases this much on any evening (a negative number lowers pain)...</summary>
        public const double FollowUpChange = -0.5;
        public const double FollowUpNoiseSd = 0.7;

        /// <summary>...and this much more on evenings with heat (done or cut short), or with ice.</summary>
        public const double HeatFollowUpChange = -1.2;
        public const double IceFollowUpChange = -0.4;

        /// <summary>The next morning is the follow-up's pain plus this, with noise.</summary>
        public const double MorningChange = -0.5;
        public const double MorningNoiseSd = 0.8;
    }

    public static SampleDiaryData Generate(Guid userId, SampleDiaryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Days, 1);
        if (!(options.RunsPerWeek is >= 0 and <= 7))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RunsPerWeek, "RunsPerWeek is 0 to 7.");
        }
        var zone = RunnerSettingsRules.FindTimeZone(options.TimeZoneId)
            ?? throw new ArgumentException($"No time zone '{options.TimeZoneId}'.", nameof(options));
        return new Generator(userId, options, zone).Generate();
    }

    /// <summary>The rows the database loader (InsightStore) reads for the same diary, in the same order.</summary>
    public static InsightDiary ToInsightDiary(SampleDiaryData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var shoeNames = data.Shoes.ToDictionary(s => s.Id, s => s.Name);
        var runs = data.Runs.OrderBy(r => r.StartedAt).ThenBy(r => r.Id)
            .Select(r => new RunRow(r.Id, r.StartedAt, r.DistanceMetres, r.Duration, r.Surface, r.ShoeId,
                r.ShoeId is { } shoeId && shoeNames.TryGetValue(shoeId, out var name) ? name : null, r.StretchedBefore,
                r.Measurements?.AvgCadenceStepsPerMinute, r.Measurements?.AvgVerticalOscillationMm,
                r.Measurements?.AvgGroundContactTimeMs, r.Measurements?.AvgVerticalRatioPercent, r.Measurements?.AvgStepLengthMm))
            .ToList();
        var checkIns = data.CheckIns.OrderBy(c => c.RecordedAt).ThenBy(c => c.Id)
            .Select(c => new PainRow(c.Id, c.RunId, c.RecordedAt, c.Pain))
            .ToList();
        var evenings = data.Plans.OrderBy(p => p.CreatedAt)
            .Select(p => new EveningRow(p.CheckInId, p.CreatedAt, p.TriageLevel, p.Steps
                .Where(s => s.Status is StepStatus.Done or StepStatus.CutShort)
                .Select(s => RunEvenings.RemedyOfStep(s.StepId))
                .OfType<Remedy>()
                .ToHashSet(), p.ExperimentId, p.ExperimentSlot))
            .ToList();
        var strength = data.StrengthSessions.Select(s => s.StartedAt).Order().ToList();
        var doses = data.Doses.OrderBy(d => d.TakenAt).Select(d => new DoseRow(d.TakenAt, d.ProductId, d.Units)).ToList();
        return new InsightDiary(runs, checkIns, evenings, strength, doses, data.Settings.TimeZone);
    }

    /// <summary>One generation: a single seeded random stream, drawn in a fixed order, so the same seed gives the same rows.</summary>
    private sealed class Generator(Guid userId, SampleDiaryOptions options, TimeZoneInfo zone)
    {
        private const int BirthYear = 1988;
        private const double CheckInShare = 0.93;
        private const double FollowUpShare = 0.72;
        private const double MorningShare = 0.52;
        private const double DoseShareOfSoreEvenings = 0.15;
        private const int SoreEveningPain = 4;
        private const string RoadShoeName = "Pegasus 40";
        private const string TrailShoeName = "Speedgoat 5";
        private const string TenDaysAnswer = RedFlags.TenDaysId;
        private static readonly IReadOnlySet<string> NoAnswers = new HashSet<string>(StringComparer.Ordinal);

        // About one evening in four months sends the runner to a doctor, so the clinician summary has a red-flag history.
        private const int DaysPerRedFlagEvening = 121;

        private static readonly TimeSpan StretchRoutineLength = TimeSpan.FromSeconds(
            Stretches.Evening.Sum(s => (s.BothSides ? 2 : 1) * (s.HoldSeconds + Stretches.GetReadySeconds)));

        // The sample cream warms, and the plan then offers a warm shower instead of a pad.
        private static readonly TimeSpan HeatLength = CreamProduct.WbcSample.Warms ? RemedyLimits.ShowerHeat : RemedyLimits.MaxHeat;

        // MathNet's xoshiro256** keeps its algorithm fixed and spreads nearby seeds, where System.Random's seeded stream starts them alike.
        private readonly Random random = new Xoshiro256StarStar(options.Seed, threadSafe: false);
        private readonly byte[] idBytes = new byte[16];

        private readonly byte[] ownerBytes = userId.ToByteArray();
        private readonly List<Run> runs = [];
        private readonly List<CheckIn> checkIns = [];
        private readonly List<PlanSession> plans = [];
        private readonly List<StrengthSession> strengthSessions = [];
        private readonly List<DoseLogEntry> doses = [];
        private readonly Queue<int> redFlagDays = new();
        private BackProfile profile = null!;
        private Shoe roadShoe = null!;
        private Shoe trailShoe = null!;
        private CheckIn? previousCheckIn;
        private SelfExperiment? experiment;
        private int experimentEvenings;

        public SampleDiaryData Generate()
        {
            var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(options.End, zone).DateTime);
            var firstDay = lastDay.AddDays(1 - options.Days);
            var joinedAt = At(firstDay.AddDays(-3), 20.5);

            var settings = new RunnerSettings { UserId = userId, Units = DistanceUnit.Kilometres, TimeZoneId = options.TimeZoneId, BirthYear = BirthYear };
            profile = new BackProfile
            {
                Id = NextId(), UserId = userId, Version = 1, CreatedAt = joinedAt,
                Ddd = DddDiagnosis.No, PatternWeeks = 30, Timing = PainTiming.AfterLongOrHardRuns,
                ArchesBack = true, HeavyLandings = true, ShouldersSlumped = false,
                HasIcePack = true, HasHeatingPad = true, HasShower = true, MedicationOptIn = true,
            };
            var training = new TrainingPlan
            {
                UserId = userId, Level = 1, SessionsPerWeek = 2, PreferredDays = "2,4", LongRunDay = DayOfWeek.Sunday,
                CreatedAt = joinedAt, LevelSince = joinedAt, FeedId = NextId(),
            };
            roadShoe = NewShoe(RoadShoeName, joinedAt);
            trailShoe = NewShoe(TrailShoeName, joinedAt);

            for (var day = Draw(30, 100); day < options.Days; day += DaysPerRedFlagEvening)
            {
                redFlagDays.Enqueue(day);
            }

            // The experiment starts about ten weeks before the end, or on the first day of a shorter diary.
            var experimentStart = At(lastDay.AddDays(-70) < firstDay ? firstDay : lastDay.AddDays(-70), 12);
            experiment = ExperimentSchedule.Start(ExperimentOption.Heat, ExperimentOption.WbcCream, blockLength: 2, blockPairs: 3,
                seed: random.Next(), experimentStart);
            experiment.Id = NextId();
            experiment.UserId = userId;

            // Sunday's long run happens every week; the other runs fall on weekdays at random to make up RunsPerWeek.
            var sundayChance = Math.Min(1, options.RunsPerWeek);
            var otherDayChance = Math.Clamp((options.RunsPerWeek - 1) / 6, 0, 1);
            IReadOnlySet<DayOfWeek> strengthDays = new HashSet<DayOfWeek>();
            for (var index = 0; index < options.Days; index++)
            {
                var day = firstDay.AddDays(index);
                if (index == 0 || day.DayOfWeek == DayOfWeek.Monday)
                {
                    strengthDays = DrawStrengthWeek();
                }
                var strengthToday = strengthDays.Contains(day.DayOfWeek) && AddStrengthSession(day);
                var isSunday = day.DayOfWeek == DayOfWeek.Sunday;
                if (Chance(isSunday ? sundayChance : otherDayChance))
                {
                    AddEvening(day, index, isLongRun: isSunday, strengthToday);
                }
            }

            return new SampleDiaryData(settings, profile, training, [roadShoe, trailShoe],
                runs.OrderBy(r => r.StartedAt).ThenBy(r => r.Id).ToList(),
                checkIns.OrderBy(c => c.RecordedAt).ThenBy(c => c.Id).ToList(),
                plans.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToList(),
                strengthSessions, doses, [experiment]);
        }

        private Shoe NewShoe(string name, DateTimeOffset createdAt) =>
            new() { Id = NextId(), UserId = userId, Name = name, NormalizedName = Shoe.Normalize(name), CreatedAt = createdAt };

        private void AddEvening(DateOnly day, int dayIndex, bool isLongRun, bool strengthToday)
        {
            var run = NewRun(day, isLongRun);
            if (run.CreatedAt > options.End)
            {
                return;
            }
            runs.Add(run);
            if (!Chance(CheckInShare))
            {
                return;
            }

            var cadence = run.Measurements!.AvgCadenceStepsPerMinute!.Value;
            var latentPain = Planted.BasePain
                + (run.DistanceMetres > Planted.LongRunMetres ? Planted.LongRunPain : 0)
                + Planted.PainPerCadenceStep * (cadence - Planted.ReferenceCadence)
                + (run.StretchedBefore ? Planted.StretchedBeforePain : 0)
                + Normal.Sample(random, 0, Planted.PainNoiseSd);
            var runEnd = run.StartedAt + run.Measurements.ElapsedTime;
            var checkIn = NewCheckIn(run.Id, runEnd + Minutes(Uniform(20, 90)), PainScore(latentPain));
            if (checkIn.RecordedAt > options.End)
            {
                return;
            }
            checkIn.Onset = checkIn.Pain == 0 ? null : Chance(0.3) ? PainOnset.During : PainOnset.RightAfter;
            checkIns.Add(checkIn);

            var safetyAnswers = "";
            if (checkIn.Pain >= 3 && redFlagDays.TryPeek(out var redFlagDay) && dayIndex >= redFlagDay)
            {
                // Pain into one thigh brings up the safety questions; "more than ten days" sends the runner to a doctor.
                redFlagDays.Dequeue();
                checkIn.LegSpread = LegSpread.ButtockOrThigh;
                checkIn.LegsAffected = LegsAffected.OneLeg;
                checkIn.Locations |= PainLocation.Buttock | PainLocation.DownALeg;
                safetyAnswers = TenDaysAnswer;
            }
            var triage = TriageRules.Assess(new TriageInput(checkIn, previousCheckIn, profile,
                PlanBuilder.AgeFrom(BirthYear, checkIn.RecordedAt), safetyAnswers.Length == 0 ? NoAnswers : new HashSet<string>(StringComparer.Ordinal) { safetyAnswers }));
            previousCheckIn = checkIn;

            IReadOnlySet<Remedy> done = new HashSet<Remedy>();
            var experimentEvening = false;
            if (checkIn.Pain >= 1 && checkIn.RecordedAt + TimeSpan.FromHours(1) <= options.End)
            {
                if (triage.Level == TriageLevel.Emergency)
                {
                    throw new InvalidOperationException("The sample runner never has an emergency evening.");
                }
                var option = NextExperimentOption(checkIn.RecordedAt);
                experimentEvening = option is not null;
                var plan = NewPlan(run, checkIn, triage.Level, safetyAnswers, strengthToday, option);
                plans.Add(plan);
                done = plan.Steps.Where(s => s.Status is StepStatus.Done or StepStatus.CutShort)
                    .Select(s => RunEvenings.RemedyOfStep(s.StepId)).OfType<Remedy>().ToHashSet();
                if (option is not null)
                {
                    // As the plan page does: the slot is stored when tonight's option is first shown.
                    plan.ExperimentId = experiment!.Id;
                    plan.ExperimentSlot = experimentEvenings;
                }
                if (option is not null && ++experimentEvenings == ExperimentSchedule.EveningsPlanned(experiment!))
                {
                    experiment!.EndedAt = plan.CreatedAt;
                }
            }

            var latentFollowUp = latentPain + Planted.FollowUpChange
                + (done.Contains(Remedy.Heat) ? Planted.HeatFollowUpChange : 0)
                + (done.Contains(Remedy.Ice) ? Planted.IceFollowUpChange : 0)
                + (done.Contains(Remedy.WbcCream) ? Planted.CreamFollowUpChange : 0)
                + Normal.Sample(random, 0, Planted.FollowUpNoiseSd);
            // A runner in an experiment knows the follow-up is what is compared, so they always give one.
            if (experimentEvening || Chance(FollowUpShare))
            {
                var followUp = NewCheckIn(run.Id, checkIn.RecordedAt + Minutes(Uniform(90, 240)), PainScore(latentFollowUp));
                followUp.Onset = checkIn.Onset;
                AddIfBeforeEnd(followUp);
            }
            var latentMorning = latentFollowUp + Planted.MorningChange + Normal.Sample(random, 0, Planted.MorningNoiseSd);
            if (Chance(MorningShare))
            {
                var morning = NewCheckIn(null, At(day.AddDays(1), Uniform(7, 9.5)), PainScore(latentMorning));
                // Backs are stiffer first thing in the morning.
                if (morning.Stiffness < Stiffness.Moderate && Chance(0.3))
                {
                    morning.Stiffness++;
                }
                AddIfBeforeEnd(morning);
            }
        }

        private void AddIfBeforeEnd(CheckIn checkIn)
        {
            if (checkIn.RecordedAt <= options.End)
            {
                checkIns.Add(checkIn);
                previousCheckIn = checkIn;
            }
        }

        /// <summary>Tonight's option while the experiment runs: evenings with a plan after its start, until all are counted.</summary>
        private ExperimentOption? NextExperimentOption(DateTimeOffset checkInAt) =>
            experiment is not null && checkInAt >= experiment.StartedAt && experimentEvenings < ExperimentSchedule.EveningsPlanned(experiment)
                ? ExperimentSchedule.OptionFor(experiment, experimentEvenings)
                : null;

        private Run NewRun(DateOnly day, bool isLongRun)
        {
            var kilometres = isLongRun ? Uniform(12, 24) : Uniform(5, 12);
            var surfaceDraw = random.NextDouble();
            var surface = surfaceDraw < 0.15 ? Surface.Trail : surfaceDraw < 0.19 && !isLongRun ? Surface.Treadmill : Surface.Road;
            var paceSeconds = isLongRun ? Uniform(330, 390) : Uniform(285, 375);
            if (surface == Surface.Trail)
            {
                paceSeconds = Math.Min(390, paceSeconds + Uniform(10, 25));
            }
            var movingTime = TimeSpan.FromSeconds(Math.Round(paceSeconds * kilometres));
            var metresPerMinute = 60_000 / paceSeconds;

            // Faster runs take quicker steps; the bounds keep step length between 950 and 1250 mm at this pace.
            var cadence = 160 + (390 - paceSeconds) / 105 * 16 - (isLongRun ? 2 : 0) + Normal.Sample(random, 0, 2.5);
            cadence = Math.Round(Math.Clamp(cadence, Math.Max(160, metresPerMinute / 1.25 + 0.1), Math.Min(182, metresPerMinute / 0.95 - 0.1)), 1);
            var stepLength = Math.Round(metresPerMinute * 1000 / cadence);
            // Vertical ratio is oscillation over step length; both stay in range together.
            var oscillation = Math.Clamp(Normal.Sample(random, 8.2, 0.45) * stepLength / 100,
                Math.Max(75, 0.0705 * stepLength), Math.Min(105, 0.0945 * stepLength));
            oscillation = Math.Round(oscillation, 1);
            var groundContact = Math.Round(Math.Clamp(228 + (paceSeconds - 285) / 105 * 45 + Normal.Sample(random, 0, 6), 225, 285));
            var heartRate = Math.Round(Math.Clamp(138 + (390 - paceSeconds) / 105 * 18 + (isLongRun ? 5 : 0) + Normal.Sample(random, 0, 3), 135, 165));
            double? climb = surface switch
            {
                Surface.Trail => Math.Round(kilometres * Uniform(25, 45)),
                Surface.Treadmill => null,
                _ => Math.Round(kilometres * Uniform(4, 12)),
            };
            var startedAt = At(day, isLongRun ? Uniform(15.5, 17) : Uniform(17, 19.5));
            var elapsed = movingTime + TimeSpan.FromSeconds(Math.Round(Uniform(0, isLongRun ? 360 : 180)));
            var shoe = surface == Surface.Trail ? (Chance(0.85) ? trailShoe : roadShoe) : (Chance(0.92) ? roadShoe : trailShoe);
            var kind = surface switch { Surface.Trail => "trail-run", Surface.Treadmill => "treadmill-run", _ => "evening-run" };
            var importedAt = startedAt + elapsed + Minutes(Uniform(3, 15));
            return new Run
            {
                Id = NextId(),
                UserId = userId,
                StartedAt = startedAt,
                DistanceMetres = Math.Round(kilometres * 1000),
                Duration = movingTime,
                Surface = surface,
                ShoeId = shoe.Id,
                StretchedBefore = Chance(0.5),
                Effort = isLongRun ? Draw(6, 9) : Draw(3, 8),
                Source = RunSource.Imported,
                SourceFileName = string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd}-{kind}.fit"),
                Measurements = new RunMeasurements
                {
                    ElapsedTime = elapsed,
                    MovingTime = movingTime,
                    ElevationGainMetres = climb,
                    AvgHeartRate = heartRate,
                    AvgCadenceStepsPerMinute = cadence,
                    AvgVerticalOscillationMm = oscillation,
                    AvgGroundContactTimeMs = groundContact,
                    AvgVerticalRatioPercent = Math.Round(oscillation / stepLength * 100, 2),
                    AvgStepLengthMm = stepLength,
                },
                CreatedAt = importedAt,
                UpdatedAt = importedAt,
            };
        }

        private CheckIn NewCheckIn(Guid? runId, DateTimeOffset recordedAt, int pain) => new()
        {
            Id = NextId(),
            UserId = userId,
            RunId = runId,
            RecordedAt = recordedAt,
            Pain = pain,
            Locations = DrawLocations(pain),
            Stiffness = DrawStiffness(pain),
            LegSpread = LegSpread.No,
            CreatedAt = recordedAt,
            UpdatedAt = recordedAt,
        };

        private PainLocation DrawLocations(int pain)
        {
            if (pain == 0)
            {
                return PainLocation.None;
            }
            var draw = random.NextDouble();
            var where = draw < 0.55 ? PainLocation.Centre : draw < 0.75 ? PainLocation.Left : draw < 0.9 ? PainLocation.Right : PainLocation.Centre | PainLocation.Left;
            return Chance(0.1) ? where | PainLocation.Buttock : where;
        }

        private Stiffness DrawStiffness(int pain)
        {
            var draw = random.NextDouble();
            return pain switch
            {
                0 => draw < 0.7 ? Stiffness.None : Stiffness.Mild,
                <= 3 => draw < 0.15 ? Stiffness.None : draw < 0.8 ? Stiffness.Mild : Stiffness.Moderate,
                <= 6 => draw < 0.05 ? Stiffness.None : draw < 0.4 ? Stiffness.Mild : draw < 0.9 ? Stiffness.Moderate : Stiffness.Severe,
                _ => draw < 0.1 ? Stiffness.Mild : draw < 0.6 ? Stiffness.Moderate : Stiffness.Severe,
            };
        }

        /// <summary>
        /// The evening's plan as PlanBuilder makes it for this profile (medication, ice or heat, stretches, cream, the
        /// strength pointer) and what the runner did with each step. Untouched steps leave no record, as in the app.
        /// </summary>
        private PlanSession NewPlan(Run run, CheckIn checkIn, TriageLevel triage, string safetyAnswers, bool strengthToday, ExperimentOption? option)
        {
            var plan = new PlanSession
            {
                Id = NextId(), UserId = userId, CheckInId = checkIn.Id, TriageLevel = triage, SafetyAnswers = safetyAnswers,
                CreatedAt = checkIn.RecordedAt + Minutes(Uniform(1, 3)),
            };
            var at = plan.CreatedAt;

            if (checkIn.Pain >= SoreEveningPain && Chance(DoseShareOfSoreEvenings) && TakeDose(run, at + Minutes(Uniform(2, 8))) is { } dose)
            {
                AddStep(plan, "medication", StepStatus.Done, finishedAt: dose.TakenAt, updatedAt: dose.TakenAt);
            }
            else if (Chance(0.5))
            {
                AddStep(plan, "medication", StepStatus.Skipped, updatedAt: at);
            }

            at += Minutes(Uniform(5, 12));
            var calledForIce = PlanBuilder.CallsForIce(checkIn, run, at);
            // While the experiment runs the plan follows its schedule: heat on heat evenings, no heat or ice on cream evenings.
            var thermalStep = option == ExperimentOption.Heat || !calledForIce ? "heat" : "ice";
            var thermalLength = thermalStep == "ice" ? RemedyLimits.MaxIce : HeatLength;
            var thermalDraw = random.NextDouble();
            var thermalStatus = option switch
            {
                ExperimentOption.Heat => StepStatus.Done,
                ExperimentOption.WbcCream => StepStatus.Skipped,
                _ => thermalDraw < 0.55 ? StepStatus.Done : thermalDraw < 0.65 ? StepStatus.CutShort
                    : thermalDraw < 0.7 ? StepStatus.NotStarted : thermalDraw < 0.85 ? StepStatus.Skipped : (StepStatus?)null,
            };
            switch (thermalStatus)
            {
                case StepStatus.Done:
                    AddStep(plan, thermalStep, StepStatus.Done, timerStartedAt: at, finishedAt: at + thermalLength, updatedAt: at + thermalLength);
                    at += thermalLength;
                    break;
                case StepStatus.CutShort:
                    var ranFor = TimeSpan.FromSeconds(Math.Round(thermalLength.TotalSeconds * Uniform(0.3, 0.9)));
                    AddStep(plan, thermalStep, StepStatus.CutShort, timerStartedAt: at, finishedAt: at + ranFor, updatedAt: at + ranFor);
                    at += ranFor;
                    break;
                case StepStatus.NotStarted:
                    // Started, then forgotten: the timer never finished.
                    AddStep(plan, thermalStep, StepStatus.NotStarted, timerStartedAt: at, updatedAt: at);
                    break;
                case StepStatus.Skipped:
                    AddStep(plan, thermalStep, StepStatus.Skipped, updatedAt: at);
                    break;
            }

            at += Minutes(Uniform(1, 4));
            var stretchDraw = random.NextDouble();
            if (stretchDraw < 0.5)
            {
                AddStep(plan, "stretching", StepStatus.Done, finishedAt: at + StretchRoutineLength, updatedAt: at + StretchRoutineLength);
                at += StretchRoutineLength;
            }
            else if (stretchDraw < 0.7)
            {
                AddStep(plan, "stretching", StepStatus.Skipped, updatedAt: at);
            }

            at += Minutes(Uniform(1, 3));
            var creamDraw = random.NextDouble();
            var creamStatus = option switch
            {
                ExperimentOption.WbcCream => StepStatus.Done,
                ExperimentOption.Heat => StepStatus.Skipped,
                _ => creamDraw < 0.35 ? StepStatus.Done : creamDraw < 0.65 ? StepStatus.Skipped : (StepStatus?)null,
            };
            if (creamStatus is { } cream)
            {
                AddStep(plan, "cream", cream, finishedAt: cream == StepStatus.Done ? at : null, updatedAt: at);
            }
            if (strengthToday)
            {
                AddStep(plan, "strength", StepStatus.Done, finishedAt: at, updatedAt: at);
            }
            return plan;
        }

        private void AddStep(PlanSession plan, string stepId, StepStatus status, DateTimeOffset updatedAt,
            DateTimeOffset? timerStartedAt = null, DateTimeOffset? finishedAt = null) =>
            plan.Steps.Add(new PlanStepRecord
            {
                Id = NextId(), UserId = userId, PlanSessionId = plan.Id, StepId = stepId, Status = status,
                TimerStartedAt = timerStartedAt, FinishedAt = finishedAt, UpdatedAt = updatedAt,
            });

        /// <summary>One dose the medication guard allows now, never above the label: acetaminophen after a run of two hours or more.</summary>
        private DoseLogEntry? TakeDose(Run run, DateTimeOffset takenAt)
        {
            var afterLongRun = run.Duration >= RemedyLimits.LongRun;
            var context = new GuardContext(PlanBuilder.AgeFrom(BirthYear, takenAt), profile, afterLongRun);
            string[] choices = afterLongRun || Chance(0.5) ? ["tylenol-extra", "advil"] : ["advil", "tylenol-extra"];
            var wanted = Draw(1, 3);
            foreach (var productId in choices)
            {
                var answer = MedicationGuard.Check(MedicationProducts.Find(productId)!, doses, context, takenAt);
                if (answer.Allowed)
                {
                    var dose = new DoseLogEntry
                    {
                        Id = NextId(), UserId = userId, TakenAt = takenAt, ProductId = productId,
                        Units = Math.Min(wanted, answer.MaxUnitsNow), CreatedAt = takenAt,
                    };
                    doses.Add(dose);
                    return dose;
                }
            }
            return null;
        }

        /// <summary>This week's strength days: none in some weeks, else Tuesday and/or Thursday.</summary>
        private HashSet<DayOfWeek> DrawStrengthWeek()
        {
            var draw = random.NextDouble();
            return draw < 0.15 ? []
                : draw < 0.55 ? [Chance(0.5) ? DayOfWeek.Tuesday : DayOfWeek.Thursday]
                : [DayOfWeek.Tuesday, DayOfWeek.Thursday];
        }

        /// <summary>A morning session of three or four logged sets from the level-1 programme; false when it would end after the diary does.</summary>
        private bool AddStrengthSession(DateOnly day)
        {
            var startedAt = At(day, Uniform(6.75, 7.5));
            var finishedAt = startedAt + Minutes(Uniform(20, 35));
            if (finishedAt > options.End)
            {
                return false;
            }
            var session = new StrengthSession { Id = NextId(), UserId = userId, StartedAt = startedAt, FinishedAt = finishedAt };
            var programme = Programme.Level(1);
            var first = Draw(0, programme.Count);
            var sets = Draw(3, 5);
            for (var i = 0; i < sets; i++)
            {
                var prescription = programme[(first + i / 2) % programme.Count];
                var painDraw = random.NextDouble();
                session.Sets.Add(new SetRecord
                {
                    Id = NextId(),
                    UserId = userId,
                    SessionId = session.Id,
                    ExerciseId = prescription.ExerciseId,
                    SetNumber = i % 2 + 1,
                    Amount = Math.Max(1, prescription.Amount + Draw(-2, 3)),
                    Effort = Draw(3, 8),
                    Pain = painDraw < 0.7 ? 0 : painDraw < 0.92 ? 1 : 2,
                });
            }
            strengthSessions.Add(session);
            return true;
        }

        /// <summary>The instant of a local wall-clock time (hours after midnight), in UTC, to the whole second.</summary>
        private DateTimeOffset At(DateOnly day, double hours)
        {
            var local = day.ToDateTime(TimeOnly.MinValue).AddSeconds(Math.Round(hours * 3600));
            // A time skipped by a clock change is moved past the gap.
            while (zone.IsInvalidTime(local))
            {
                local = local.AddMinutes(30);
            }
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }

        private static int PainScore(double latent) =>
            (int)Math.Clamp(Math.Round(latent, MidpointRounding.AwayFromZero), PainScale.Min, PainScale.Max);

        private static TimeSpan Minutes(double minutes) => TimeSpan.FromSeconds(Math.Round(minutes * 60));

        private double Uniform(double from, double to) => from + random.NextDouble() * (to - from);

        private int Draw(int from, int toExclusive) => random.Next(from, toExclusive);

        private bool Chance(double probability) => random.NextDouble() < probability;

        /// <summary>
        /// A random (version 4) Guid from the seeded stream mixed with the runner's id: ids repeat with the seed for
        /// one runner, and two sample runners made from the same seed never share a row id.
        /// </summary>
        private Guid NextId()
        {
            random.NextBytes(idBytes);
            for (var i = 0; i < idBytes.Length; i++)
            {
                idBytes[i] ^= ownerBytes[i];
            }
            idBytes[7] = (byte)((idBytes[7] & 0x0F) | 0x40);
            idBytes[8] = (byte)((idBytes[8] & 0x3F) | 0x80);
            return new Guid(idBytes);
        }
    }
}
