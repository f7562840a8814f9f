using System.Text.RegularExpressions;
using Backstride.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Backstride.Web.BrowserTests;

/// <summary>A strength session on a phone: set up, start, log sets, rest, finish, and see the programme adapt.</summary>
public sealed class TrainingJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Runner_LogsSetsRestsAndFinishes_AndSeesTheProgressionMessage()
    {
        var page = await browser.NewPhonePageAsync();
        await page.Clock.InstallAsync(new() { TimeDate = browser.App.Clock.GetUtcNow().UtcDateTime });
        await page.GotoAsync("/account/register");
        await page.GetByLabel("E-mail").FillAsync($"runner+{Guid.NewGuid():N}@example.com");
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByLabel(new Regex("I agree that Backstride stores")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await page.GotoAsync("/training");
        await page.AssertPageIsGoodAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save programme" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Strength programme saved.");
        await page.AssertPageIsGoodAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a session now" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Strength session" })).ToBeVisibleAsync();
        await page.AssertPageIsGoodAsync();

        var squat = page.Locator("#exercise-squat");
        await squat.GetByLabel("Effort").SelectOptionAsync("5");
        await squat.GetByLabel("Back pain (0–10)").FillAsync("0");
        await squat.GetByRole(AriaRole.Button, new() { Name = "Log set 1 of 2" }).ClickAsync();
        var rest = page.Locator("#exercise-squat [data-rest-timer]");
        await Assertions.Expect(rest.Locator("[data-rest-status]")).ToHaveTextAsync("Rest 90 seconds.");
        await page.Clock.RunForAsync(86_000);
        await Assertions.Expect(rest.Locator("[data-rest-status]")).ToHaveTextAsync("Get ready for the next set.");
        await page.Clock.RunForAsync(5_000);
        await Assertions.Expect(rest.Locator("[data-rest-status]")).ToHaveTextAsync("Rest over: next set.");
        await Assertions.Expect(page.Locator("#exercise-squat .logged-sets li")).ToHaveTextAsync("Set 1: 8 reps, effort 5/10, back pain 0/10");

        await page.AssertPageIsGoodAsync();
        await page.Locator("#exercise-glute-bridge").GetByLabel("Effort").SelectOptionAsync("4");
        await page.Locator("#exercise-glute-bridge").GetByLabel("Back pain (0–10)").FillAsync("6");
        await page.Locator("#exercise-glute-bridge").GetByRole(AriaRole.Button, new() { Name = "Log set 1 of 2" }).ClickAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Finish session" }).ClickAsync();

        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Glute bridge: Stepping down: your back pain reached 6/10");
        await Assertions.Expect(page.Locator(".schedule")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(new Regex("Done: 1 of [23]"))).ToBeVisibleAsync();
    }
}
