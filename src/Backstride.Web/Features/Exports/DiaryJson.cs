using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Backstride.Core.Insights;
using Backstride.Core.Medication;
using Backstride.Core.Profiles;
using Backstride.Core.Runners;
using Backstride.Core.Training;
using Backstride.Core.Units;
using Backstride.Data.Diary;

namespace Backstride.Web.Features.Exports;

/// <summary>
/// Everything of the runner in one JSON object (format "backstride-diary", version 1). Property names are camelCase;
/// <see cref="DiaryDocument.Units"/> states the units inside the file, so it reads without this code at hand.
/// The long lists are streamed from the database as the file is written.
/// </summary>
public sealed record DiaryDocument(
    string Format,
    int Version,
    DateTimeOffset ExportedAt,
    IReadOnlyDictionary<string, string> Units,
    string NotIncluded,
    SettingsPart Settings,
    IReadOnlyList<BackProfile> ProfileVersions,
    IReadOnlyList<ShoeExportRow> Shoes,
    IAsyncEnumerable<RunExportRow> Runs,
    IAsyncEnumerable<CheckInExportRow> CheckIns,
    IAsyncEnumerable<PlanExportRow> Plans,
    IAsyncEnumerable<DosePart> Doses,
    ProgrammePart? StrengthProgramme,
    IReadOnlyList<LadderPart> StrengthLadder,
    IAsyncEnumerable<StrengthSessionExportRow> StrengthSessions,
    IReadOnlyList<SelfExperiment> Experiments);

public sealed record SettingsPart(DistanceUnit Units, string TimeZone, int? BirthYear);

public sealed record DosePart(Guid Id, DateTimeOffset TakenAt, string ProductId, string? Product, string? Ingredient,
    int? StrengthMg, int Units, int? TotalMg);

public sealed record ProgrammePart(int Level, int SessionsPerWeek, IReadOnlyList<DayOfWeek> PreferredDays, DayOfWeek? LongRunDay,
    IReadOnlyList<DayOfWeek> HardRunDays, DateTimeOffset CreatedAt, DateTimeOffset LevelSince);

public sealed record LadderPart(string ExerciseId, int Sets, int Amount, Variant Variant, string? LastChange, DateTimeOffset? ChangedAt);

public static class DiaryJson
{
    public const string ContentType = "application/json; charset=utf-8";
    public const string Format = "backstride-diary";
    public const int Version = 1;

    public static readonly IReadOnlyDictionary<string, string> Units = new Dictionary<string, string>
    {
        ["times"] = "ISO 8601 in UTC; settings.timeZone is the runner's own zone",
        ["durations"] = "seconds (run duration is moving time; measurements.elapsedTime is start to finish)",
        ["distances"] = "metres",
        ["pain"] = "0 (none) to 10 (worst imaginable), as the runner rated it",
        ["effort"] = "1 to 10, as the runner rated it",
        ["runMeasurements"] = "averages over the run as the watch file gave them: heart rate in beats/min, cadence in steps/min, vertical oscillation and step length in mm, ground contact time in ms, vertical ratio in %, power in W, elevation gain in m",
        ["strengthSets"] = "amount is repetitions, or seconds for held exercises; loadKg in kilograms",
    };

    // The samples are in Backstride's own compact codec: unreadable without it, and many times the size of everything else.
    public const string NotIncluded =
        "Second-by-second watch samples are not included (runs[].watchSampleCount says how many are stored); the watch's own files hold them. Shop orders and the account's e-mail and password are not part of the diary.";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // A download, never embedded in a page: quotes and apostrophes in notes stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(), new UtcInstantConverter(), new SecondsConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutOwner } },
    };

    /// <summary>Reads the short parts now; the long lists are read while the document is serialised.</summary>
    public static async Task<DiaryDocument> LoadAsync(DiaryExportStore store, RunnerSettings settings, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var programme = await store.TrainingPlanAsync(cancellationToken);
        var ladder = await store.ExerciseLadderAsync(cancellationToken);
        return new DiaryDocument(
            Format, Version, now, Units, NotIncluded,
            new SettingsPart(settings.Units, settings.TimeZoneId, settings.BirthYear),
            await store.ProfileVersionsAsync(cancellationToken),
            await store.ShoesAsync(cancellationToken),
            ClosedWhenRead(store.RunsAsync()),
            ClosedWhenRead(store.CheckInsAsync()),
            ClosedWhenRead(store.PlansAsync()),
            ClosedWhenRead(store.DosesAsync().Select(Dose)),
            programme is null ? null : new ProgrammePart(programme.Level, programme.SessionsPerWeek,
                [.. TrainingPlan.Days(programme.PreferredDays).Order()], programme.LongRunDay,
                [.. TrainingPlan.Days(programme.HardRunDays).Order()], programme.CreatedAt, programme.LevelSince),
            [.. ladder.Select(p => new LadderPart(p.ExerciseId, p.Sets, p.Amount, p.Variant, p.LastChange, p.ChangedAt))],
            ClosedWhenRead(store.StrengthSessionsAsync()),
            await store.ExperimentsAsync(cancellationToken));
    }

    // System.Text.Json keeps a finished list's enumerator, and so its open database reader, until later; PostgreSQL
    // allows one open reader per connection, so each list closes its reader as soon as its last row is read.
    private static async IAsyncEnumerable<T> ClosedWhenRead<T>(IAsyncEnumerable<T> rows)
    {
        await foreach (var row in rows)
        {
            yield return row;
        }
    }

    private static DosePart Dose(DoseExportRow dose)
    {
        var product = MedicationProducts.Find(dose.ProductId);
        return new DosePart(dose.Id, dose.TakenAt, dose.ProductId, product?.Brand,
            product is null ? null : MedicationProducts.Name(product.Ingredient), product?.StrengthMg, dose.Units,
            product is null ? null : dose.Units * product.StrengthMg);
    }

    // The account id is how the database keeps runners apart; it means nothing in a file and is left out everywhere.
    private static void LeaveOutOwner(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (string.Equals(type.Properties[i].Name, "userId", StringComparison.Ordinal))
            {
                type.Properties.RemoveAt(i);
            }
        }
    }

    private sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }

    private sealed class SecondsConverter : JsonConverter<TimeSpan>
    {
        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            TimeSpan.FromSeconds(reader.GetDouble());

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value.TotalSeconds);
    }
}
