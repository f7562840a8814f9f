using System.Globalization;
using System.Text.Json;
using Backstride.Core.Runners;
using Backstride.Data.Diary;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Task = System.Threading.Tasks.Task;

namespace Backstride.Web.Features.Exports;

/// <summary>
/// The runner's own data as files to download, behind their sign-in (a guest is sent to sign in, as on every page).
/// The CSV and JSON files are written to the response as the rows are read, so ten years of diary never sits in
/// memory at once; the FHIR Bundle (pain scores and doses only) is built whole, as the SDK serialises it.
/// </summary>
public static class ExportEndpoints
{
    public const string RunsCsv = "/exports/runs.csv";
    public const string CheckInsCsv = "/exports/check-ins.csv";
    public const string PlansCsv = "/exports/plans.csv";
    public const string MedicationCsv = "/exports/medication.csv";
    public const string EverythingJson = "/exports/backstride.json";
    public const string FhirJson = "/exports/fhir.json";

    public static RouteGroupBuilder MapExports(this WebApplication app)
    {
        var exports = app.MapGroup("").RequireAuthorization().ExcludeFromDescription();

        exports.MapGet(RunsCsv, async (DiaryExportStore store, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken) =>
        {
            var settings = await store.SettingsAsync(cancellationToken);
            return Download(response, "runs", "csv", DiaryCsv.ContentType, settings, clock,
                output => DiaryCsv.WriteRunsAsync(output, store.RunsAsync(), settings, cancellationToken));
        });

        exports.MapGet(CheckInsCsv, async (DiaryExportStore store, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken) =>
        {
            var settings = await store.SettingsAsync(cancellationToken);
            return Download(response, "check-ins", "csv", DiaryCsv.ContentType, settings, clock,
                output => DiaryCsv.WriteCheckInsAsync(output, store.CheckInsAsync(), settings, cancellationToken));
        });

        exports.MapGet(PlansCsv, async (DiaryExportStore store, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken) =>
        {
            var settings = await store.SettingsAsync(cancellationToken);
            return Download(response, "plans", "csv", DiaryCsv.ContentType, settings, clock,
                output => DiaryCsv.WritePlansAsync(output, store.PlanStepsAsync(), settings, clock.GetUtcNow(), cancellationToken));
        });

        exports.MapGet(MedicationCsv, async (DiaryExportStore store, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken) =>
        {
            var settings = await store.SettingsAsync(cancellationToken);
            return Download(response, "medication", "csv", DiaryCsv.ContentType, settings, clock,
                output => DiaryCsv.WriteMedicationAsync(output, store.DosesAsync(), settings, cancellationToken));
        });

        exports.MapGet(EverythingJson, async (DiaryExportStore store, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken) =>
        {
            var settings = await store.SettingsAsync(cancellationToken);
            var document = await DiaryJson.LoadAsync(store, settings, clock.GetUtcNow(), cancellationToken);
            return Download(response, null, "json", DiaryJson.ContentType, settings, clock,
                output => JsonSerializer.SerializeAsync(output, document, DiaryJson.Options, cancellationToken));
        });

        exports.MapGet(FhirJson, async (DiaryExportStore store, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken) =>
        {
            var settings = await store.SettingsAsync(cancellationToken);
            var checkIns = await store.CheckInsAsync().ToListAsync(cancellationToken);
            var doses = await store.DosesAsync().ToListAsync(cancellationToken);
            var bundle = FhirExport.Build(checkIns, doses, clock.GetUtcNow());
            return Download(response, "fhir", "json", FhirExport.ContentType, settings, clock,
                output => WriteFhirAsync(output, bundle, cancellationToken));
        });

        return exports;
    }

    /// <summary>The file's name with the runner's date, e.g. backstride-runs-2026-11-26.csv (backstride-2026-11-26.json for everything).</summary>
    public static string FileName(string? part, string extension, RunnerSettings settings, DateTimeOffset now)
    {
        var date = DateOnly.FromDateTime(settings.ToLocal(now)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return part is null ? $"backstride-{date}.{extension}" : $"backstride-{part}-{date}.{extension}";
    }

    private static IResult Download(HttpResponse response, string? part, string extension, string contentType, RunnerSettings settings,
        TimeProvider clock, Func<Stream, Task> write)
    {
        // Health data: no shared cache or browser cache keeps a copy.
        response.Headers.CacheControl = "no-store";
        return Results.Stream(write, contentType, FileName(part, extension, settings, clock.GetUtcNow()));
    }

    private static async Task WriteFhirAsync(Stream output, Bundle bundle, CancellationToken cancellationToken)
    {
        // Utf8JsonWriter buffers in memory and is written out asynchronously: the server allows no synchronous writes.
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            new BaseFhirJsonSerializer(ModelInfo.ModelInspector).Serialize(bundle, writer);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }
}
