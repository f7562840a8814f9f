using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Backstride.Activities;
using Backstride.Activities.Fit;
using Backstride.Activities.Xml;

namespace Backstride.Benchmarks;

/// <summary>
/// Decoding speed of watch files, in-process from memory (what the import does once a file is on disk).
/// Targets: FIT 150 MB/s or more, GPX and TCX 60 MB/s or more. MB/s = file size / mean time.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, warmupCount: 3, iterationCount: 10)]
public class ActivityDecodeBenchmarks
{
    private byte[] _sampleFit = null!;
    private byte[] _twelveHourFit = null!;
    private byte[] _marathonTcx = null!;
    private byte[] _marathonGpx = null!;
    private byte[] _generatedGpx = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sampleFit = File.ReadAllBytes(SampleFiles.PathOf("fit-benchmarks/sample.fit"));
        _twelveHourFit = GeneratedActivities.FitRun(12 * 3600);
        _marathonTcx = File.ReadAllBytes(SampleFiles.PathOf("ggps-py/data/twin_cities_marathon.tcx"));
        _marathonGpx = File.ReadAllBytes(SampleFiles.PathOf("ggps-py/data/twin_cities_marathon.gpx"));
        _generatedGpx = GeneratedActivities.GpxRun(12 * 3600);
        Console.WriteLine($"// sizes: sample.fit {_sampleFit.Length:N0} B; 12-hour FIT {_twelveHourFit.Length:N0} B " +
            $"({FitReader.Read(_twelveHourFit).RecordCount:N0} records); marathon TCX {_marathonTcx.Length:N0} B; " +
            $"marathon GPX {_marathonGpx.Length:N0} B; 12-hour GPX {_generatedGpx.Length:N0} B");
    }

    [Benchmark(Description = "FIT sample.fit (258 KB, 4,276 records)")]
    public int FitSample() => FitReader.Read(_sampleFit).Samples.Length;

    [Benchmark(Description = "FIT generated 12 h (43,200 records)")]
    public int FitTwelveHours() => FitReader.Read(_twelveHourFit).Samples.Length;

    [Benchmark(Description = "TCX marathon (1.7 MB)")]
    public int TcxMarathon() => ReadXml(_marathonTcx);

    [Benchmark(Description = "GPX marathon (0.7 MB)")]
    public int GpxMarathon() => ReadXml(_marathonGpx);

    [Benchmark(Description = "GPX generated 12 h")]
    public int GpxTwelveHours() => ReadXml(_generatedGpx);

    private static int ReadXml(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return XmlActivityReader.Read(stream, ActivityReadLimits.Default).Samples.Length;
    }
}

/// <summary>
/// Memory as GPX files grow: a generated file streamed through the reader (never stored), summary only.
/// "Allocated" per operation staying flat from 50 MB to 500 MB shows the reader holds nothing per point.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class GpxMemoryBenchmarks
{
    [Params(50, 500)]
    public int Megabytes { get; set; }

    [Benchmark(Description = "GPX streamed, summary only")]
    public int Read()
    {
        using var stream = new GpxStream(GpxStream.PointsFor(Megabytes * 1024L * 1024), GeneratedActivities.Start);
        var limits = ActivityReadLimits.Default with { MaxFileBytes = long.MaxValue };
        return XmlActivityReader.Read(stream, limits, keepSamples: false).RecordCount;
    }
}
