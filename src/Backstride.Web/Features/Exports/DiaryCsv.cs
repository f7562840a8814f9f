using System.Globalization;
using Backstride.Core.CheckIns;
using Backstride.Core.Insights;
using Backstride.Core.Medication;
using Backstride.Core.Runners;
using Backstride.Data.Diary;
using CsvHelper;

namespace Backstride.Web.Features.Exports;

/// <summary>
/// The diary as four CSV files for a spreadsheet: times in UTC (ISO 8601) and again in the runner's own time zone,
/// written row by row to the response as the database yields them.
/// </summary>
public static class DiaryCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public const string UtcFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    public const string LocalFormat = "yyyy-MM-dd HH:mm";

    private const double MetresPerMile = 1609.344;

    // Notes are typed by the runner: one that starts with = + - @ would run as a formula in a spreadsheet, so CsvHelper
    // puts a single quote in front (as the orders export does). Numbers are written as numbers and never escaped.
    // The BOM makes Excel read the file as UTF-8.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
        TrueValue = "yes",
        FalseValue = "no",
    };

    public static readonly string[] RunsHeader =
    [
        "run_id", "started_utc", "started_local", "distance_km", "distance_mi", "duration", "surface", "shoes",
        "stretched_before", "effort", "notes", "source", "source_file", "elapsed_time", "elevation_gain_m",
        "avg_heart_rate_bpm", "avg_cadence_spm", "avg_vertical_oscillation_mm", "avg_ground_contact_time_ms",
        "avg_vertical_ratio_percent", "avg_step_length_mm", "avg_power_w",
    ];

    public static readonly string[] CheckInsHeader =
    [
        "check_in_id", "recorded_utc", "recorded_local", "pain", "where", "stiffness", "leg_spread", "legs", "onset",
        "run_id", "notes",
    ];

    public static readonly string[] PlansHeader =
    [
        "evening_date", "check_in_id", "check_in_recorded_local", "check_in_pain", "triage", "step", "remedy", "status",
        "timer_minutes",
    ];

    public static readonly string[] MedicationHeader =
    [
        "taken_utc", "taken_local", "product", "ingredient", "strength_mg", "units", "total_mg",
    ];

    public static async Task WriteRunsAsync(Stream output, IAsyncEnumerable<RunExportRow> runs, RunnerSettings settings,
        CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteHeader(RunsHeader);
        await foreach (var run in runs.WithCancellation(cancellationToken))
        {
            var measured = run.Measurements;
            csv.WriteField(run.Id.ToString("D"));
            csv.WriteField(Utc(run.StartedAt));
            csv.WriteField(Local(run.StartedAt, settings));
            csv.WriteField(Math.Round(run.DistanceMetres / 1000, 5));
            csv.WriteField(Math.Round(run.DistanceMetres / MetresPerMile, 5));
            csv.WriteField(Duration(run.Duration));
            csv.WriteField(run.Surface.ToString());
            csv.WriteField(run.ShoeName);
            csv.WriteField(run.StretchedBefore);
            csv.WriteField(run.Effort);
            csv.WriteField(run.Notes);
            csv.WriteField(run.Source.ToString());
            csv.WriteField(run.SourceFileName);
            csv.WriteField(measured is null ? null : Duration(measured.ElapsedTime));
            csv.WriteField(Rounded(measured?.ElevationGainMetres));
            csv.WriteField(Rounded(measured?.AvgHeartRate));
            csv.WriteField(Rounded(measured?.AvgCadenceStepsPerMinute));
            csv.WriteField(Rounded(measured?.AvgVerticalOscillationMm));
            csv.WriteField(Rounded(measured?.AvgGroundContactTimeMs));
            csv.WriteField(Rounded(measured?.AvgVerticalRatioPercent, 2));
            csv.WriteField(Rounded(measured?.AvgStepLengthMm));
            csv.WriteField(Rounded(measured?.AvgPowerWatts));
            await csv.EndRecordAsync(cancellationToken);
        }
    }

    public static async Task WriteCheckInsAsync(Stream output, IAsyncEnumerable<CheckInExportRow> checkIns, RunnerSettings settings,
        CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteHeader(CheckInsHeader);
        await foreach (var checkIn in checkIns.WithCancellation(cancellationToken))
        {
            csv.WriteField(checkIn.Id.ToString("D"));
            csv.WriteField(Utc(checkIn.RecordedAt));
            csv.WriteField(Local(checkIn.RecordedAt, settings));
            csv.WriteField(checkIn.Pain);
            csv.WriteField(Where(checkIn.Locations));
            csv.WriteField(checkIn.Stiffness.ToString());
            csv.WriteField(checkIn.LegSpread.ToString());
            csv.WriteField(checkIn.LegsAffected?.ToString());
            csv.WriteField(checkIn.Onset?.ToString());
            csv.WriteField(checkIn.RunId?.ToString("D"));
            csv.WriteField(checkIn.Notes);
            await csv.EndRecordAsync(cancellationToken);
        }
    }

    public static async Task WritePlansAsync(Stream output, IAsyncEnumerable<PlanStepExportRow> steps, RunnerSettings settings,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteHeader(PlansHeader);
        await foreach (var row in steps.WithCancellation(cancellationToken))
        {
            var local = settings.ToLocal(row.CheckInRecordedAt);
            var timed = row.Step.TimerStartedAt is not null;
            csv.WriteField(DateOnly.FromDateTime(local));
            csv.WriteField(row.CheckInId.ToString("D"));
            csv.WriteField(local.ToString(LocalFormat, CultureInfo.InvariantCulture));
            csv.WriteField(row.CheckInPain);
            csv.WriteField(row.Triage?.ToString());
            csv.WriteField(row.Step.StepId);
            csv.WriteField(RunEvenings.RemedyOfStep(row.Step.StepId)?.ToString());
            csv.WriteField(row.Step.Status.ToString());
            csv.WriteField(timed ? Math.Round(row.Step.TimerElapsed(now).TotalMinutes, 1) : null);
            await csv.EndRecordAsync(cancellationToken);
        }
    }

    public static async Task WriteMedicationAsync(Stream output, IAsyncEnumerable<DoseExportRow> doses, RunnerSettings settings,
        CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteHeader(MedicationHeader);
        await foreach (var dose in doses.WithCancellation(cancellationToken))
        {
            var product = MedicationProducts.Find(dose.ProductId);
            csv.WriteField(Utc(dose.TakenAt));
            csv.WriteField(Local(dose.TakenAt, settings));
            csv.WriteField(product?.Brand ?? dose.ProductId);
            csv.WriteField(product is null ? null : MedicationProducts.Name(product.Ingredient));
            csv.WriteField(product?.StrengthMg);
            csv.WriteField(dose.Units);
            csv.WriteField(product is null ? null : dose.Units * product.StrengthMg);
            await csv.EndRecordAsync(cancellationToken);
        }
    }

    public static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(UtcFormat, CultureInfo.InvariantCulture);

    public static string Local(DateTimeOffset instant, RunnerSettings settings) =>
        settings.ToLocal(instant).ToString(LocalFormat, CultureInfo.InvariantCulture);

    /// <summary>Hours, minutes and seconds ("1:05:30"), which spreadsheets read as a duration.</summary>
    public static string Duration(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours}:{duration.Minutes:00}:{duration.Seconds:00}");

    /// <summary>Where it hurts, as the flags' names separated by "; " so a spreadsheet keeps them in one cell.</summary>
    public static string Where(PainLocation locations) =>
        string.Join("; ", Enum.GetValues<PainLocation>().Where(l => l != PainLocation.None && locations.HasFlag(l)));

    private static double? Rounded(double? value, int decimals = 1) => value is { } v ? Math.Round(v, decimals) : null;
}
