using System.Text.RegularExpressions;
using Backstride.Activities.Tests;
using Backstride.Web.BrowserTests.Infrastructure;
using Backstride.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Backstride.Web.BrowserTests;

/// <summary>Importing watch files on a phone: choose two, upload, watch the progress, and read each file's result.</summary>
public sealed class ImportJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Runner_ImportsTwoFiles_AndSeesEachResultWithTheRejectedFilesReason()
    {
        var page = await browser.NewPhonePageAsync();
        await page.GotoAsync("/account/register");
        await page.GetByLabel("E-mail").FillAsync($"runner+{Guid.NewGuid():N}@example.com");
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByLabel(new Regex("I agree that Backstride stores")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your back after running" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Import", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import runs from your watch" })).ToBeVisibleAsync();
        await page.AssertPageIsGoodAsync();
        // This morning's run (recent enough to check in on) and a real FIT file with a broken CRC.
        await page.GetByLabel("Watch files or an export archive").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "this-morning.gpx", MimeType = "application/gpx+xml", Buffer = TestGpx.RunStartingAt(browser.App.Clock.GetUtcNow().AddHours(-3)) },
            new FilePayload { Name = "activity-filecrc.fit", MimeType = "application/octet-stream", Buffer = SampleFiles.Bytes(SampleFiles.WrongFileCrc) },
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/imports/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import finished" }))
            .ToBeVisibleAsync(new() { Timeout = 60_000 });
        var files = page.Locator(".import-file");
        await Assertions.Expect(files).ToHaveCountAsync(2);
        var run = files.Filter(new() { HasText = "this-morning.gpx" });
        await Assertions.Expect(run.Locator(".file-outcome")).ToHaveTextAsync("Imported");
        await Assertions.Expect(run.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^See the run") })).ToBeVisibleAsync();
        var broken = files.Filter(new() { HasText = "activity-filecrc.fit" });
        await Assertions.Expect(broken.Locator(".file-outcome")).ToHaveTextAsync("Not imported");
        await Assertions.Expect(broken.Locator(".file-reason")).ToContainTextAsync("CRC");
        await Assertions.Expect(page.Locator(".import-count")).ToContainTextAsync("2 of 2 files");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Check in on your newest run") })).ToBeVisibleAsync();
        await page.AssertPageIsGoodAsync();

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Check in on your newest run") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How is your back?" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Runner_ImportsAStravaExportArchive_AndSeesProgressThenEachEntrysResult()
    {
        var page = await browser.NewPhonePageAsync();
        await page.GotoAsync("/account/register");
        await page.GetByLabel("E-mail").FillAsync($"runner+{Guid.NewGuid():N}@example.com");
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByLabel(new Regex("I agree that Backstride stores")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.GotoAsync("/imports");

        // A small export as Strava makes it: activities.csv beside gzipped activity files, one of them broken.
        await page.GetByLabel("Watch files or an export archive").SetInputFilesAsync(new FilePayload
        {
            Name = "export_1234.zip",
            MimeType = "application/zip",
            Buffer = StravaLikeExport(
                ("activities/1.fit.gz", SampleFiles.Bytes(SampleFiles.RunningWithDeveloperData)),
                ("activities/2.tcx.gz", SampleFiles.Bytes(SampleFiles.MarathonTcx)),
                ("activities/3.gpx.gz", SampleFiles.Bytes(SampleFiles.Ns3Gpx)),
                ("activities/4.fit.gz", SampleFiles.Bytes(SampleFiles.UnexpectedEof))),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();

        // The bar shows files done of total (4 activity entries; the CSV is not one).
        var progress = page.Locator("progress");
        await Assertions.Expect(progress).ToHaveAttributeAsync("max", "4");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import finished" }))
            .ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(progress).ToHaveAttributeAsync("value", "4");
        await Assertions.Expect(page.Locator(".import-count")).ToContainTextAsync("4 of 4 files");

        var files = page.Locator(".import-file");
        await Assertions.Expect(files).ToHaveCountAsync(4);
        await Assertions.Expect(files.Filter(new() { HasText = "activities/2.tcx.gz" }).Locator(".file-outcome")).ToHaveTextAsync("Imported");
        await Assertions.Expect(files.Filter(new() { HasText = "activities/2.tcx.gz" })).ToContainTextAsync("42.64 km");
        var broken = files.Filter(new() { HasText = "activities/4.fit.gz" });
        await Assertions.Expect(broken.Locator(".file-outcome")).ToHaveTextAsync("Not imported");
        await Assertions.Expect(broken.Locator(".file-reason")).ToContainTextAsync("cut short");
        await page.AssertPageIsGoodAsync();

        // The run's page shows what the watch measured.
        await files.Filter(new() { HasText = "activities/1.fit.gz" }).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^See the run") }).ClickAsync();
        await Assertions.Expect(page.GetByText("Ground contact time")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("271 ms")).ToBeVisibleAsync();
        await page.AssertPageIsGoodAsync();
    }

    private static byte[] StravaLikeExport(params (string Name, byte[] Content)[] activities)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var csv = new StreamWriter(zip.CreateEntry("activities.csv").Open()))
            {
                csv.WriteLine("Activity ID,Activity Type,Filename");
                foreach (var (name, _) in activities)
                {
                    csv.WriteLine($"{name.GetHashCode(StringComparison.Ordinal)},Run,{name}");
                }
            }
            foreach (var (name, content) in activities)
            {
                using var entry = zip.CreateEntry(name).Open();
                using var gzip = new System.IO.Compression.GZipStream(entry, System.IO.Compression.CompressionLevel.Fastest);
                gzip.Write(content);
            }
        }
        return buffer.ToArray();
    }
}
