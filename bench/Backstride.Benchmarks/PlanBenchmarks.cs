using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Backstride.Core.CheckIns;
using Backstride.Core.Medication;
using Backstride.Core.Plans;
using Backstride.Core.Profiles;
using Backstride.Core.Runs;
using Backstride.Core.Triage;

namespace Backstride.Benchmarks;

/// <summary>
/// The plan page runs triage, the guard and the plan builder on every view and every timer action:
/// they must stay far below a millisecond with a realistic diary (35 days of runs, a day of doses).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, warmupCount: 3, iterationCount: 5)]
public class PlanBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 21, 0, 0, TimeSpan.Zero);
    private PlanInput _input = null!;
    private List<DoseLogEntry> _doses = null!;
    private TriageInput _triage = null!;

    [GlobalSetup]
    public void Setup()
    {
        var runs = Enumerable.Range(0, 35).Select(day => new Run
        {
            StartedAt = Now.AddDays(-day).AddHours(-3), DistanceMetres = 8000 + day * 50,
            Duration = TimeSpan.FromMinutes(45), Surface = Surface.Road, Effort = 6,
        }).ToList();
        var checkIn = new CheckIn
        {
            RunId = runs[0].Id, RecordedAt = Now.AddMinutes(-90), Pain = 5, Stiffness = Stiffness.Moderate,
            Locations = PainLocation.Centre | PainLocation.Left, Onset = PainOnset.RightAfter,
        };
        var profile = new BackProfile
        {
            Ddd = DddDiagnosis.Yes, HeavyLandings = true, HasIcePack = true, HasHeatingPad = true, MedicationOptIn = true,
        };
        _doses = [new DoseLogEntry { ProductId = "advil", TakenAt = Now.AddHours(-5), Units = 2 },
            new DoseLogEntry { ProductId = "advil", TakenAt = Now.AddHours(-10), Units = 1 }];
        _triage = new TriageInput(checkIn, null, profile, 44, new HashSet<string>(StringComparer.Ordinal));
        _input = new PlanInput(checkIn, runs[0], profile, 44, runs, _doses, TriageRules.Assess(_triage), CreamProduct.WbcSample, Now);
    }

    [Benchmark]
    public TriageOutcome Triage() => TriageRules.Assess(_triage);

    [Benchmark]
    public IReadOnlyList<GuardAnswer> GuardAllProducts() =>
        MedicationGuard.CheckAll(_doses, new GuardContext(44, _input.Profile, AfterLongOrHotRun: false), Now);

    [Benchmark]
    public Plan BuildPlan() => PlanBuilder.Build(_input);
}
