using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Backstride.Core.Insights;
using Backstride.Web.Tests.Infrastructure;
using CsvHelper;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Task = System.Threading.Tasks.Task;

namespace Backstride.Web.Tests.Exports;

public abstract class ExportTests(BackstrideApp app, FhirValidation fhir)
{
    private static readonly string[] EveryExport =
    [
        "/exports/runs.csv", "/exports/check-ins.csv", "/exports/plans.csv", "/exports/medication.csv",
        "/exports/backstride.json", "/exports/fhir.json",
    ];

    private static readonly CsvReaderOptions ReadComma = CsvReaderOptions.Default with { Separator = ',' };

    private static string FormTime(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static DateTimeOffset When(DataType? effective) => Assert.IsType<FhirDateTime>(effective).ToDateTimeOffset(TimeSpan.Zero);

    private static async Task<Guid> CheckInAsync(RunnerClient runner, Guid? runId, int pain, DateTime utc, string notes = "")
    {
        var response = await runner.CheckInAsync(runId, pain, recordedAt: FormTime(utc), notes: notes);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString["/plan/".Length..]);
    }

    private static async Task LogDoseAsync(RunnerClient runner, string productId, int units, DateTime utc)
    {
        var logged = await runner.PostFormAsync("/medication", ("Input.ProductId", productId), ("Input.TakenAt", FormTime(utc)),
            ("Input.Units", units.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
    }

    private static async Task<HttpResponseMessage> DownloadAsync(RunnerClient runner, string url)
    {
        var response = await runner.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    /// <summary>Every row of a CSV download, as header name to value.</summary>
    private static async Task<List<Dictionary<string, string>>> ReadCsvAsync(RunnerClient runner, string url)
    {
        var bytes = await (await DownloadAsync(runner, url)).Content.ReadAsByteArrayAsync();
        using var csv = CsvReader.Create(bytes, ReadComma);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(csv.Headers.Select((name, i) => (name, i)).ToDictionary(h => h.name, h => csv.GetString(h.i), StringComparer.Ordinal));
        }
        return rows;
    }

    [Fact]
    public async Task Fhir_RunnerWithCheckInsAndDoses_ValidatesWithNoErrorsAndCarriesEachScoreAndIngredient()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "UTC");
        var now = DateTime.UtcNow;
        var runId = await runner.LogRunAsync(startedAt: FormTime(now.AddHours(-26)), notes: "Easy loop");
        var scores = new[] { (Pain: 4, At: now.AddHours(-25)), (Pain: 2, At: now.AddHours(-24)), (Pain: 0, At: now.AddHours(-12)) };
        await CheckInAsync(runner, runId, scores[0].Pain, scores[0].At);
        await CheckInAsync(runner, runId, scores[1].Pain, scores[1].At);
        await CheckInAsync(runner, null, scores[2].Pain, scores[2].At, notes: "Morning, my name is Jo");
        await LogDoseAsync(runner, "advil", 2, now.AddHours(-24.5));
        await LogDoseAsync(runner, "tylenol-extra", 1, now.AddHours(-11));
        var other = await app.NewRunner().RegisterAsync();
        await CheckInAsync(other, null, 9, now.AddHours(-2));

        var response = await DownloadAsync(runner, "/exports/fhir.json");
        var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(await response.Content.ReadAsStringAsync());
        var outcome = fhir.Validate(bundle);

        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Matches(@"^backstride-fhir-\d{4}-\d{2}-\d{2}\.json$", response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        var errors = outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{i.Location?.FirstOrDefault()}: {i.Details?.Text ?? i.Diagnostics}").ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        Assert.All(bundle.Entry, e => Assert.StartsWith("urn:uuid:", e.FullUrl, StringComparison.Ordinal));
        var patient = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<Patient>());
        Assert.Empty(patient.Name);
        Assert.Empty(patient.Identifier);
        Assert.Null(patient.BirthDate);
        var observations = bundle.Entry.Select(e => e.Resource).OfType<Observation>().OrderBy(o => When(o.Effective)).ToList();
        Assert.Equal(scores.Select(s => (int?)s.Pain), observations.Select(o => Assert.IsType<Integer>(o.Value).Value));
        Assert.Equal(scores.Select(s => FormTime(s.At)), observations.Select(o => FormTime(When(o.Effective).UtcDateTime)));
        Assert.All(observations, o =>
        {
            var code = Assert.Single(o.Code.Coding);
            Assert.Equal(("http://loinc.org", "72514-3"), (code.System, code.Code));
            Assert.Equal(ObservationStatus.Final, o.Status);
            Assert.Equal("survey", Assert.Single(Assert.Single(o.Category).Coding).Code);
            Assert.Equal("urn:uuid:" + patient.Id, o.Subject?.Reference);
        });
        var statements = bundle.Entry.Select(e => e.Resource).OfType<MedicationStatement>().OrderBy(m => When(m.Effective)).ToList();
        var medications = statements.Select(m => Assert.IsType<CodeableConcept>(m.Medication)).ToList();
        Assert.Equal(new[] { "5640", "161" }, medications.Select(m => Assert.Single(m.Coding).Code));
        Assert.All(medications, m => Assert.Equal("http://www.nlm.nih.gov/research/umls/rxnorm", m.Coding[0].System));
        Assert.Equal(new[] { "Advil", "Tylenol Extra Strength" }, medications.Select(m => m.Text));
        Assert.Equal(new[] { "2 tablets of 200 mg", "1 tablet of 500 mg" }, statements.Select(m => Assert.Single(m.Dosage).Text));
        Assert.Equal(new decimal?[] { 400m, 500m },
            statements.Select(m => Assert.IsType<Quantity>(Assert.Single(m.Dosage[0].DoseAndRate).Dose).Value));
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("my name is Jo", text, StringComparison.Ordinal);
        Assert.DoesNotContain(runner.Email, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_RunsAndCheckIns_ReadBackToTheStoredValues_WithNotesKeptWholeAndFormulasEscaped()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "America/New_York");
        var userId = await app.UserIdAsync(runner.Email);
        var start = DateTime.UtcNow.AddDays(-3);
        var runId = await runner.LogRunAsync(startedAt: FormTime(start.AddHours(-5)), distance: "12.34", hours: "1", minutes: "5",
            seconds: "30", surface: "Trail", shoes: "Pegasus 40", notes: "Hilly, \"windy\"\nsecond line");
        var checkInId = await CheckInAsync(runner, runId, 6, start.AddHours(-3), notes: "=HYPERLINK(\"http://evil.example\")");

        var runs = await ReadCsvAsync(runner, "/exports/runs.csv");
        var checkIns = await ReadCsvAsync(runner, "/exports/check-ins.csv");
        var rawCheckIns = await (await DownloadAsync(runner, "/exports/check-ins.csv")).Content.ReadAsStringAsync();
        var stored = await app.ReadAsAsync(userId, async db => (
            Run: await db.Runs.AsNoTracking().SingleAsync(r => r.Id == runId),
            CheckIn: await db.CheckIns.AsNoTracking().SingleAsync(c => c.Id == checkInId)));

        var run = Assert.Single(runs);
        Assert.Equal(runId.ToString(), run["run_id"]);
        Assert.Equal(stored.Run.DistanceMetres / 1000, double.Parse(run["distance_km"], CultureInfo.InvariantCulture), 5);
        Assert.Equal(12.34, double.Parse(run["distance_km"], CultureInfo.InvariantCulture), 5);
        Assert.Equal("1:05:30", run["duration"]);
        Assert.Equal(stored.Run.Duration, TimeSpan.Parse(run["duration"], CultureInfo.InvariantCulture));
        Assert.Equal(stored.Run.StartedAt, DateTimeOffset.Parse(run["started_utc"], CultureInfo.InvariantCulture));
        Assert.Equal(FormTime(start.AddHours(-5)).Replace('T', ' '), run["started_local"]);
        Assert.Equal(("Trail", "Pegasus 40"), (run["surface"], run["shoes"]));
        Assert.Equal(stored.Run.Notes, run["notes"]);
        Assert.Contains("\n", run["notes"], StringComparison.Ordinal);
        var checkIn = Assert.Single(checkIns);
        Assert.Equal("6", checkIn["pain"]);
        Assert.Equal(stored.CheckIn.RecordedAt, DateTimeOffset.Parse(checkIn["recorded_utc"], CultureInfo.InvariantCulture));
        Assert.Equal(runId.ToString(), checkIn["run_id"]);
        Assert.Equal("'" + stored.CheckIn.Notes, checkIn["notes"]);
        Assert.DoesNotContain(",=", rawCheckIns, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=", rawCheckIns, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_PlansAndMedication_HoldOneRowPerStepAndPerDose()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "UTC");
        var userId = await app.UserIdAsync(runner.Email);
        var checkInAt = DateTime.UtcNow.AddMinutes(-30);
        var checkInId = await CheckInAsync(runner, null, 2, checkInAt);
        await runner.GetPageAsync($"/plan/{checkInId}");
        Assert.Equal(HttpStatusCode.OK, (await runner.Http.PostAsync($"/api/v1/plans/{checkInId}/steps/heat/start", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await runner.Http.PostAsync($"/api/v1/plans/{checkInId}/steps/strength/done", null)).StatusCode);
        await LogDoseAsync(runner, "aleve", 1, checkInAt.AddMinutes(5));

        var plans = await ReadCsvAsync(runner, "/exports/plans.csv");
        var medication = await ReadCsvAsync(runner, "/exports/medication.csv");
        var takenAt = await app.ReadAsAsync(userId, db => db.DoseLog.AsNoTracking().Select(d => d.TakenAt).SingleAsync());

        Assert.Equal(2, plans.Count);
        Assert.All(plans, row =>
        {
            Assert.Equal(checkInId.ToString(), row["check_in_id"]);
            Assert.Equal("2", row["check_in_pain"]);
            Assert.Equal(checkInAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row["evening_date"]);
        });
        var heat = plans.Single(r => r["step"] == "heat");
        Assert.Equal(("Heat", "NotStarted"), (heat["remedy"], heat["status"]));
        Assert.InRange(double.Parse(heat["timer_minutes"], CultureInfo.InvariantCulture), 0, 1);
        var strength = plans.Single(r => r["step"] == "strength");
        Assert.Equal(("StrengthTraining", "Done", ""), (strength["remedy"], strength["status"], strength["timer_minutes"]));
        var dose = Assert.Single(medication);
        Assert.Equal(("Aleve", "naproxen", "220", "1", "220"),
            (dose["product"], dose["ingredient"], dose["strength_mg"], dose["units"], dose["total_mg"]));
        Assert.Equal(takenAt, DateTimeOffset.Parse(dose["taken_utc"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Json_Everything_HoldsTheRunnersWholeDiary()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "Europe/Berlin");
        var userId = await app.UserIdAsync(runner.Email);
        var now = DateTime.UtcNow;
        var runId = await runner.LogRunAsync(startedAt: FormTime(now.AddHours(-6)), distance: "8", shoes: "Clifton");
        var checkInId = await CheckInAsync(runner, runId, 3, now.AddHours(-5));
        await runner.GetPageAsync($"/plan/{checkInId}");
        await LogDoseAsync(runner, "advil", 1, now.AddHours(-4));
        await app.ReadAsAsync(userId, async db =>
        {
            db.SelfExperiments.Add(new SelfExperiment
            {
                OptionA = ExperimentOption.Heat, OptionB = ExperimentOption.WbcCream, BlockLength = 2, BlockPairs = 3,
                Seed = 42, Order = "AB,BA,AB", StartedAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        var response = await DownloadAsync(runner, "/exports/backstride.json");
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches(@"^backstride-\d{4}-\d{2}-\d{2}\.json$", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Equal("backstride-diary", root.GetProperty("format").GetString());
        Assert.Equal("Europe/Berlin", root.GetProperty("settings").GetProperty("timeZone").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        Assert.Equal(runId, run.GetProperty("id").GetGuid());
        Assert.Equal(8000, run.GetProperty("distanceMetres").GetDouble());
        Assert.Equal(3000, run.GetProperty("duration").GetDouble());
        Assert.Equal("Clifton", run.GetProperty("shoeName").GetString());
        Assert.Equal("Clifton", Assert.Single(root.GetProperty("shoes").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(3, Assert.Single(root.GetProperty("checkIns").EnumerateArray()).GetProperty("pain").GetInt32());
        Assert.Single(root.GetProperty("plans").EnumerateArray());
        var dose = Assert.Single(root.GetProperty("doses").EnumerateArray());
        Assert.Equal(("ibuprofen", 200), (dose.GetProperty("ingredient").GetString(), dose.GetProperty("totalMg").GetInt32()));
        var experiment = Assert.Single(root.GetProperty("experiments").EnumerateArray());
        Assert.Equal(("Heat", "WbcCream", "AB,BA,AB"), (experiment.GetProperty("optionA").GetString(),
            experiment.GetProperty("optionB").GetString(), experiment.GetProperty("order").GetString()));
        Assert.DoesNotContain(userId.ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"userId\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryExport_OfOneRunner_HoldsNothingOfAnotherRunners()
    {
        var now = DateTime.UtcNow;
        var runner = await app.NewRunner().RegisterAsync();
        var ownRunId = await runner.LogRunAsync(startedAt: FormTime(now.AddHours(-3)), notes: "mine");
        await CheckInAsync(runner, ownRunId, 1, now.AddHours(-2), notes: "mine too");
        var other = await app.NewRunner().RegisterAsync();
        var secret = "secret-" + Guid.NewGuid().ToString("N");
        var otherRunId = await other.LogRunAsync(startedAt: FormTime(now.AddHours(-3)), shoes: secret + "-shoes", notes: secret);
        var otherCheckIn = await CheckInAsync(other, otherRunId, 7, now.AddHours(-2), notes: secret);
        await other.GetPageAsync($"/plan/{otherCheckIn}");
        await other.Http.PostAsync($"/api/v1/plans/{otherCheckIn}/steps/heat/start", null);
        await LogDoseAsync(other, "bayer-aspirin", 2, now.AddHours(-1));

        foreach (var url in EveryExport)
        {
            var text = Encoding.UTF8.GetString(await (await DownloadAsync(runner, url)).Content.ReadAsByteArrayAsync());

            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(otherRunId.ToString(), text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(otherCheckIn.ToString(), text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Bayer", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Exports_Guest_IsSentToSignInAndGetsNoFile()
    {
        var guest = app.NewRunner();

        foreach (var url in EveryExport)
        {
            var response = await guest.Http.GetAsync(url);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = response.Headers.Location!;
            Assert.StartsWith("/account/sign-in", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
            Assert.Null(response.Content.Headers.ContentDisposition);
        }
    }

    [Fact]
    public async Task ExportsPage_DescribesEveryDownload()
    {
        var runner = await app.NewRunner().RegisterAsync(timeZone: "Europe/Berlin");

        var page = await runner.GetPageAsync("/exports");

        var items = page.QuerySelectorAll(".learn-topics li").ToList();
        Assert.Equal(EveryExport, items.Select(li => li.QuerySelector("a")!.GetAttribute("href")));
        Assert.All(items, li => Assert.False(string.IsNullOrWhiteSpace(li.QuerySelector("p")?.TextContent)));
        Assert.Contains("Europe/Berlin", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("watch samples are not included", page.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains("does not name you", page.Body.TextContent, StringComparison.Ordinal);
    }
}

public sealed class ExportTestsOnSqlite(BackstrideApp app, FhirValidation fhir) : ExportTests(app, fhir), IClassFixture<BackstrideApp>;

public sealed class ExportTestsOnPostgres(PostgresBackstrideApp app, FhirValidation fhir) : ExportTests(app, fhir), IClassFixture<PostgresBackstrideApp>;
