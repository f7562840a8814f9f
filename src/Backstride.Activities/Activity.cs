namespace Backstride.Activities;

/// <summary>The file format an activity was read from.</summary>
public enum ActivityFormat
{
    Fit,
    Gpx,
    Tcx,
}

/// <summary>
/// One activity as read from a watch file, in one shape whatever the format: a summary, its laps and its samples.
/// Totals come from the file's own session where it has one (that is what the watch showed the runner),
/// otherwise they are computed from the samples.
/// </summary>
public sealed class Activity
{
    public required ActivityFormat Format { get; init; }

    /// <summary>Lower-case sport as the file names it ("running", "cycling", "training"...), or "unknown".</summary>
    public required string Sport { get; init; }

    /// <summary>Lower-case sub-sport where the file has one ("trail", "treadmill", "generic"), else null.</summary>
    public string? SubSport { get; init; }

    /// <summary>Start in UTC: the first session's start, else the first sample's time, else null.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>
    /// True when the FIT file's times count seconds from the watch's power-on rather than a calendar date
    /// (old devices without GPS do this): the run's date is then unknown.
    /// </summary>
    public bool TimesAreDeviceRelative { get; init; }

    /// <summary>Number of record messages (FIT) or track points (GPX, TCX) in the file.</summary>
    public required int RecordCount { get; init; }

    public required IReadOnlyList<ActivitySession> Sessions { get; init; }

    public required IReadOnlyList<ActivityLap> Laps { get; init; }

    /// <summary>The time series, in file order. Absent values are NaN (see <see cref="ActivitySample"/>).</summary>
    public required ActivitySample[] Samples { get; init; }

    /// <summary>Means of each record field over the records that carry it, in the file's own units.</summary>
    public required RecordMeans RecordMeans { get; init; }

    /// <summary>Developer (third-party) fields the file describes, such as a Stryd pod's power and ground time.</summary>
    public IReadOnlyList<DeveloperFieldInfo> DeveloperFields { get; init; } = [];

    /// <summary>How many messages of each FIT global message number the file holds (empty for GPX and TCX).</summary>
    public IReadOnlyDictionary<int, int> MessageCounts { get; init; } = new Dictionary<int, int>();

    /// <summary>Number of FIT data messages of every kind (0 for GPX and TCX).</summary>
    public int DataMessageCount { get; init; }

    /// <summary>Things worth telling the runner that did not stop the read, such as a broken later part of a chained FIT file.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// A session as the file states it (FIT session message, or a TCX activity / GPX track summarised).
/// Units are SI-ish and named in each property; cadence is per leg, as watches store it.
/// </summary>
public sealed record ActivitySession
{
    public required string Sport { get; init; }
    public string? SubSport { get; init; }
    public DateTimeOffset? Start { get; init; }
    public double? TotalDistanceMetres { get; init; }
    public double? TotalTimerTimeSeconds { get; init; }
    public double? TotalElapsedTimeSeconds { get; init; }
    public double? TotalAscentMetres { get; init; }
    public double? AvgHeartRate { get; init; }

    /// <summary>Average cadence per leg (FIT avg_running_cadence), as in the file; steps per minute is twice this for running.</summary>
    public double? AvgCadencePerLeg { get; init; }
    public double? AvgVerticalOscillationMm { get; init; }
    public double? AvgStanceTimeMs { get; init; }
    public double? AvgVerticalRatioPercent { get; init; }
    public double? AvgStepLengthMm { get; init; }
    public double? AvgSpeedMetresPerSecond { get; init; }
}

/// <summary>A lap as the file states it.</summary>
public sealed record ActivityLap
{
    public DateTimeOffset? Start { get; init; }
    public double? DistanceMetres { get; init; }
    public double? TimerTimeSeconds { get; init; }
    public double? ElapsedTimeSeconds { get; init; }
    public double? AvgSpeedMetresPerSecond { get; init; }
}

/// <summary>
/// One point of the time series. Numeric fields use NaN for "the file did not carry it": samples are kept
/// by the tens of thousands, and a struct of plain numbers is what makes decoding at 150 MB/s affordable.
/// Cadence is in steps per minute (both legs), whatever the file stored.
/// </summary>
public struct ActivitySample
{
    /// <summary>UTC time. For device-relative FIT files, FIT's epoch plus the relative seconds.</summary>
    public DateTime Time;
    public double Latitude;
    public double Longitude;
    public double DistanceMetres;
    public float AltitudeMetres;
    public float SpeedMetresPerSecond;
    public float HeartRate;
    public float CadenceStepsPerMinute;
    public float VerticalOscillationMm;
    public float GroundContactTimeMs;
    public float VerticalRatioPercent;
    public float StepLengthMm;
    public float PowerWatts;

    /// <summary>A sample at <paramref name="time"/> with every measurement absent.</summary>
    public static ActivitySample Empty(DateTime time) => new()
    {
        Time = time,
        Latitude = double.NaN,
        Longitude = double.NaN,
        DistanceMetres = double.NaN,
        AltitudeMetres = float.NaN,
        SpeedMetresPerSecond = float.NaN,
        HeartRate = float.NaN,
        CadenceStepsPerMinute = float.NaN,
        VerticalOscillationMm = float.NaN,
        GroundContactTimeMs = float.NaN,
        VerticalRatioPercent = float.NaN,
        StepLengthMm = float.NaN,
        PowerWatts = float.NaN,
    };

    public readonly bool HasPosition => !double.IsNaN(Latitude) && !double.IsNaN(Longitude);
}

/// <summary>
/// Means over the records that carry each field, in the file's own terms (cadence per leg as stored, without
/// FIT's fractional part), so that they can be compared with other decoders. Null where no record carries it.
/// </summary>
public sealed record RecordMeans
{
    public double? HeartRate { get; init; }
    public double? CadencePerLeg { get; init; }
    public double? VerticalOscillationMm { get; init; }
    public double? StanceTimeMs { get; init; }
    public double? VerticalRatioPercent { get; init; }
    public double? StepLengthMm { get; init; }
    public double? PowerWatts { get; init; }
}

/// <summary>A developer field described in a FIT file (message 206).</summary>
public sealed record DeveloperFieldInfo(
    int DeveloperDataIndex,
    int FieldNumber,
    string Name,
    string? Units,
    int BaseType,
    int? NativeMessageNumber,
    int? NativeFieldNumber);
