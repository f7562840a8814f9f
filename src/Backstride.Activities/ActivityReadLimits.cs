namespace Backstride.Activities;

/// <summary>
/// Bounds on what a reader accepts, so that a hostile or broken file costs a clear message rather than memory or
/// time. The defaults fit the largest real exports (a decade of Strava activities is a few GB over ~5,000 files).
/// </summary>
public sealed record ActivityReadLimits
{
    public static readonly ActivityReadLimits Default = new();

    /// <summary>Largest single activity file, after decompression (100 MB; a 24-hour FIT file is about 10 MB).</summary>
    public long MaxFileBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Deepest XML nesting accepted; GPX and TCX need fewer than 10 levels.</summary>
    public int MaxXmlDepth { get; init; } = 64;

    /// <summary>Most entries an export archive may hold.</summary>
    public int MaxArchiveEntries { get; init; } = 20_000;

    /// <summary>Most bytes an export archive may expand to in all.</summary>
    public long MaxArchiveExpandedBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>
    /// Highest expansion ratio of one compressed entry (zip or gzip). Activity files compress 5–15×;
    /// a zip or gzip bomb reaches 1000× and more.
    /// </summary>
    public double MaxCompressionRatio { get; init; } = 100;
}
