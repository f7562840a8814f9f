using System.Text.RegularExpressions;
using Backstride.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Backstride.Web.BrowserTests;

/// <summary>What a runner does on a phone, in a real browser, with each page checked by axe on the way.</summary>
public sealed class JourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static string UniqueEmail() => $"runner+{Guid.NewGuid():N}@example.com";

    private static async Task RegisterAsync(IPage page, string email)
    {
        await page.GotoAsync("/");
        await page.AssertPageIsGoodAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await page.AssertPageIsGoodAsync();
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByLabel(new Regex("I agree that Backstride stores")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your back after running" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Runner_RegistersLogsARunChecksInAndFindsBothInTheHistory()
    {
        var page = await browser.NewPhonePageAsync(timeZone: "Europe/Berlin");
        await RegisterAsync(page, UniqueEmail());
        await page.AssertPageIsGoodAsync();

        // Log a run from the home page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Log a run" }).First.ClickAsync();
        await page.AssertPageIsGoodAsync();
        await page.GetByLabel("Started at").FillAsync("2026-11-25T18:10");
        await page.GetByLabel("Distance (km)").FillAsync("12.4");
        await page.GetByLabel("Hours").FillAsync("1");
        await page.GetByLabel("Minutes").FillAsync("4");
        await page.GetByLabel("Seconds").FillAsync("30");
        await page.GetByLabel("Trail").CheckAsync();
        await page.GetByLabel("Shoes").FillAsync("Speedgoat 5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save run" }).ClickAsync();

        // Saving a run leads straight to its check-in.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How is your back?" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".for-run")).ToContainTextAsync("Wed 25 Nov, 18:10 · 12.4 km");
        await page.AssertPageIsGoodAsync();
        await page.Locator(".pain-option", new() { HasText = "4" }).First.ClickAsync();
        await page.GetByLabel("Left side").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save check-in" }).ClickAsync();

        // The check-in leads on to tonight's plan; the history has both.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tonight's plan" })).ToBeVisibleAsync();
        await page.GotoAsync("/history");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "History" })).ToBeVisibleAsync();
        await page.AssertPageIsGoodAsync();
        var run = page.Locator(".history-item").First;
        await Assertions.Expect(run.Locator(".item-title")).ToHaveTextAsync("Run · Wed 25 Nov 2026, 18:10");
        await Assertions.Expect(run.Locator(".run-figures")).ToContainTextAsync("12.4 km");
        await Assertions.Expect(run.Locator(".run-figures")).ToContainTextAsync("1:04:30");
        await Assertions.Expect(run.Locator(".run-figures")).ToContainTextAsync("5:12 /km");
        await Assertions.Expect(run.Locator(".meta")).ToContainTextAsync("Trail · Speedgoat 5");
        await Assertions.Expect(run.Locator(".check-ins .pain-summary")).ToContainTextAsync("Pain 4/10");
        await Assertions.Expect(run.Locator(".check-ins .pain-summary")).ToContainTextAsync("left side");
    }

    [Fact]
    public async Task Runner_ChecksInOnTheLastRunInThreeTaps()
    {
        var page = await browser.NewPhonePageAsync();
        await RegisterAsync(page, UniqueEmail());
        await page.GotoAsync("/runs/new");
        await page.GetByLabel("Distance (km)").FillAsync("6");
        await page.GetByLabel("Minutes").FillAsync("33");
        // Logged just after the run: the start follows the duration back from now, so nothing else is typed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save run" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How is your back?" })).ToBeVisibleAsync();
        await page.GotoAsync("/");

        // Tap 1, 2 and 3: the home page's button, a pain value, save.
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Check in on your last run") }).ClickAsync();
        await page.Locator(".pain-option", new() { HasText = "2" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save check-in" }).ClickAsync();

        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Check-in saved.");
        await Assertions.Expect(page.Locator(".for-run")).ToContainTextAsync("Pain 2/10");
    }

    [Fact]
    public async Task Runner_TypesNonsense_SeesEachMessageBesideItsFieldAndKeepsWhatWasTyped()
    {
        var page = await browser.NewPhonePageAsync();
        await RegisterAsync(page, UniqueEmail());

        await page.GotoAsync("/runs/new");
        await page.GetByLabel("Started at").FillAsync("2099-05-01T07:00");
        await page.GetByLabel("Distance (km)").FillAsync("-4");
        await page.GetByLabel("Minutes").FillAsync("30");
        await page.GetByLabel("Notes").FillAsync("ran with a friend");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save run" }).ClickAsync();

        await Assertions.Expect(page.Locator("#startedat-error")).ToHaveTextAsync("The start can't be in the future.");
        await Assertions.Expect(page.Locator("#distance-error")).ToHaveTextAsync("The distance must be more than zero.");
        await Assertions.Expect(page.GetByLabel("Distance (km)")).ToHaveValueAsync("-4");
        await Assertions.Expect(page.GetByLabel("Started at")).ToHaveValueAsync("2099-05-01T07:00");
        await Assertions.Expect(page.GetByLabel("Notes")).ToHaveValueAsync("ran with a friend");
        await page.AssertPageIsGoodAsync();

        await page.GotoAsync("/check-ins/new");
        await page.GetByLabel("Notes").FillAsync("stiff but fine");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save check-in" }).ClickAsync();

        await Assertions.Expect(page.Locator("#pain-error")).ToHaveTextAsync("Choose how much your back hurts, from 0 to 10.");
        await Assertions.Expect(page.GetByLabel("Notes")).ToHaveValueAsync("stiff but fine");
        await page.AssertPageIsGoodAsync();

        await page.GotoAsync("/history");
        await Assertions.Expect(page.GetByText("Nothing here yet.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Registration_TakesTheBrowsersTimeZone_AndSettingsShowIt()
    {
        var page = await browser.NewPhonePageAsync(timeZone: "America/Denver");
        await RegisterAsync(page, UniqueEmail());

        await page.GotoAsync("/settings");

        await Assertions.Expect(page.GetByLabel("Time zone")).ToHaveValueAsync("America/Denver");
        await page.AssertPageIsGoodAsync();
    }

    [Fact]
    public async Task AccountPages_SignInAndPasswordReset_AreAccessibleOnAPhone()
    {
        var page = await browser.NewPhonePageAsync();

        await page.GotoAsync("/account/sign-in");
        await page.AssertPageIsGoodAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Email']")).ToHaveTextAsync("Enter your e-mail address.");
        await page.AssertPageIsGoodAsync();
        await page.GotoAsync("/account/forgot-password");
        await page.AssertPageIsGoodAsync();
        await page.GotoAsync("/status/404");
        await page.AssertPageIsGoodAsync();
    }
}
