using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Backstride.Benchmarks;

/// <summary>
/// A Strava-like export of 1,000 runs (45 minutes each at 1 Hz; 70 % .fit.gz, 30 % .gpx.gz) imported end to end:
/// the upload through the real API, the background worker, SQLite in a temporary data folder. Target: 20 or more
/// activities per second, with the progress moving throughout (the API is polled every 250 ms as the page does).
/// In-process, because the app is hosted the way the HTTP tests host it.
/// </summary>
[Config(typeof(Config))]
public class ImportBenchmarks
{
    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1)
            .WithWarmupCount(0).WithIterationCount(3).WithToolchain(InProcessEmitToolchain.Instance));
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<string> _report = [];
    private InProcessApp _app = null!;
    private byte[] _archive = null!;
    private HttpClient _client = null!;

    [Params(1000)]
    public int Activities { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _archive = BuildArchive(Activities);
        _app = new InProcessApp();
        _ = _app.CreateClient(); // starts the host and applies the migrations
        Console.WriteLine($"// archive: {Activities} activities, {_archive.Length / (1024 * 1024)} MB");
    }

    [IterationSetup]
    public void NewRunner()
    {
        // A fresh runner per iteration, so every run imports rather than being found a duplicate.
        _client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var email = $"bench-{Guid.NewGuid():N}@example.com";
        const string password = "correct horse battery";
        _client.PostAsJsonAsync("/api/v1/account/register",
            new { email, password, healthDataConsent = true, timeZone = "Europe/Amsterdam" }).Result.EnsureSuccessStatusCode();
        var token = _client.PostAsJsonAsync("/api/v1/account/token", new { email, password }).Result
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>().Result.GetProperty("accessToken").GetString();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    [Benchmark(Description = "Import a 1,000-activity export archive into SQLite")]
    public async Task<int> Import()
    {
        var clock = Stopwatch.StartNew();
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(_archive);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Add(file, "files", "export_12345.zip");
        var accepted = await _client.PostAsync("/api/v1/imports", content);
        accepted.EnsureSuccessStatusCode();
        var location = accepted.Headers.Location!;

        var progress = new List<(double Seconds, int Done)>();
        while (true)
        {
            await Task.Delay(250);
            var batch = await _client.GetFromJsonAsync<JsonElement>($"{location}?files=false", Json);
            var done = batch.GetProperty("doneFiles").GetInt32();
            progress.Add((clock.Elapsed.TotalSeconds, done));
            if (batch.GetProperty("status").GetString() is "completed" or "failed")
            {
                break;
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var final = await _client.GetFromJsonAsync<JsonElement>(location.ToString(), Json);
        var imported = final.GetProperty("files").EnumerateArray().Count(f => f.GetProperty("outcome").GetString() == "imported");
        var distinct = progress.Select(p => p.Done).Distinct().Count();
        var longestStall = progress.Zip(progress.Skip(1))
            .Where(pair => pair.First.Done == pair.Second.Done && pair.Second.Done < Activities)
            .Select(pair => pair.Second.Seconds - pair.First.Seconds).DefaultIfEmpty(0).Max();
        _report.Add($"// import: {imported}/{Activities} imported in {seconds:N1} s = {imported / seconds:N1} activities/s; " +
            $"{progress.Count} progress polls saw {distinct} distinct values; longest poll-to-poll stall {longestStall:N2} s");
        return imported;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var line in _report)
        {
            Console.WriteLine(line);
        }
        _app.Dispose();
    }

    private static byte[] BuildArchive(int count)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var csv = new StreamWriter(zip.CreateEntry("activities.csv").Open()))
            {
                csv.WriteLine("Activity ID,Activity Date,Activity Type,Filename");
                for (var i = 0; i < count; i++)
                {
                    csv.WriteLine($"{i},{GeneratedActivities.Start.AddDays(-i):yyyy-MM-dd},Run,activities/{i}");
                }
            }
            for (var i = 0; i < count; i++)
            {
                // One run a day going back in time, so no two are duplicates of each other.
                var start = GeneratedActivities.Start.AddDays(-i);
                var (name, bytes) = i % 10 < 7
                    ? ($"activities/{i}.fit.gz", GeneratedActivities.FitRun(45 * 60, seed: i, start: start))
                    : ($"activities/{i}.gpx.gz", GeneratedActivities.GpxRun(45 * 60, start));
                using var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
                using var gzip = new GZipStream(entry, CompressionLevel.Fastest);
                gzip.Write(bytes);
            }
        }
        return buffer.ToArray();
    }
}
