using System.Text.RegularExpressions;
using Backstride.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Backstride.Web.BrowserTests;

/// <summary>After a check-in: the safety questions, the emergency screen, the plan, its timers and the stretch player.</summary>
public sealed class PlanJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task RegisterAsync(IPage page)
    {
        await page.GotoAsync("/account/register");
        await page.GetByLabel("E-mail").FillAsync($"runner+{Guid.NewGuid():N}@example.com");
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByLabel(new Regex("I agree that Backstride stores")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your back after running" })).ToBeVisibleAsync();
    }

    private static async Task CheckInAsync(IPage page, string pain, string stiffness = "None", string spread = "No")
    {
        await page.GotoAsync("/check-ins/new?standalone=true");
        await page.Locator($".pain-option:has(input[value='{pain}'])").ClickAsync();
        await page.Locator($"input[name='Input.Stiffness'][value='{stiffness}']").CheckAsync();
        await page.Locator($"input[name='Input.LegSpread'][value='{spread}']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save check-in" }).ClickAsync();
    }

    [Fact]
    public async Task StiffBack_GetsAHeatAndStretchPlanWhoseStepsExplainThemselves()
    {
        var page = await browser.NewPhonePageAsync();
        await RegisterAsync(page);

        await CheckInAsync(page, pain: "3", stiffness: "Moderate");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tonight's plan" })).ToBeVisibleAsync();
        var steps = page.Locator(".plan-step");
        await Assertions.Expect(steps.Nth(0).Locator("h2")).ToContainTextAsync("warm shower");
        await Assertions.Expect(steps.Nth(0).Locator(".why")).ToContainTextAsync("Warmth loosens tight muscles");
        await Assertions.Expect(steps.Nth(0).Locator(".evidence")).ToContainTextAsync("Moderate evidence, small short-term benefit");
        await Assertions.Expect(steps.Nth(1).Locator("h2")).ToContainTextAsync("Three gentle stretches");
        await Assertions.Expect(steps.Nth(1).Locator(".why")).ToContainTextAsync("ease the hips and lower back");
        await Assertions.Expect(page.Locator(".plan-step", new() { HasText = "WBC cream" }).Locator(".evidence")).ToContainTextAsync("No trial in back pain");
        await Assertions.Expect(page.Locator(".plan-step h2", new() { HasText = "Ice" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".emergency-signs")).ToContainTextAsync("Loss of control of your bowels");
        await page.AssertPageIsGoodAsync();
    }

    [Fact]
    public async Task CaudaEquinaAnswer_ShowsTheEmergencyScreenAndNoPlan()
    {
        var page = await browser.NewPhonePageAsync();
        await RegisterAsync(page);

        await CheckInAsync(page, pain: "8");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "A few safety questions" })).ToBeVisibleAsync();
        await page.AssertPageIsGoodAsync();
        await page.GetByLabel(new Regex("trouble passing urine")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show my plan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Call emergency services now" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".emergency-screen")).ToContainTextAsync("New trouble passing urine");
        await Assertions.Expect(page.Locator(".plan-step")).ToHaveCountAsync(0);
        await page.AssertPageIsGoodAsync();
    }

    [Fact]
    public async Task HighPainAnsweredNo_GetsThePlanAfterTheSafetyQuestions()
    {
        var page = await browser.NewPhonePageAsync();
        await RegisterAsync(page);

        await CheckInAsync(page, pain: "8");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show my plan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tonight's plan" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".plan-step").First.Locator("h2")).ToContainTextAsync("Ice your lower back");
    }

    [Fact]
    public async Task HeatTimer_SurvivesAReloadMidwayAndAnnouncesItsEnd()
    {
        var page = await browser.NewPhonePageAsync();
        await page.Clock.InstallAsync(new() { TimeDate = browser.App.Clock.GetUtcNow().UtcDateTime });
        await RegisterAsync(page);
        await CheckInAsync(page, pain: "2", stiffness: "Mild");
        var timer = page.Locator(".plan-step", new() { HasText = "warm shower" }).Locator("[data-timer]");
        await Assertions.Expect(timer.Locator("[data-timer-display]")).ToHaveTextAsync("10:00");

        await timer.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Start") }).ClickAsync();
        await Assertions.Expect(timer.GetByRole(AriaRole.Button, new() { Name = "Pause" })).ToBeVisibleAsync();
        browser.App.Clock.Shift(TimeSpan.FromMinutes(6));
        await page.Clock.FastForwardAsync("06:00");
        await page.ReloadAsync();

        var display = page.Locator(".plan-step", new() { HasText = "warm shower" }).Locator("[data-timer-display]");
        await Assertions.Expect(display).ToHaveTextAsync(new Regex("^[34]:[0-9]{2}$"));
        browser.App.Clock.Shift(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(5));
        await page.Clock.FastForwardAsync("04:05");

        var reloadedTimer = page.Locator(".plan-step", new() { HasText = "warm shower" }).Locator("[data-timer]");
        await Assertions.Expect(reloadedTimer.Locator("[data-timer-status]")).ToHaveTextAsync("Time's up: A warm shower on your lower back is done.");
        await Assertions.Expect(display).ToHaveTextAsync("0:00");
    }

    [Fact]
    public async Task HeatAndIceTimers_CannotBeSetPastTwentyMinutes_AndSayWhy()
    {
        var page = await browser.NewPhonePageAsync();
        await RegisterAsync(page);

        await CheckInAsync(page, pain: "6");

        var ice = page.Locator(".plan-step", new() { HasText = "Ice your lower back" });
        await Assertions.Expect(ice.Locator("[data-timer-display]")).ToHaveTextAsync("20:00");
        await Assertions.Expect(ice.Locator(".timer .hint")).ToContainTextAsync("cannot be set past 20 minutes: longer ice can injure skin");
    }

    [Fact]
    public async Task StretchPlayer_RunsThroughTheThreeStretches()
    {
        var page = await browser.NewPhonePageAsync();
        await page.Clock.InstallAsync(new() { TimeDate = browser.App.Clock.GetUtcNow().UtcDateTime });
        await RegisterAsync(page);
        await CheckInAsync(page, pain: "2", stiffness: "Mild");
        var player = page.Locator("[data-stretch-player]");

        await player.GetByRole(AriaRole.Button, new() { Name = "Start the stretches" }).ClickAsync();
        await Assertions.Expect(player.Locator("[data-player-name]")).ToHaveTextAsync("Butterfly stretch");
        await Assertions.Expect(player.Locator("[data-player-phase]")).ToHaveTextAsync("Get ready: Butterfly stretch");
        await page.Clock.RunForAsync(6_000);
        await Assertions.Expect(player.Locator("[data-player-phase]")).ToHaveTextAsync("Hold");
        await page.Clock.RunForAsync(31_000);
        await Assertions.Expect(player.Locator("[data-player-name]")).ToHaveTextAsync("Reclining twist");
        await page.Clock.RunForAsync(36_000);
        await Assertions.Expect(player.Locator("[data-player-phase]")).ToHaveTextAsync("Switch sides");
        await page.Clock.RunForAsync(36_000);
        await Assertions.Expect(player.Locator("[data-player-name]")).ToHaveTextAsync("Hip flexor stretch");
        await page.Clock.RunForAsync(80_000);

        await Assertions.Expect(player.Locator("[data-player-phase]")).ToHaveTextAsync("All 3 stretches done. Well done.");
    }

    [Fact]
    public async Task ProfileMedicationAndLearnPages_AreAccessibleOnAPhone()
    {
        var page = await browser.NewPhonePageAsync();
        await RegisterAsync(page);

        await page.GotoAsync("/profile");
        await page.AssertPageIsGoodAsync();
        await page.GetByLabel("Heating pad").CheckAsync();
        await page.GetByLabel(new Regex("^Include pain relievers")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Back profile saved");
        await page.GotoAsync("/medication");
        await page.AssertPageIsGoodAsync();
        await page.GotoAsync("/stretches/pre-run");
        await page.AssertPageIsGoodAsync();
        foreach (var path in new[] { "/learn", "/learn/posture", "/learn/disc-degeneration", "/learn/ice", "/learn/heat",
                     "/learn/stretching", "/learn/medication", "/learn/strength", "/learn/wbc-cream", "/learn/red-flags" })
        {
            await page.GotoAsync(path);
            await page.AssertPageIsGoodAsync();
        }
    }
}
