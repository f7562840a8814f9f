using System.Text.RegularExpressions;
using Backstride.Activities.Tests;
using Backstride.Web.BrowserTests.Infrastructure;
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
        await page.GetByLabel("Watch files or an export archive")
            .SetInputFilesAsync(new[] { SampleFiles.PathOf(SampleFiles.Fenix5Run), SampleFiles.PathOf(SampleFiles.WrongFileCrc) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/imports/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import finished" }))
            .ToBeVisibleAsync(new() { Timeout = 60_000 });
        var files = page.Locator(".import-file");
        await Assertions.Expect(files).ToHaveCountAsync(2);
        var run = files.Filter(new() { HasText = "garmin-fenix-5-run.fit" });
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
}
