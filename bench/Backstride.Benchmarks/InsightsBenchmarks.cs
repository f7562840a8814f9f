using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Backstride.Activities;
using Backstride.Core.Insights;
using Backstride.Core.Runs;
using Backstride.Core.Units;
using Backstride.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Backstride.Benchmarks;

/// <summary>
/// The insights pages for a runner with ten years of diary (SampleDiary: 7 runs a week, ≈ 3,650 runs and ≈ 7,000
/// check-ins, every run with an hour of encoded watch samples): the real app in-process on SQLite, one signed-in
/// client, so the time is the server's. Target: dashboard and factors each under 50 ms.
/// Pages read the diary's rows once and keep them while the database's fingerprint of the diary is unchanged, so the
/// "first look after a change" rows are the cold case and the others the usual one.
/// The Core-only rows show how much of that is the analysis itself rather than reading the database and drawing.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class InsightsBenchmarks
{
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10)
                .WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(StatisticColumn.P95);
        }
    }

    private static readonly DateTimeOffset End = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private InProcessApp _app = null!;
    private HttpClient _client = null!;
    private InsightDiary _diary = null!;

    [GlobalSetup]
    public void Setup()
    {
        _app = new InProcessApp();
        _client = _app.CreateClient();
        var email = $"bench+{Guid.NewGuid():N}@example.com";
        RegisterAsync(email).GetAwaiter().GetResult();
        var userId = SeedTenYearsAsync(email).GetAwaiter().GetResult();
        SeededUserId = userId;
        _diary = SampleDiary.ToInsightDiary(SampleDiary.Generate(userId, TenYears));
        Console.WriteLine($"// ten years: {_diary.Runs.Count:N0} runs, {_diary.CheckIns.Count:N0} check-ins, " +
            $"{_diary.Evenings.Count:N0} evenings, {_diary.Doses.Count:N0} doses");
    }

    private static SampleDiaryOptions TenYears => new(SampleRunnerSeed, End, Days: 3650, RunsPerWeek: 7);

    private const int SampleRunnerSeed = 20261126;

    [Benchmark(Description = "GET /insights (dashboard, 6 months charted)")]
    public Task<int> Dashboard() => GetAsync("/insights");

    /// <summary>The first look after a change to the diary: the rows are read from the database again.</summary>
    [Benchmark(Description = "GET /insights, first look after a change")]
    public Task<int> DashboardCold()
    {
        _app.Services.GetRequiredService<Web.Features.Insights.InsightCache>().Forget(SeededUserId);
        return GetAsync("/insights");
    }

    [Benchmark(Description = "GET /insights/factors, first look after a change")]
    public Task<int> FactorsCold()
    {
        _app.Services.GetRequiredService<Web.Features.Insights.InsightCache>().Forget(SeededUserId);
        return GetAsync("/insights/factors");
    }

    [Benchmark(Description = "GET /insights?range=all (ten years charted)")]
    public Task<int> DashboardAll() => GetAsync("/insights?range=all");

    [Benchmark(Description = "GET /insights/factors")]
    public Task<int> Factors() => GetAsync("/insights/factors");

    [Benchmark(Description = "GET /insights/remedies")]
    public Task<int> Remedies() => GetAsync("/insights/remedies");

    [Benchmark(Description = "Core: evenings + dashboard + factors (no database)")]
    public int CoreOnly()
    {
        var evenings = RunEvenings.Build(_diary);
        var summary = Core.Insights.Dashboard.Build(_diary, evenings, End, End.AddDays(-182), DistanceUnit.Kilometres);
        var factors = FactorAnalysis.Analyse(_diary, evenings, DistanceUnit.Kilometres);
        return summary.PainAfterRuns.Count + factors.FactorsTested;
    }

    private async Task<int> GetAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    /// <summary>
    /// `-- insights-phases`: the same ten years, each phase of a dashboard request timed on its own (median of 30),
    /// to see where the server's time goes before optimising anything.
    /// </summary>
    public static void ProfilePhases()
    {
        var bench = new InsightsBenchmarks();
        bench.Setup();
        var userId = bench.SeededUserId;
        using var scope = bench._app.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<BackstrideDbContext>>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        InsightDiary diary = null!;
        IReadOnlyList<RunEvening> evenings = null!;
        DashboardSummary summary = null!;
        void Time(string phase, Action action)
        {
            var times = new List<double>();
            for (var i = 0; i < 30; i++)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                action();
                times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"{phase,-48} median {times[15],7:N2} ms   min {times[0],7:N2} ms");
        }
        Time("InsightStore.LoadAsync (7 queries)", () =>
        {
            using var db = new BackstrideDbContext(options, new BenchDiaryOwner(userId));
            diary = new Data.Diary.InsightStore(db, TimeProvider.System).LoadAsync(zone).GetAwaiter().GetResult();
        });
        Time("raw ADO: check-ins (4 columns)", () =>
        {
            using var db = new BackstrideDbContext(options, new BenchDiaryOwner(userId));
            var connection = db.Database.GetDbConnection();
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT Id, RunId, RecordedAt, Pain FROM CheckIns WHERE UserId = $u ORDER BY RecordedAt, Id";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$u";
            parameter.Value = userId.ToString().ToUpperInvariant();
            command.Parameters.Add(parameter);
            using var reader = command.ExecuteReader();
            var n = 0;
            while (reader.Read())
            {
                n++;
            }
            if (n == 0)
            {
                throw new InvalidOperationException("no rows: check the Guid text format");
            }
        });
        Time("EF: check-ins only", () =>
        {
            using var db = new BackstrideDbContext(options, new BenchDiaryOwner(userId));
            _ = db.CheckIns.AsNoTracking().OrderBy(c => c.RecordedAt).ThenBy(c => c.Id)
                .Select(c => new PainRow(c.Id, c.RunId, c.RecordedAt, c.Pain)).ToList();
        });
        Time("InsightStore.DiaryVersionAsync", () =>
        {
            using var db = new BackstrideDbContext(options, new BenchDiaryOwner(userId));
            _ = new Data.Diary.InsightStore(db, TimeProvider.System).DiaryVersionAsync(userId).GetAwaiter().GetResult();
        });
        Time("RunEvenings.Build", () => evenings = RunEvenings.Build(diary));
        Time("Dashboard.Build (6 months)", () => summary = Core.Insights.Dashboard.Build(diary, evenings, End, End.AddDays(-182), DistanceUnit.Kilometres));
        Time("InsightCharts.PainAfterRuns (SVG)", () => Web.Features.Insights.InsightCharts.PainAfterRuns(summary, End.AddDays(-182), End, zone));
        Time("InsightCharts.WeeklyDistance (SVG)", () => Web.Features.Insights.InsightCharts.WeeklyDistance(summary, End.AddDays(-182), End, zone, DistanceUnit.Kilometres));
        Time("FactorAnalysis.Analyse", () => FactorAnalysis.Analyse(diary, evenings, DistanceUnit.Kilometres));
        Time("RemedyAnalysis.Analyse", () => RemedyAnalysis.Analyse(diary, evenings));
        Time("GET /insights", () => bench.GetAsync("/insights").GetAwaiter().GetResult());
        Time("GET /insights/factors", () => bench.GetAsync("/insights/factors").GetAwaiter().GetResult());
        bench.Cleanup();
    }

    private Guid SeededUserId { get; set; }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _app.Dispose();
    }

    private async Task RegisterAsync(string email)
    {
        var form = await _client.GetStringAsync("/account/register");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var response = await _client.PostAsync("/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "correct horse battery",
            ["Input.HealthDataConsent"] = "true",
            ["Input.TimeZoneId"] = "Europe/London",
            ["__RequestVerificationToken"] = token,
        }));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Writes the generated ten years straight into the database as the runner, with a samples blob per run.</summary>
    private async Task<Guid> SeedTenYearsAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<BackstrideDbContext>>();
        Guid userId;
        await using (var lookup = new BackstrideDbContext(options, new BenchDiaryOwner(null)))
        {
            userId = await lookup.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        }
        var data = SampleDiary.Generate(userId, TenYears);
        // One real hour of encoded samples, stored with every run: the blobs are what a careless query would drag along.
        var samples = SampleCodec.Encode(ActivityReader.Read(new MemoryStream(GeneratedActivities.FitRun(3600))).Samples);
        await using var db = new BackstrideDbContext(options, new BenchDiaryOwner(userId));
        // The registration made default settings; the generated ones replace them.
        await db.RunnerSettings.Where(s => s.UserId == userId).ExecuteDeleteAsync();
        db.Add(data.Settings);
        db.Add(data.Profile);
        db.Add(data.Training);
        db.AddRange(data.Shoes);
        db.AddRange(data.Runs);
        db.AddRange(data.Runs.Select(r => new RunTrack { RunId = r.Id, UserId = userId, EncodedSamples = samples, SampleCount = 3600 }));
        db.AddRange(data.CheckIns);
        db.AddRange(data.Plans);
        db.AddRange(data.StrengthSessions);
        db.AddRange(data.Doses);
        db.AddRange(data.Experiments);
        await db.SaveChangesAsync();
        return userId;
    }

    private sealed class BenchDiaryOwner(Guid? userId) : IDiaryOwner
    {
        public Guid? UserId => userId;
    }
}
