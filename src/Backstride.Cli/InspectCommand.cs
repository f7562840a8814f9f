using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Backstride.Activities;

namespace Backstride.Cli;

/// <summary>
/// <c>backstride inspect FILE [--json]</c>: what the readers make of one activity file, so that they can be checked
/// against other decoders (the JSON uses the file's own terms: cadence per leg, totals as stored).
/// </summary>
public static class InspectCommand
{
    public const int Success = 0;
    public const int UnreadableFile = 2;

    /// <summary>EX_USAGE of sysexits.h: the command was called wrongly.</summary>
    public const int UsageError = 64;

    public const string Usage = """
        usage: backstride inspect FILE [--json]
          FILE    a FIT, GPX or TCX file, or a gzip of one
          --json  print one JSON object instead of a summary
        """;

    // Means are for comparing with other decoders; more decimals than this are float noise.
    private const int MeanDecimals = 3;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        if (args is ["--help" or "-h"] or ["inspect", "--help" or "-h"])
        {
            stdout.WriteLine(Usage);
            return Success;
        }
        if (!TryParse(args, out var path, out var json))
        {
            stderr.WriteLine(Usage);
            return UsageError;
        }
        if (!File.Exists(path))
        {
            stderr.WriteLine($"error: no such file: {path}");
            return UnreadableFile;
        }

        Activity activity;
        try
        {
            activity = ActivityReader.ReadFile(path);
        }
        catch (ActivityFileException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return UnreadableFile;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot read {path}: {e.Message}");
            return UnreadableFile;
        }

        if (json)
        {
            WriteJson(activity, stdout);
        }
        else
        {
            WriteSummary(activity, stdout);
        }
        return Success;
    }

    /// <summary>One verb, one file, one optional flag, in any order after the verb.</summary>
    private static bool TryParse(string[] args, out string path, out bool json)
    {
        path = "";
        json = false;
        if (args.Length == 0 || args[0] != "inspect")
        {
            return false;
        }

        string? file = null;
        foreach (var arg in args.AsSpan(1))
        {
            if (arg == "--json")
            {
                json = true;
            }
            else if ((arg.StartsWith('-') && arg != "-") || file is not null)
            {
                return false;
            }
            else
            {
                file = arg;
            }
        }

        if (string.IsNullOrEmpty(file))
        {
            return false;
        }
        path = file;
        return true;
    }

    private static void WriteJson(Activity activity, TextWriter stdout)
    {
        var options = new JsonWriterOptions
        {
            Indented = true,
            // This is read in a terminal or by scripts, never put into HTML: keep "'", "+" and accents readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            json.WriteStartObject();
            json.WriteString("format", FormatName(activity.Format));
            json.WriteString("sport", activity.Sport);
            if (StartText(activity) is { } start)
            {
                json.WriteString("start", start);
            }
            else
            {
                json.WriteNull("start");
            }
            json.WriteNumber("records", activity.RecordCount);
            json.WriteNumber("laps", activity.Laps.Count);

            json.WriteStartArray("sessions");
            foreach (var session in activity.Sessions)
            {
                json.WriteStartObject();
                json.WriteString("sport", session.Sport);
                // Totals exactly as the file's scaled integers give them (157.56, not 157.560000001).
                WriteNumberOrNull(json, "totalDistance", session.TotalDistanceMetres);
                WriteNumberOrNull(json, "totalTimerTime", session.TotalTimerTimeSeconds);
                WriteNumberOrNull(json, "totalElapsedTime", session.TotalElapsedTimeSeconds);
                WriteNumberOrNull(json, "avgCadence", session.AvgCadencePerLeg);
                WriteNumberOrNull(json, "avgVerticalOscillation", session.AvgVerticalOscillationMm);
                WriteNumberOrNull(json, "avgStanceTime", session.AvgStanceTimeMs);
                WriteNumberOrNull(json, "avgVerticalRatio", session.AvgVerticalRatioPercent);
                WriteNumberOrNull(json, "avgStepLength", session.AvgStepLengthMm);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            var means = activity.RecordMeans;
            json.WriteStartObject("recordMeans");
            WriteNumberOrNull(json, "heartRate", RoundMean(means.HeartRate));
            WriteNumberOrNull(json, "cadence", RoundMean(means.CadencePerLeg));
            WriteNumberOrNull(json, "verticalOscillation", RoundMean(means.VerticalOscillationMm));
            WriteNumberOrNull(json, "stanceTime", RoundMean(means.StanceTimeMs));
            WriteNumberOrNull(json, "verticalRatio", RoundMean(means.VerticalRatioPercent));
            WriteNumberOrNull(json, "stepLength", RoundMean(means.StepLengthMm));
            json.WriteEndObject();

            json.WriteStartArray("warnings");
            foreach (var warning in activity.Warnings)
            {
                json.WriteStringValue(warning);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stdout.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WriteSummary(Activity activity, TextWriter stdout)
    {
        var invariant = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(invariant,
            $"{FormatName(activity.Format).ToUpperInvariant()} file: {activity.Sport}, started {StartText(activity) ?? "at an unknown time"}"));
        stdout.WriteLine(string.Create(invariant,
            $"records: {activity.RecordCount}, laps: {activity.Laps.Count}, sessions: {activity.Sessions.Count}"));
        for (var i = 0; i < activity.Sessions.Count; i++)
        {
            var session = activity.Sessions[i];
            stdout.WriteLine(string.Create(invariant,
                $"session {i + 1}: {session.Sport}, {Quantity(session.TotalDistanceMetres, "m")}, timer {Quantity(session.TotalTimerTimeSeconds, "s")}, elapsed {Quantity(session.TotalElapsedTimeSeconds, "s")}"));
        }
        foreach (var warning in activity.Warnings)
        {
            stdout.WriteLine($"warning: {warning}");
        }
    }

    private static string Quantity(double? value, string unit) =>
        value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) + " " + unit : "unknown " + unit;

    private static string FormatName(ActivityFormat format) => format switch
    {
        ActivityFormat.Fit => "fit",
        ActivityFormat.Gpx => "gpx",
        ActivityFormat.Tcx => "tcx",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown activity format."),
    };

    /// <summary>ISO 8601 in UTC; null when the file has no start or only the watch's time since power-on.</summary>
    private static string? StartText(Activity activity) =>
        activity.Start is { } start && !activity.TimesAreDeviceRelative
            ? start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)
            : null;

    private static double? RoundMean(double? value) => value is { } v ? Math.Round(v, MeanDecimals) : null;

    // JSON has no NaN or infinity; a value the file cannot have stated is written as absent.
    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
