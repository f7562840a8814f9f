using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Backstride.Activities;
using Backstride.Activities.Tests;
using Backstride.Core.Imports;
using Backstride.Core.Runs;
using Backstride.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Web.Tests.Imports;

/// <summary>Uploads of watch files and export archives, followed through the API and the progress page until done.</summary>
public abstract class ImportTests(BackstrideApp app)
{
    [Fact]
    public async Task Upload_ThreeFiles_ImportsBothRunsWithTheirMeasurementsAndRejectsTheBrokenFile()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();

        var id = await ImportRequests.UploadAsync(runner,
            ImportRequests.Sample(SampleFiles.Fenix5Run), ImportRequests.Sample(SampleFiles.MarathonTcx),
            ImportRequests.Sample(SampleFiles.WrongFileCrc));
        var batch = await ImportRequests.CompletedAsync(runner, id);
        var runs = (await runner.Http.GetFromJsonAsync<JsonElement>("/api/v1/runs")).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal("completed", batch.GetProperty("status").GetString());
        Assert.Equal(3, batch.GetProperty("totalFiles").GetInt32());
        Assert.Equal(3, batch.GetProperty("doneFiles").GetInt32());
        Assert.Equal("imported", ImportRequests.FileNamed(batch, "garmin-fenix-5-run.fit").GetProperty("outcome").GetString());
        var marathon = ImportRequests.FileNamed(batch, "twin_cities_marathon.tcx");
        Assert.Equal("imported", marathon.GetProperty("outcome").GetString());
        var broken = ImportRequests.FileNamed(batch, "activity-filecrc.fit");
        Assert.Equal("rejected", broken.GetProperty("outcome").GetString());
        Assert.Contains("CRC", broken.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, broken.GetProperty("runId").ValueKind);
        Assert.Equal(2, runs.Count);
        var marathonId = marathon.GetProperty("runId").GetGuid();
        var marathonRun = runs.Single(r => r.GetProperty("id").GetGuid() == marathonId);
        Assert.InRange(marathonRun.GetProperty("distanceMetres").GetDouble(), 42_585, 42_685);
        var (saved, track) = await app.ReadAsAsync(runner.UserId, async db =>
            (await db.Runs.SingleAsync(r => r.Id == marathonId), await db.RunTracks.SingleAsync(t => t.RunId == marathonId)));
        Assert.Equal(RunSource.Imported, saved.Source);
        Assert.Equal("twin_cities_marathon.tcx", saved.SourceFileName);
        Assert.NotNull(saved.Measurements);
        // The watch stored 77–89 strides a minute per leg: about 160–180 steps a minute.
        Assert.InRange(saved.Measurements.AvgCadenceStepsPerMinute ?? 0, 150, 200);
        Assert.NotNull(saved.Measurements.AvgHeartRate);
        Assert.Equal(2256, track.SampleCount);
        Assert.Equal(track.SampleCount, SampleCodec.Decode(track.EncodedSamples).Length);
    }

    [Fact]
    public async Task Upload_TheSameRunAgain_IsADuplicateOfTheRunAlreadyImported()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();
        var first = await ImportRequests.CompletedAsync(runner,
            await ImportRequests.UploadAsync(runner, ImportRequests.Sample(SampleFiles.MarathonTcx)));

        var again = await ImportRequests.CompletedAsync(runner,
            await ImportRequests.UploadAsync(runner, ImportRequests.Sample(SampleFiles.MarathonTcx)));
        var runs = await runner.Http.GetFromJsonAsync<JsonElement>("/api/v1/runs");

        var firstRunId = Assert.Single(first.GetProperty("files").EnumerateArray()).GetProperty("runId").GetGuid();
        var repeat = Assert.Single(again.GetProperty("files").EnumerateArray());
        Assert.Equal("duplicate", repeat.GetProperty("outcome").GetString());
        Assert.Equal(firstRunId, repeat.GetProperty("duplicateOfRunId").GetGuid());
        Assert.Equal(JsonValueKind.Null, repeat.GetProperty("runId").ValueKind);
        Assert.Single(runs.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Upload_StravaExportArchive_ImportsItsActivityFilesAndRejectsTheUnreadableOne()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();

        var id = await ImportRequests.UploadAsync(runner, ("export_12345.zip", ImportRequests.StravaExport()));
        var batch = await ImportRequests.CompletedAsync(runner, id);
        var runs = await runner.Http.GetFromJsonAsync<JsonElement>("/api/v1/runs");

        Assert.Equal("completed", batch.GetProperty("status").GetString());
        Assert.Equal(4, batch.GetProperty("totalFiles").GetInt32());
        Assert.Equal(4, batch.GetProperty("doneFiles").GetInt32());
        Assert.Equal(
            ["activities/1.fit.gz", "activities/2.gpx.gz", "activities/3.tcx", "activities/4.fit.gz"],
            batch.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList());
        foreach (var name in new[] { "activities/1.fit.gz", "activities/2.gpx.gz", "activities/3.tcx" })
        {
            Assert.Equal("imported", ImportRequests.FileNamed(batch, name).GetProperty("outcome").GetString());
        }
        var garbage = ImportRequests.FileNamed(batch, "activities/4.fit.gz");
        Assert.Equal("rejected", garbage.GetProperty("outcome").GetString());
        Assert.False(string.IsNullOrWhiteSpace(garbage.GetProperty("reason").GetString()));
        Assert.Equal(3, runs.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Upload_ARide_IsRejectedNamingTheSport()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();

        var batch = await ImportRequests.CompletedAsync(runner,
            await ImportRequests.UploadAsync(runner, ("morning-ride.gpx", ImportRequests.CyclingGpx())));
        var runs = await runner.Http.GetFromJsonAsync<JsonElement>("/api/v1/runs");

        var ride = Assert.Single(batch.GetProperty("files").EnumerateArray());
        Assert.Equal("rejected", ride.GetProperty("outcome").GetString());
        Assert.Contains("cycling", ride.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(runs.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Upload_RunWithoutACalendarDate_IsRejectedSayingSo()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();

        var batch = await ImportRequests.CompletedAsync(runner,
            await ImportRequests.UploadAsync(runner, ImportRequests.Sample(SampleFiles.CompressedSpeedDistance)));

        var file = Assert.Single(batch.GetProperty("files").EnumerateArray());
        Assert.Equal("rejected", file.GetProperty("outcome").GetString());
        Assert.Equal("The watch did not record the date of this run.", file.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Upload_NameWithFolders_IsShownWithoutThemAndNeverUsedAsAPath()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();

        var batch = await ImportRequests.CompletedAsync(runner,
            await ImportRequests.UploadAsync(runner, ("../../../escape.tcx", SampleFiles.Bytes(SampleFiles.SmallTcx))));

        var file = Assert.Single(batch.GetProperty("files").EnumerateArray());
        Assert.Equal("escape.tcx", file.GetProperty("name").GetString());
        Assert.Equal("imported", file.GetProperty("outcome").GetString());
        // "../../../" from the folder uploads are stored in would be the data folder itself.
        foreach (var folder in new[] { Path.GetDirectoryName(app.DataDirectory)!, app.DataDirectory, Path.Combine(app.DataDirectory, "imports") })
        {
            Assert.False(File.Exists(Path.Combine(folder, "escape.tcx")), $"An upload's name was used as a path in {folder}.");
        }
    }

    [Fact]
    public async Task Import_OfAnotherRunner_Answers404AndIsNotListed()
    {
        var owner = await app.NewRunner().RegisterWithTokenAsync();
        var id = await ImportRequests.UploadAsync(owner, ImportRequests.Sample(SampleFiles.Fenix5Run));
        var intruder = await app.NewRunner().RegisterWithTokenAsync();
        var intruderInBrowser = await app.NewRunner().RegisterAsync();

        var response = await intruder.Http.GetAsync($"/api/v1/imports/{id}");
        var list = await intruder.Http.GetFromJsonAsync<JsonElement>("/api/v1/imports");
        var page = await intruderInBrowser.Http.GetAsync($"/imports/{id}");
        var ownersView = await ImportRequests.CompletedAsync(owner, id);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(list.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("garmin-fenix-5-run.fit", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("imported", Assert.Single(ownersView.GetProperty("files").EnumerateArray()).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task ProgressPage_WhenComplete_ShowsTheCountEachFileAndTheNewestRunsCheckIn()
    {
        var runner = await app.NewRunner().RegisterAsync();

        var posted = await ImportRequests.PostFormAsync(runner,
            ImportRequests.Sample(SampleFiles.MarathonTcx), ("this-morning.gpx", ImportRequests.RecentRunGpx(TimeSpan.FromHours(3))));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        var batch = await ImportRequests.CompletedAsync(runner, Guid.Parse(location["/imports/".Length..]));
        var page = await runner.GetPageAsync(location);

        // This morning's run is newer than the marathon (October 2014), and recent enough to check in on.
        var newestRunId = ImportRequests.FileNamed(batch, "this-morning.gpx").GetProperty("runId").GetGuid();
        Assert.Equal(newestRunId, batch.GetProperty("newestRunId").GetGuid());
        Assert.Contains("2 of 2 files", page.QuerySelector(".import-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["twin_cities_marathon.tcx", "this-morning.gpx"],
            page.QuerySelectorAll(".import-file .file-name").Select(e => e.TextContent).ToList());
        Assert.Equal(2, page.QuerySelectorAll(".import-file .file-outcome").Count(e => e.TextContent == "Imported"));
        var checkIn = page.QuerySelectorAll("a").Single(a => a.TextContent.Contains("Check in on your newest run", StringComparison.Ordinal));
        Assert.Equal($"/check-ins/new?runId={newestRunId}", checkIn.GetAttribute("href"));
        // Done: the page no longer refreshes itself.
        Assert.Null(page.QuerySelector("noscript"));
    }

    [Fact]
    public async Task ProgressPage_WhenTheNewestRunIsOld_OffersNoCheckInButTheHistory()
    {
        var runner = await app.NewRunner().RegisterAsync();

        var posted = await ImportRequests.PostFormAsync(runner, ImportRequests.Sample(SampleFiles.Fenix5Run));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        await ImportRequests.CompletedAsync(runner, Guid.Parse(location["/imports/".Length..]));
        var page = await runner.GetPageAsync(location);

        // The fenix run is from June 2017: how the back felt after it is long past asking.
        var summary = page.QuerySelector(".import-summary")!;
        Assert.DoesNotContain("Check in", summary.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("a"),
            a => a.GetAttribute("href")?.StartsWith("/check-ins/new?runId=", StringComparison.Ordinal) == true);
        Assert.Equal("/history", summary.QuerySelectorAll("a").Single(a => a.TextContent == "See your runs in the history").GetAttribute("href"));
    }

    [Fact]
    public async Task UploadForm_SubmittedWithoutFiles_AsksForThemBesideTheField()
    {
        var runner = await app.NewRunner().RegisterAsync();
        // What a browser sends for a file input left empty.
        var empty = new ByteArrayContent([]);
        empty.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"files\"", FileName = "\"\"" };
        empty.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        var response = await ImportRequests.PostFormWithAsync(runner, content => content.Add(empty));
        var page = await RunnerClient.ParseAsync(response);
        var imports = await runner.Http.GetFromJsonAsync<JsonElement>("/api/v1/imports");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose one or more", page.QuerySelector("#files-error")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(imports.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Upload_FromABrowserSessionWithoutTheToken_IsRefusedAndNothingIsImported()
    {
        var runner = await app.NewRunner().RegisterAsync();
        await runner.GetPageAsync("/imports");

        using var pageContent = ImportRequests.Files(ImportRequests.Sample(SampleFiles.Fenix5Run));
        using var apiContent = ImportRequests.Files(ImportRequests.Sample(SampleFiles.Fenix5Run));

        var page = await runner.Http.PostAsync("/imports", pageContent);
        var api = await runner.Http.PostAsync("/api/v1/imports", apiContent);
        var imports = await runner.Http.GetFromJsonAsync<JsonElement>("/api/v1/imports");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Empty(imports.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Upload_WithACookieAndAMadeUpBearerHeaderButNoToken_IsRefusedAndNothingIsStored()
    {
        var runner = await app.NewRunner().RegisterAsync();
        // Another site's page cannot send a valid bearer token, but it can send this header beside the runner's cookie.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports")
        {
            Content = ImportRequests.Files(ImportRequests.Sample(SampleFiles.Fenix5Run)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "x");

        var response = await runner.Http.SendAsync(request);
        var imports = await runner.Http.GetFromJsonAsync<JsonElement>("/api/v1/imports");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(imports.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Upload_WhileTwoImportsAreUnfinished_Answers409AndStoresNothing()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();
        await ImportRequests.AddUnfinishedBatchesAsync(app, runner.UserId, ImportStatus.Queued, ImportStatus.Running);
        using var content = ImportRequests.Files(ImportRequests.Sample(SampleFiles.Fenix5Run));

        var response = await runner.Http.PostAsync("/api/v1/imports", content);
        var imports = await runner.Http.GetFromJsonAsync<JsonElement>("/api/v1/imports");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("You have imports still running; wait for them to finish.", problem.GetProperty("title").GetString());
        Assert.Equal(2, imports.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Upload_WhileOneImportIsUnfinished_IsImported()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();
        await ImportRequests.AddUnfinishedBatchesAsync(app, runner.UserId, ImportStatus.Running);

        var batch = await ImportRequests.CompletedAsync(runner,
            await ImportRequests.UploadAsync(runner, ImportRequests.Sample(SampleFiles.Fenix5Run)));

        Assert.Equal("imported", Assert.Single(batch.GetProperty("files").EnumerateArray()).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task UploadForm_WhileTwoImportsAreUnfinished_SaysSoBesideTheFieldAndStoresNothing()
    {
        var runner = await app.NewRunner().RegisterAsync();
        var runnerId = await app.UserIdAsync(runner.Email);
        await ImportRequests.AddUnfinishedBatchesAsync(app, runnerId, ImportStatus.Running, ImportStatus.Running);

        var response = await ImportRequests.PostFormAsync(runner, ImportRequests.Sample(SampleFiles.Fenix5Run));
        var page = await RunnerClient.ParseAsync(response);
        var batches = await app.ReadAsAsync(runnerId, db => db.ImportBatches.CountAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You have imports still running; wait for them to finish.", page.QuerySelector("#files-error")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(2, batches);
    }

    [Fact]
    public async Task Upload_ThroughTheApiWithoutFiles_Answers400NamingTheField()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();
        using var content = new MultipartFormDataContent { { new StringContent("nothing"), "note" } };

        var response = await runner.Http.PostAsync("/api/v1/imports", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("files", out _));
    }
}

public sealed class ImportTestsOnSqlite(BackstrideApp app) : ImportTests(app), IClassFixture<BackstrideApp>;

public sealed class ImportTestsOnPostgres(PostgresBackstrideApp app) : ImportTests(app), IClassFixture<PostgresBackstrideApp>;

/// <summary>The app with small import limits, to see that they are configurable and say what was too large.</summary>
public sealed class SmallImportLimitsApp : BackstrideApp
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Import:MaxFileMegabytes", "1"),
        new("Import:MaxUploadMegabytes", "3"),
        new("Import:MaxArchiveEntries", "3"),
    ];
}

public sealed class ImportLimitTests(SmallImportLimitsApp app) : IClassFixture<SmallImportLimitsApp>
{
    [Fact]
    public async Task Upload_LargerThanTheConfiguredLimit_Answers413WithTheLimit()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();
        // The marathon file is 1.7 MB: twice that is past 3 MB.
        using var content = ImportRequests.Files(
            ImportRequests.Sample(SampleFiles.MarathonTcx), ("again.tcx", SampleFiles.Bytes(SampleFiles.MarathonTcx)));

        var response = await runner.Http.PostAsync("/api/v1/imports", content);
        var imports = await runner.Http.GetFromJsonAsync<JsonElement>("/api/v1/imports");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("3 MB", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Empty(imports.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Upload_MoreFilesThanTheConfiguredLimit_Answers413SayingHowManyAndStoresNothing()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();
        // One more tiny file than Import:MaxArchiveEntries allows.
        var files = Enumerable.Range(1, 4).Select(i => ($"tiny-{i}.gpx", Encoding.ASCII.GetBytes("<gpx/>"))).ToArray();
        using var content = ImportRequests.Files(files);

        var response = await runner.Http.PostAsync("/api/v1/imports", content);
        var imports = await runner.Http.GetFromJsonAsync<JsonElement>("/api/v1/imports");
        var batches = await app.ReadAsAsync(runner.UserId, db => db.ImportBatches.CountAsync());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("At most 3 files at once; upload an export archive instead.", problem.GetProperty("title").GetString());
        Assert.Empty(imports.GetProperty("items").EnumerateArray());
        Assert.Equal(0, batches);
    }

    [Fact]
    public async Task Upload_FileLargerThanTheConfiguredFileLimit_IsRejectedWithTheLimit()
    {
        var runner = await app.NewRunner().RegisterWithTokenAsync();

        var batch = await ImportRequests.CompletedAsync(runner,
            await ImportRequests.UploadAsync(runner, ImportRequests.Sample(SampleFiles.MarathonTcx)));

        var file = Assert.Single(batch.GetProperty("files").EnumerateArray());
        Assert.Equal("rejected", file.GetProperty("outcome").GetString());
        Assert.Contains("1 MB", file.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}

/// <summary>Uploads as a client sends them, and a bounded wait for the background import to finish.</summary>
internal static class ImportRequests
{
    private static readonly TimeSpan CompletionTimeout = TimeSpan.FromSeconds(60);

    public static (string Name, byte[] Bytes) Sample(string relative) => (Path.GetFileName(relative), SampleFiles.Bytes(relative));

    public static MultipartFormDataContent Files(params (string Name, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            content.Add(Part(bytes), "files", name);
        }
        return content;
    }

    private static ByteArrayContent Part(byte[] bytes)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return part;
    }

    /// <summary>Uploads through the API and returns the batch id from its 202.</summary>
    public static async Task<Guid> UploadAsync(RunnerClient runner, params (string Name, byte[] Bytes)[] files)
    {
        using var content = Files(files);
        var response = await runner.Http.PostAsync("/api/v1/imports", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/imports/{id}", response.Headers.Location!.OriginalString);
        return id;
    }

    /// <summary>Posts the upload form as a browser does: its antiforgery token first, then the files.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(RunnerClient runner, params (string Name, byte[] Bytes)[] files) =>
        PostFormWithAsync(runner, content =>
        {
            foreach (var (name, bytes) in files)
            {
                content.Add(Part(bytes), "files", name);
            }
        });

    public static async Task<HttpResponseMessage> PostFormWithAsync(RunnerClient runner, Action<MultipartFormDataContent> addFiles)
    {
        var token = await runner.AntiforgeryTokenAsync("/imports");
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        addFiles(content);
        return await runner.Http.PostAsync("/imports", content);
    }

    public static async Task<JsonElement> CompletedAsync(RunnerClient runner, Guid id)
    {
        var deadline = DateTime.UtcNow + CompletionTimeout;
        while (true)
        {
            var batch = await runner.Http.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}");
            if (batch.GetProperty("status").GetString() is "completed" or "failed")
            {
                return batch;
            }
            Assert.True(DateTime.UtcNow < deadline, $"The import did not finish within {CompletionTimeout.TotalSeconds} s: {batch}");
            await Task.Delay(100);
        }
    }

    /// <summary>Batches that look queued or importing, without any upload behind them (the worker never sees them).</summary>
    public static Task AddUnfinishedBatchesAsync(BackstrideApp app, Guid runnerId, params ImportStatus[] statuses) =>
        app.ReadAsAsync(runnerId, db =>
        {
            foreach (var status in statuses)
            {
                db.ImportBatches.Add(new ImportBatch { CreatedAt = DateTimeOffset.UtcNow, Status = status, TotalFiles = 1 });
            }
            return db.SaveChangesAsync();
        });

    public static JsonElement FileNamed(JsonElement batch, string name) =>
        batch.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);

    /// <summary>Like Strava's "Download your data": a CSV index, gzipped activity files, a plain one, and a broken one.</summary>
    public static byte[] StravaExport()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, byte[] bytes)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(bytes);
            }
            Add("activities.csv", Encoding.UTF8.GetBytes(
                "Activity ID,Activity Name,Activity Type,Filename\n1,Easy run,Run,activities/1.fit.gz\n2,Long run,Run,activities/2.gpx.gz\n"));
            Add("activities/1.fit.gz", Gzip(SampleFiles.Bytes(SampleFiles.Fenix2Run)));
            Add("activities/2.gpx.gz", Gzip(SampleFiles.Bytes(SampleFiles.Ns3Gpx)));
            Add("activities/3.tcx", SampleFiles.Bytes(SampleFiles.SmallTcx));
            Add("activities/4.fit.gz", Encoding.ASCII.GetBytes("Not a gzip, and not a FIT file either."));
        }
        return output.ToArray();
    }

    /// <summary>A run of about 1 km in 5 minutes that started <paramref name="ago"/> before now.</summary>
    public static byte[] RecentRunGpx(TimeSpan ago) => TestGpx.RunStartingAt(DateTimeOffset.UtcNow - ago);

    public static byte[] CyclingGpx() => Encoding.UTF8.GetBytes("""
        <?xml version="1.0" encoding="UTF-8"?>
        <gpx version="1.1" creator="Backstride tests" xmlns="http://www.topografix.com/GPX/1/1">
          <trk>
            <name>Morning ride</name>
            <type>cycling</type>
            <trkseg>
              <trkpt lat="52.5200" lon="13.4050"><ele>34</ele><time>2026-05-01T07:00:00Z</time></trkpt>
              <trkpt lat="52.5230" lon="13.4100"><ele>35</ele><time>2026-05-01T07:01:00Z</time></trkpt>
              <trkpt lat="52.5260" lon="13.4150"><ele>36</ele><time>2026-05-01T07:02:00Z</time></trkpt>
              <trkpt lat="52.5290" lon="13.4200"><ele>35</ele><time>2026-05-01T07:03:00Z</time></trkpt>
            </trkseg>
          </trk>
        </gpx>
        """);

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }
        return output.ToArray();
    }
}
