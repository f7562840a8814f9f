using System.Text.RegularExpressions;
using Backstride.Core.CheckIns;
using Backstride.Core.Medication;
using Backstride.Core.Plans;
using Backstride.Core.Profiles;
using Backstride.Core.Runs;
using Backstride.Core.Triage;

namespace Backstride.Core.Tests.Plans;

/// <summary>Each rule of the plan (CLINICAL.md §3, with §1 and §2 where they reach the plan) at its boundary.</summary>
public sealed partial class PlanBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 21, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The test's input builder: a 35-year-old runner whose back has hurt (5/10, no stiffness) since right after a
    /// 50-minute run that ended 2 hours ago; a profile with nothing of note, an ice pack and a shower, no heating pad;
    /// self-care triage; the sample WBC cream.
    /// </summary>
    private sealed record Given
    {
        public int Pain { get; init; } = 5;

        public Stiffness Stiffness { get; init; } = Stiffness.None;

        public PainOnset? Onset { get; init; } = PainOnset.RightAfter;

        public TimeSpan SinceRunEnded { get; init; } = TimeSpan.FromHours(2);

        public TimeSpan RunDuration { get; init; } = TimeSpan.FromMinutes(50);

        /// <summary>Changes to the default profile; ignored when <see cref="NoProfile"/> is set.</summary>
        public Action<BackProfile>? ProfileSetup { get; init; }

        public bool NoProfile { get; init; }

        public int? Age { get; init; } = 35;

        public TriageLevel Level { get; init; } = TriageLevel.SelfCare;

        public CreamProduct? Cream { get; init; }

        public IReadOnlyList<DoseLogEntry> DoseLog { get; init; } = [];

        public PlanInput ToInput()
        {
            var userId = Guid.CreateVersion7();
            var runEnded = Now - SinceRunEnded;
            var run = new Run
            {
                UserId = userId,
                StartedAt = runEnded - RunDuration,
                DistanceMetres = 10_000,
                Duration = RunDuration,
                Surface = Surface.Road,
                Effort = 5,
                CreatedAt = runEnded,
                UpdatedAt = runEnded,
            };
            var checkIn = new CheckIn
            {
                UserId = userId,
                RunId = run.Id,
                Run = run,
                RecordedAt = Now,
                Pain = Pain,
                Locations = PainLocation.Centre,
                Stiffness = Stiffness,
                LegSpread = LegSpread.No,
                LegsAffected = null,
                Onset = Onset,
                CreatedAt = Now,
                UpdatedAt = Now,
            };
            BackProfile? profile = null;
            if (!NoProfile)
            {
                profile = new BackProfile
                {
                    UserId = userId,
                    Version = 1,
                    CreatedAt = Now.AddDays(-30),
                    PatternWeeks = 26,
                    HasIcePack = true,
                    HasHeatingPad = false,
                    HasShower = true,
                };
                ProfileSetup?.Invoke(profile);
            }
            return new PlanInput(checkIn, run, profile, Age, [run], DoseLog, Outcome(Level),
                Cream ?? CreamProduct.WbcSample, Now);
        }
    }

    private static TriageOutcome Outcome(TriageLevel level) => level == TriageLevel.SelfCare
        ? new TriageOutcome(TriageLevel.SelfCare, [])
        : new TriageOutcome(level, [new TriageFinding(level, "A finding made for this test.", "Test")]);

    private static CreamProduct PlainCream() => new("Plain", ["water"], "/x");

    private static Plan Build(Given given) => PlanBuilder.Build(given.ToInput());

    private static List<PlanStep> Thermal(Plan plan) =>
        plan.Steps.Where(s => s.Remedy is Remedy.Ice or Remedy.Heat).ToList();

    private static bool IsPadHeat(PlanStep step) =>
        step.Remedy == Remedy.Heat && step.What.Contains("heating pad", StringComparison.OrdinalIgnoreCase);

    /// <summary>A number of minutes or hours, as in "30 to 60 minutes".</summary>
    [GeneratedRegex(@"\d+\s*(?:minutes?|mins?|hours?|hrs?|h)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OnsetNumber();

    /// <summary>Named inputs for the rules that must hold whatever the input.</summary>
    private static readonly IReadOnlyDictionary<string, Func<Given>> Scenarios = new Dictionary<string, Func<Given>>(StringComparer.Ordinal)
    {
        ["fresh sharp pain"] = () => new Given(),
        ["fresh mild pain, stiff"] = () => new Given { Pain = 3, Stiffness = Stiffness.Moderate },
        ["fresh mild pain, not stiff"] = () => new Given { Pain = 3 },
        ["fresh sharp pain, stiff"] = () => new Given { Pain = 7, Stiffness = Stiffness.Severe },
        ["pain during the run"] = () => new Given { Onset = PainOnset.During },
        ["pain hours later, no onset given"] = () => new Given { Onset = null },
        ["pain from three days ago"] = () => new Given { SinceRunEnded = TimeSpan.FromHours(72) },
        ["stiff, no pain"] = () => new Given { Pain = 0, Stiffness = Stiffness.Severe },
        ["no pain, no stiffness"] = () => new Given { Pain = 0 },
        ["heating pad, plain cream"] = () => new Given
        {
            SinceRunEnded = TimeSpan.FromHours(72), Cream = PlainCream(), ProfileSetup = p => p.HasHeatingPad = true,
        },
        ["heating pad, menthol cream"] = () => new Given
        {
            SinceRunEnded = TimeSpan.FromHours(72), ProfileSetup = p => p.HasHeatingPad = true,
        },
        ["heating pad, fresh pain"] = () => new Given { Cream = PlainCream(), ProfileSetup = p => p.HasHeatingPad = true },
        ["reduced sensation"] = () => new Given
        {
            ProfileSetup = p =>
            {
                p.ReducedSensation = true;
                p.HasHeatingPad = true;
            },
        },
        ["diabetes"] = () => new Given
        {
            SinceRunEnded = TimeSpan.FromHours(72), Cream = PlainCream(),
            ProfileSetup = p =>
            {
                p.Diabetes = true;
                p.HasHeatingPad = true;
            },
        },
        ["cold sensitivity"] = () => new Given { ProfileSetup = p => p.CirculationOrColdSensitivity = true },
        ["no ice pack"] = () => new Given { ProfileSetup = p => p.HasIcePack = false },
        ["no shower, no pad"] = () => new Given
        {
            SinceRunEnded = TimeSpan.FromHours(72), ProfileSetup = p => p.HasShower = false,
        },
        ["skin allergies"] = () => new Given { ProfileSetup = p => p.SkinAllergies = true },
        ["no profile"] = () => new Given { NoProfile = true },
        ["no age"] = () => new Given { Age = null, ProfileSetup = p => p.MedicationOptIn = true },
        ["disc degeneration"] = () => new Given { ProfileSetup = p => p.Ddd = DddDiagnosis.Yes },
        ["medication"] = () => new Given { ProfileSetup = p => p.MedicationOptIn = true },
        ["medication after a long run"] = () => new Given
        {
            RunDuration = TimeSpan.FromHours(2) + TimeSpan.FromMinutes(10), ProfileSetup = p => p.MedicationOptIn = true,
        },
        ["medication, none allowed"] = () => new Given
        {
            ProfileSetup = p =>
            {
                p.MedicationOptIn = true;
                p.Pregnant = true;
            },
        },
        ["see a doctor"] = () => new Given { Level = TriageLevel.SeeDoctor },
        ["urgent"] = () => new Given
        {
            Level = TriageLevel.Urgent,
            ProfileSetup = p =>
            {
                p.MedicationOptIn = true;
                p.Ddd = DddDiagnosis.Yes;
            },
        },
        ["emergency"] = () => new Given { Level = TriageLevel.Emergency },
    };

    public static TheoryData<string> ScenarioNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Scenarios.Keys)
        {
            data.Add(name);
        }
        return data;
    }

    // ---- Red flags win ----------------------------------------------------------------------------

    [Fact]
    public void Build_EmergencyTriage_NoStepsAndLeftOutSaysEmergencyCare()
    {
        // Arrange
        var given = new Given
        {
            Level = TriageLevel.Emergency,
            ProfileSetup = p =>
            {
                p.MedicationOptIn = true;
                p.Ddd = DddDiagnosis.Yes;
            },
        };

        // Act
        var plan = Build(given);

        // Assert
        Assert.Empty(plan.Steps);
        Assert.Equal(TriageLevel.Emergency, plan.Triage.Level);
        Assert.Contains(plan.LeftOut, line => line.Contains("emergency", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Build_UrgentTriage_NoStretchingMedicationOrStrengthAndLeftOutSaysWhy()
    {
        // Arrange
        var given = new Given
        {
            Level = TriageLevel.Urgent,
            ProfileSetup = p =>
            {
                p.MedicationOptIn = true;
                p.Ddd = DddDiagnosis.Yes;
            },
        };

        // Act
        var plan = Build(given);

        // Assert
        Assert.DoesNotContain(plan.Steps,
            s => s.Remedy is Remedy.Stretching or Remedy.Medication or Remedy.StrengthTraining);
        Assert.Contains(plan.LeftOut, line => line.Contains("Stretching", StringComparison.Ordinal)
            && line.Contains("clinician", StringComparison.Ordinal));
        Assert.Contains(plan.LeftOut, line => line.StartsWith("No medication step", StringComparison.Ordinal)
            && line.Contains("clinician", StringComparison.Ordinal));
        // Gentle measures stay.
        Assert.Single(Thermal(plan));
    }

    // ---- Ice or heat ------------------------------------------------------------------------------

    [Fact]
    public void Build_SharpPainRightAfterRunThatEnded47HoursAgo_IceFor20MinutesWithCountdown()
    {
        // Arrange
        var given = new Given { Pain = 5, Onset = PainOnset.RightAfter, SinceRunEnded = TimeSpan.FromHours(47) };

        // Act
        var plan = Build(given);

        // Assert
        var ice = Assert.Single(plan.Steps, s => s.Remedy == Remedy.Ice);
        Assert.Equal(TimeSpan.FromMinutes(20), ice.Duration);
        Assert.Equal(TimerKind.Countdown, ice.Timer);
        Assert.DoesNotContain(plan.Steps, s => s.Remedy == Remedy.Heat);
    }

    [Theory]
    [InlineData(1, Remedy.Ice)]
    [InlineData(47, Remedy.Ice)]
    [InlineData(48, Remedy.Heat)]
    [InlineData(49, Remedy.Heat)]
    [InlineData(96, Remedy.Heat)]
    public void Build_SharpPainByHoursSinceItStarted_IceOnlyWithin48Hours(int hours, Remedy expected)
    {
        // Arrange
        var given = new Given { Pain = 5, Onset = PainOnset.RightAfter, SinceRunEnded = TimeSpan.FromHours(hours) };

        // Act
        var plan = Build(given);

        // Assert
        Assert.Equal(expected, Assert.Single(Thermal(plan)).Remedy);
    }

    [Theory]
    [InlineData(3, Stiffness.None, Remedy.Ice)]
    [InlineData(3, Stiffness.Mild, Remedy.Heat)]
    [InlineData(3, Stiffness.Moderate, Remedy.Heat)]
    [InlineData(1, Stiffness.Severe, Remedy.Heat)]
    [InlineData(4, Stiffness.Moderate, Remedy.Ice)]
    [InlineData(5, Stiffness.None, Remedy.Ice)]
    public void Build_FreshPainByScoreAndStiffness_IceWhenSharpOrNotStiff(int pain, Stiffness stiffness, Remedy expected)
    {
        // Arrange
        var given = new Given { Pain = pain, Stiffness = stiffness, SinceRunEnded = TimeSpan.FromHours(2) };

        // Act
        var plan = Build(given);

        // Assert
        Assert.Equal(expected, Assert.Single(Thermal(plan)).Remedy);
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Build_AnyInput_NeverBothIceAndHeat(string scenario)
    {
        // Arrange
        var given = Scenarios[scenario]();

        // Act
        var plan = Build(given);

        // Assert
        Assert.InRange(Thermal(plan).Count, 0, 1);
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Build_AnyInput_IceAndHeatAtMost20Minutes(string scenario)
    {
        // Arrange
        var given = Scenarios[scenario]();

        // Act
        var plan = Build(given);

        // Assert
        Assert.All(Thermal(plan), step =>
        {
            Assert.InRange(step.Duration ?? TimeSpan.MaxValue, TimeSpan.FromTicks(1), TimeSpan.FromMinutes(20));
            Assert.Equal(TimerKind.Countdown, step.Timer);
        });
    }

    [Theory]
    [InlineData(2)]
    [InlineData(72)]
    public void Build_ReducedSensation_NoIceNoPadAndAWarmShowerStays(int hoursSincePain)
    {
        // Arrange
        var given = new Given
        {
            Pain = 5,
            SinceRunEnded = TimeSpan.FromHours(hoursSincePain),
            Cream = PlainCream(),
            ProfileSetup = p =>
            {
                p.ReducedSensation = true;
                p.HasIcePack = true;
                p.HasHeatingPad = true;
            },
        };

        // Act
        var plan = Build(given);

        // Assert
        Assert.DoesNotContain(plan.Steps, s => s.Remedy == Remedy.Ice);
        Assert.DoesNotContain(plan.Steps, s => IsPadHeat(s));
        var heat = Assert.Single(plan.Steps, s => s.Remedy == Remedy.Heat);
        Assert.Contains("shower", heat.Title, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(plan.LeftOut, line => line.StartsWith("No heating pad", StringComparison.Ordinal)
            && line.Contains("reduced feeling", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_ReducedSensationWithFreshSharpPain_LeftOutExplainsNoIce()
    {
        // Arrange
        var given = new Given
        {
            Pain = 5,
            SinceRunEnded = TimeSpan.FromHours(2),
            ProfileSetup = p =>
            {
                p.ReducedSensation = true;
                p.HasIcePack = true;
            },
        };

        // Act
        var plan = Build(given);

        // Assert
        Assert.DoesNotContain(plan.Steps, s => s.Remedy == Remedy.Ice);
        Assert.Contains(plan.LeftOut, line => line.StartsWith("No ice", StringComparison.Ordinal)
            && line.Contains("reduced feeling", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_CirculationOrColdSensitivity_NoIceAndLeftOutSaysWhy()
    {
        // Arrange
        var given = new Given
        {
            Pain = 5,
            SinceRunEnded = TimeSpan.FromHours(2),
            ProfileSetup = p =>
            {
                p.CirculationOrColdSensitivity = true;
                p.HasIcePack = true;
            },
        };

        // Act
        var plan = Build(given);

        // Assert
        Assert.DoesNotContain(plan.Steps, s => s.Remedy == Remedy.Ice);
        Assert.Contains(plan.LeftOut, line => line.StartsWith("No ice", StringComparison.Ordinal)
            && line.Contains("cold sensitivity", StringComparison.Ordinal));
        Assert.Equal(Remedy.Heat, Assert.Single(Thermal(plan)).Remedy);
    }

    [Fact]
    public void Build_NoIcePackForFreshSharpPain_HeatInsteadAndLeftOutSaysWhy()
    {
        // Arrange
        var given = new Given { Pain = 5, SinceRunEnded = TimeSpan.FromHours(2), ProfileSetup = p => p.HasIcePack = false };

        // Act
        var plan = Build(given);

        // Assert
        Assert.Equal(Remedy.Heat, Assert.Single(Thermal(plan)).Remedy);
        Assert.Contains(plan.LeftOut, line => line.Contains("no ice pack", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_DiabetesWithHeatingPad_ShowerNotPad()
    {
        // Arrange
        var given = new Given
        {
            Pain = 5,
            SinceRunEnded = TimeSpan.FromHours(72),
            Cream = PlainCream(),
            ProfileSetup = p =>
            {
                p.Diabetes = true;
                p.HasHeatingPad = true;
            },
        };

        // Act
        var plan = Build(given);

        // Assert
        var heat = Assert.Single(plan.Steps, s => s.Remedy == Remedy.Heat);
        Assert.False(IsPadHeat(heat));
        Assert.Contains("shower", heat.Title, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(plan.LeftOut, line => line.StartsWith("No heating pad", StringComparison.Ordinal)
            && line.Contains("diabetes", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_HeatingPadWithMentholCream_ShowerNotPadAndLeftOutNamesTheWarmingIngredient()
    {
        // Arrange
        var cream = CreamProduct.WbcSample;
        var given = new Given
        {
            Pain = 5,
            SinceRunEnded = TimeSpan.FromHours(72),
            Cream = cream,
            ProfileSetup = p => p.HasHeatingPad = true,
        };

        // Act
        var plan = Build(given);

        // Assert
        Assert.Contains("menthol", cream.Ingredients);
        var heat = Assert.Single(plan.Steps, s => s.Remedy == Remedy.Heat);
        Assert.False(IsPadHeat(heat));
        Assert.Contains("shower", heat.Title, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(plan.LeftOut, line => line.Contains(cream.Name, StringComparison.Ordinal)
            && line.Contains("warming ingredient", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("menthol")]
    [InlineData("Methyl Salicylate")]
    [InlineData("capsaicin 0.025 %")]
    public void Build_HeatingPadWithAnyWarmingIngredient_NeverAPadStep(string ingredient)
    {
        // Arrange: FDA 2012, burns from pads over these creams.
        var cream = new CreamProduct("Warming rub", ["water", ingredient], "/warming");
        var given = new Given
        {
            Pain = 2,
            Stiffness = Stiffness.Severe,
            SinceRunEnded = TimeSpan.FromHours(72),
            Cream = cream,
            ProfileSetup = p =>
            {
                p.HasHeatingPad = true;
                p.HasShower = false;
            },
        };

        // Act
        var plan = Build(given);

        // Assert
        Assert.DoesNotContain(plan.Steps, s => IsPadHeat(s));
        Assert.Contains(plan.Steps, s => s.Remedy == Remedy.WbcCream);
    }

    [Fact]
    public void Build_HeatingPadWithPlainCream_PadHeatWithAFallingAsleepWarning()
    {
        // Arrange
        var given = new Given
        {
            Pain = 5,
            SinceRunEnded = TimeSpan.FromHours(72),
            Cream = new CreamProduct("Plain", ["water"], "/x"),
            ProfileSetup = p => p.HasHeatingPad = true,
        };

        // Act
        var plan = Build(given);

        // Assert
        var heat = Assert.Single(plan.Steps, s => s.Remedy == Remedy.Heat);
        Assert.Contains("heating pad", heat.What, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(heat.SafetyNotes, note => note.Contains("fall asleep", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(TimeSpan.FromMinutes(20), heat.Duration);
    }

    [Fact]
    public void Build_IceStep_KeepsAClothBetweenIceAndSkin()
    {
        // Arrange
        var given = new Given { Pain = 5, SinceRunEnded = TimeSpan.FromHours(2) };

        // Act
        var plan = Build(given);

        // Assert
        var ice = Assert.Single(plan.Steps, s => s.Remedy == Remedy.Ice);
        Assert.Contains(ice.SafetyNotes, note => note.Contains("cloth", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Build_NoPainNoStiffness_NoIceNoHeatNoStretching()
    {
        // Arrange
        var given = new Given { Pain = 0, Stiffness = Stiffness.None };

        // Act
        var plan = Build(given);

        // Assert
        Assert.Empty(Thermal(plan));
        Assert.DoesNotContain(plan.Steps, s => s.Remedy == Remedy.Stretching);
    }

    // ---- Stretching -------------------------------------------------------------------------------

    [Theory]
    [InlineData(2, Remedy.Ice)]
    [InlineData(72, Remedy.Heat)]
    public void Build_PainWithIceOrHeat_StretchingComesAfterItWithTheRoutineTimer(int hoursSincePain, Remedy thermal)
    {
        // Arrange
        var given = new Given { Pain = 5, SinceRunEnded = TimeSpan.FromHours(hoursSincePain) };

        // Act
        var plan = Build(given);

        // Assert
        var steps = plan.Steps.ToList();
        var thermalAt = steps.FindIndex(s => s.Remedy == thermal);
        var stretchAt = steps.FindIndex(s => s.Remedy == Remedy.Stretching);
        Assert.InRange(thermalAt, 0, steps.Count - 1);
        Assert.InRange(stretchAt, thermalAt + 1, steps.Count - 1);
        Assert.Equal(TimerKind.StretchRoutine, steps[stretchAt].Timer);
    }

    [Fact]
    public void Build_StiffWithoutPain_StretchingStays()
    {
        // Arrange
        var given = new Given { Pain = 0, Stiffness = Stiffness.Mild };

        // Act
        var plan = Build(given);

        // Assert
        Assert.Contains(plan.Steps, s => s.Remedy == Remedy.Stretching);
    }

    // ---- Medication -------------------------------------------------------------------------------

    [Fact]
    public void Build_MedicationNotOptedIn_NoMedicationStep()
    {
        // Arrange
        var given = new Given { Pain = 7, ProfileSetup = p => p.MedicationOptIn = false };

        // Act
        var plan = Build(given);

        // Assert
        Assert.DoesNotContain(plan.Steps, s => s.Remedy == Remedy.Medication);
    }

    [Fact]
    public void Build_NoProfile_NoMedicationStep()
    {
        // Arrange
        var given = new Given { Pain = 7, NoProfile = true };

        // Act
        var plan = Build(given);

        // Assert
        Assert.DoesNotContain(plan.Steps, s => s.Remedy == Remedy.Medication);
    }

    [Fact]
    public void Build_MedicationOptInWithEmptyDoseLog_MedicationFirstAndNeverAboveTheLabelDose()
    {
        // Arrange
        var given = new Given { ProfileSetup = p => p.MedicationOptIn = true, DoseLog = [] };

        // Act
        var plan = Build(given);

        // Assert
        var first = plan.Steps[0];
        Assert.Equal(Remedy.Medication, first.Remedy);
        Assert.NotNull(first.Medication);
        Assert.NotEmpty(first.Medication);
        Assert.Contains(first.Medication, answer => answer.Allowed);
        Assert.All(first.Medication, answer => Assert.InRange(answer.MaxUnitsNow, 0, answer.Product.MaxUnitsPerDose));
        Assert.Equal(TimerKind.None, first.Timer);
    }

    [Theory]
    [InlineData(130, false)]
    [InlineData(120, false)]
    [InlineData(119, true)]
    public void Build_MedicationOptInByRunLength_NoNsaidAfterAbout2Hours(int runMinutes, bool nsaidAllowed)
    {
        // Arrange
        var given = new Given
        {
            RunDuration = TimeSpan.FromMinutes(runMinutes),
            SinceRunEnded = TimeSpan.FromHours(1),
            ProfileSetup = p => p.MedicationOptIn = true,
        };

        // Act
        var plan = Build(given);

        // Assert
        var step = Assert.Single(plan.Steps, s => s.Remedy == Remedy.Medication);
        Assert.NotNull(step.Medication);
        Assert.Contains(step.Medication, answer => answer.Product.IsNsaid);
        Assert.Equal(nsaidAllowed, step.Medication.Any(answer => answer.Product.IsNsaid && answer.Allowed));
        Assert.All(step.Medication.Where(answer => answer.Product.IsNsaid && !answer.Allowed),
            answer => Assert.Equal(0, answer.MaxUnitsNow));
    }

    [Fact]
    public void Build_MedicationOptInAfterA2Hour10MinuteRun_AcetaminophenStillOffered()
    {
        // Arrange
        var given = new Given
        {
            RunDuration = TimeSpan.FromHours(2) + TimeSpan.FromMinutes(10),
            ProfileSetup = p => p.MedicationOptIn = true,
        };

        // Act
        var plan = Build(given);

        // Assert
        var step = Assert.Single(plan.Steps, s => s.Remedy == Remedy.Medication);
        Assert.NotNull(step.Medication);
        Assert.DoesNotContain(step.Medication, answer => answer.Product.IsNsaid && answer.Allowed);
        Assert.Contains(step.Medication,
            answer => answer.Product.Ingredient == ActiveIngredient.Acetaminophen && answer.Allowed);
    }

    [Fact]
    public void Build_MedicationOptInButNothingAllowed_NoStepAndLeftOutSaysWhy()
    {
        // Arrange: pregnancy refuses every product until a health professional is asked.
        var given = new Given
        {
            ProfileSetup = p =>
            {
                p.MedicationOptIn = true;
                p.Pregnant = true;
            },
        };

        // Act
        var plan = Build(given);

        // Assert
        Assert.DoesNotContain(plan.Steps, s => s.Remedy == Remedy.Medication);
        Assert.Contains(plan.LeftOut, line => line.StartsWith("No medication step", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_MedicationStepOfferingAnNsaid_GivesNoOnsetNumber()
    {
        // Arrange: CLINICAL.md §1: ibuprofen/naproxen onset is UNCONFIRMED: say "often within an hour", not a number.
        var given = new Given { ProfileSetup = p => p.MedicationOptIn = true };

        // Act
        var plan = Build(given);

        // Assert
        var step = Assert.Single(plan.Steps, s => s.Remedy == Remedy.Medication);
        Assert.NotNull(step.Medication);
        Assert.Contains(step.Medication, answer => answer.Product.IsNsaid && answer.Allowed);
        // Acetaminophen's onset is sourced (Davis's Drug Guide 2025) and may carry its number; the NSAIDs' may not.
        Assert.Contains("often within an hour", step.What, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?:ibuprofen|naproxen|aspirin)[^.;]*\d", step.What);
        Assert.DoesNotMatch(OnsetNumber(), step.Why);
    }

    // ---- Disc degeneration, cream -----------------------------------------------------------------

    [Theory]
    [InlineData(DddDiagnosis.Yes, true)]
    [InlineData(DddDiagnosis.No, false)]
    [InlineData(DddDiagnosis.NotSure, false)]
    public void Build_DiscDegenerationDiagnosis_FlareUpStepOnlyWhenDiagnosed(DddDiagnosis ddd, bool expected)
    {
        // Arrange
        var given = new Given { ProfileSetup = p => p.Ddd = ddd };

        // Act
        var plan = Build(given);

        // Assert
        Assert.Equal(expected, plan.Steps.Any(s => string.Equals(s.Id, "flare-up", StringComparison.Ordinal)));
    }

    [Fact]
    public void Build_DiscDegeneration_FlareUpStepNeverSaysStopRunning()
    {
        // Arrange: CLINICAL.md §4: never tell a runner to stop running because of DDD.
        var given = new Given { ProfileSetup = p => p.Ddd = DddDiagnosis.Yes };

        // Act
        var plan = Build(given);

        // Assert
        var step = Assert.Single(plan.Steps, s => string.Equals(s.Id, "flare-up", StringComparison.Ordinal));
        Assert.Contains("flare-up", step.Title, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("stop running", step.What + " " + step.Why, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Build_SampleCream_StepLinksToTheProductWithHonestEvidence()
    {
        // Arrange
        var cream = CreamProduct.WbcSample;
        var given = new Given { Cream = cream };

        // Act
        var plan = Build(given);

        // Assert
        var step = Assert.Single(plan.Steps, s => s.Remedy == Remedy.WbcCream);
        Assert.Equal(cream.Link, step.LearnLink);
        Assert.Same(RemedyEvidence.ByRemedy[Remedy.WbcCream], step.Evidence);
        Assert.Equal("No trial in back pain", step.Evidence.Level);
        Assert.Null(step.Duration);
    }

    [Fact]
    public void Build_AnyCream_StepLinksToThatProduct()
    {
        // Arrange
        var cream = new CreamProduct("Plain", ["water"], "/x");
        var given = new Given { Cream = cream };

        // Act
        var plan = Build(given);

        // Assert
        var step = Assert.Single(plan.Steps, s => s.Remedy == Remedy.WbcCream);
        Assert.Equal("/x", step.LearnLink);
        Assert.Contains("Plain", step.What, StringComparison.Ordinal);
    }

    // ---- Every plan -------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Build_AnyInput_EveryStepHasWhyEvidenceAndLearnLink(string scenario)
    {
        // Arrange
        var given = Scenarios[scenario]();

        // Act
        var plan = Build(given);

        // Assert
        Assert.All(plan.Steps, step =>
        {
            Assert.False(string.IsNullOrWhiteSpace(step.Why), step.Id);
            Assert.False(string.IsNullOrWhiteSpace(step.LearnLink), step.Id);
            Assert.NotNull(step.Evidence);
            Assert.False(string.IsNullOrWhiteSpace(step.Evidence.Level), step.Id);
            Assert.False(string.IsNullOrWhiteSpace(step.Evidence.Summary), step.Id);
            Assert.False(string.IsNullOrWhiteSpace(step.Evidence.Sources), step.Id);
            Assert.Same(RemedyEvidence.ByRemedy[step.Remedy], step.Evidence);
        });
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Build_SameInputTwice_SameStepsInTheSameOrder(string scenario)
    {
        // Arrange
        var input = Scenarios[scenario]().ToInput();

        // Act
        var first = PlanBuilder.Build(input);
        var second = PlanBuilder.Build(input);

        // Assert
        Assert.Equal(first.Steps.Select(s => s.Id), second.Steps.Select(s => s.Id));
        Assert.Equal(first.LeftOut, second.LeftOut);
        Assert.Equal(first.Contributors.Select(c => c.Id), second.Contributors.Select(c => c.Id));
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Build_AnyInput_StepIdsUnique(string scenario)
    {
        // Arrange
        var given = Scenarios[scenario]();

        // Act
        var plan = Build(given);

        // Assert
        var ids = plan.Steps.Select(s => s.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
