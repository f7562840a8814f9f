namespace Backstride.Activities.Tests;

/// <summary>
/// The real watch files in ../shared/data/activities (see its MANIFEST.md). They are read in place and never
/// copied into the repository; BACKSTRIDE_ACTIVITY_SAMPLES overrides the folder. A checkout without them (a clone
/// on a machine that lacks the shared folder) skips the tests that need them, saying why, rather than failing.
/// </summary>
public static class SampleFiles
{
    private static readonly Lazy<string?> Located = new(Locate);

    /// <summary>The samples folder; skips the calling test when it cannot be found.</summary>
    public static string Directory => Located.Value ?? SkipForMissingSamples();

    public static string PathOf(string relative) => Path.Combine(Directory, relative);

    public static byte[] Bytes(string relative) => File.ReadAllBytes(PathOf(relative));

    public static Activity Read(string relative) => ActivityReader.ReadFile(PathOf(relative));

    private static string SkipForMissingSamples()
    {
        Assert.Skip("The activity samples were not found in ../shared/data/activities (beside the repository or above " +
            "it) nor in /work/shared/data/activities; set BACKSTRIDE_ACTIVITY_SAMPLES to their folder.");
        return "";
    }

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("BACKSTRIDE_ACTIVITY_SAMPLES") is { Length: > 0 } configured)
        {
            return configured;
        }

        // Walk up from the test binaries: the repository's sibling ../shared, or a shared folder further up.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[]
                     {
                         Path.Combine(dir.FullName, "..", "shared", "data", "activities"),
                         Path.Combine(dir.FullName, "shared", "data", "activities"),
                     })
            {
                if (File.Exists(Path.Combine(candidate, "MANIFEST.md")))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        // Where this workplace keeps the shared folder, for a clone made somewhere else (e.g. a temporary folder).
        const string workplace = "/work/shared/data/activities";
        return File.Exists(Path.Combine(workplace, "MANIFEST.md")) ? workplace : null;
    }

    // Valid FIT files of MANIFEST.md, by their path under the samples folder.
    public const string Fenix5Run = "python-fitparse/tests/files/garmin-fenix-5-run.fit";
    public const string RunningWithDeveloperData = "fit-parser/test/running-with-developer-data.fit";
    public const string GarminStamina = "fit-parser/test/garmin-stamina.fit";
    public const string Fenix2Run = "python-fitparse/tests/files/activity-small-fenix2-run.fit";
    public const string BenchmarkSample = "fit-benchmarks/sample.fit";
    public const string DeveloperTypesSample = "python-fitparse/tests/files/developer-types-sample.fit";
    public const string CompressedSpeedDistance = "python-fitparse/tests/files/compressed-speed-distance.fit";
    public const string MultipleHeader = "python-fitparse/tests/files/sample_mulitple_header.fit";
    public const string ActivitySettings = "python-fitparse/tests/files/activity-settings.fit";
    public const string SdkActivity = "python-fitparse/tests/files/Activity.fit";
    public const string SdkDeveloperData = "python-fitparse/tests/files/DeveloperData.fit";

    // Malformed FIT files.
    public const string WrongFileCrc = "python-fitparse/tests/files/activity-filecrc.fit";
    public const string UnexpectedEof = "python-fitparse/tests/files/activity-unexpected-eof.fit";
    public const string SecondPartWrongCrc = "python-fitparse/tests/files/activity-activity-filecrc.fit";
    public const string CorruptSecondHeader = "python-fitparse/tests/files/activity-settings-corruptheader.fit";
    public const string SecondPartNoData = "python-fitparse/tests/files/activity-settings-nodata.fit";

    // GPX and TCX.
    public const string MarathonTcx = "ggps-py/data/twin_cities_marathon.tcx";
    public const string MarathonGpx = "ggps-py/data/twin_cities_marathon.gpx";
    public const string Ns3Gpx = "ggps-py/data/activity_4564516081.gpx";
    public const string SmallTcx = "ggps-py/data/activity_10101108916.tcx";
    public const string TcxParserTest = "python-tcxparser/tests/files/test.tcx";
    public const string GpxAllFields = "gpxpy/test_files/gpx1.1_with_all_fields.gpx";
    public const string BomNoNamespaceGpx = "sport-activities-features/tests/data/broken1.gpx";

    public static readonly string[] ValidFit =
    [
        Fenix5Run, RunningWithDeveloperData, GarminStamina, Fenix2Run, BenchmarkSample, DeveloperTypesSample,
        CompressedSpeedDistance, MultipleHeader, ActivitySettings, SdkActivity, SdkDeveloperData,
    ];

    public static readonly string[] ValidXml =
        [MarathonTcx, MarathonGpx, Ns3Gpx, SmallTcx, TcxParserTest, GpxAllFields, BomNoNamespaceGpx];

    public static readonly string[] Malformed =
        [WrongFileCrc, UnexpectedEof, SecondPartWrongCrc, CorruptSecondHeader, SecondPartNoData];
}
