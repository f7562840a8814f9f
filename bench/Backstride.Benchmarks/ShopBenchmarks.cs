using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Backstride.Core.Shop;

namespace Backstride.Benchmarks;

/// <summary>
/// Product list and product page under 32 concurrent clients: the real app in-process (TestServer, so the time is
/// the server's, without a network), SQLite with the seeded sample catalog. Target: p99 under 20 ms.
/// Each operation is one round of 32 clients × 50 requests; the percentiles over all requests are printed at the end.
/// </summary>
[Config(typeof(Config))]
public class ShopBenchmarks
{
    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1)
            .WithWarmupCount(1).WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance));
    }

    private const int RequestsPerClient = 50;

    private readonly Dictionary<string, List<double>> _latencies = [];
    private InProcessApp _app = null!;
    private HttpClient[] _clients = null!;

    [Params("/shop", "/shop/{slug}", "/shop/terms")]
    public string Page { get; set; } = "";

    /// <summary>One client shows the time a request takes alone; 32 show it under the target's load.</summary>
    [Params(1, 32)]
    public int Clients { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _app = new InProcessApp();
        _clients = Enumerable.Range(0, Clients).Select(_ => _app.CreateClient()).ToArray();
        _latencies.Clear();
        _latencies[Page] = [];
    }

    [Benchmark(Description = "clients × 50 requests")]
    public async Task<int> Round()
    {
        var path = Page.Replace("{slug}", SampleCatalog.Products[0].Slug, StringComparison.Ordinal);
        var perClient = await Task.WhenAll(_clients.Select(async client =>
        {
            var times = new double[RequestsPerClient];
            for (var i = 0; i < RequestsPerClient; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path);
                response.EnsureSuccessStatusCode();
                _ = await response.Content.ReadAsByteArrayAsync();
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
            return times;
        }));
        lock (_latencies)
        {
            _latencies[Page].AddRange(perClient.SelectMany(t => t));
        }
        return perClient.Length;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var all = _latencies[Page];
        all.Sort();
        double At(double q) => all[Math.Min(all.Count - 1, (int)Math.Ceiling(q * all.Count) - 1)];
        Console.WriteLine($"// shop {Page}: {all.Count:N0} requests by {Clients} clients; p50 {At(0.50):N1} ms, " +
            $"p95 {At(0.95):N1} ms, p99 {At(0.99):N1} ms, max {all[^1]:N1} ms");
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        _app.Dispose();
    }
}
