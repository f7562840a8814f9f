using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Backstride.Activities;
using Backstride.Activities.Xml;

namespace Backstride.Benchmarks;

// Not top-level statements: those would declare a Program that hides the web app's, which the import benchmark hosts.
internal static class BenchmarkEntry
{
    public static void Main(string[] args)
    {
        if (args is ["gpx-peak-memory", var size])
        {
            GpxPeakMemory(int.Parse(size, CultureInfo.InvariantCulture));
            return;
        }
        if (args is ["insights-phases"])
        {
            InsightsBenchmarks.ProfilePhases();
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(PlanBenchmarks).Assembly).Run(args);
    }

    /// <summary>
    /// BenchmarkDotNet reports bytes allocated, not the process's peak; this reads one generated GPX of the given
    /// size in MB (streamed, never stored) in a fresh process and prints the peak working set.
    /// </summary>
    private static void GpxPeakMemory(int megabytes)
    {
        var clock = Stopwatch.StartNew();
        using var stream = new GpxStream(GpxStream.PointsFor(megabytes * 1024L * 1024), GeneratedActivities.Start);
        var activity = XmlActivityReader.Read(stream, ActivityReadLimits.Default with { MaxFileBytes = long.MaxValue }, keepSamples: false);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"{megabytes} MB GPX, {activity.RecordCount:N0} points, {activity.Sessions[0].TotalDistanceMetres / 1000:N0} km " +
            $"in {clock.Elapsed.TotalSeconds:N1} s; peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MB");
    }
}
