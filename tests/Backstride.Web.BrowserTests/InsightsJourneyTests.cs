using System.Text.RegularExpressions;
using Backstride.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Backstride.Web.BrowserTests;

/// <summary>A newcomer on a phone explores the sample runner: dashboard, factors, remedies and the clinician summary.</summary>
public sealed class InsightsJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Newcomer_ExploresSampleData_EveryInsightPageRendersOnAPhoneAndPassesAxe()
    {
        var page = await browser.NewPhonePageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Explore with sample data" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Insights", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("figure.chart svg")).ToHaveCountAsync(2);
        var chartWidth = await page.Locator("figure.chart svg").First.EvaluateAsync<double>("svg => svg.getBoundingClientRect().width");
        Assert.InRange(chartWidth, 300, 390);
        await Assertions.Expect(page.Locator("#changes-title + ul li").First).ToContainTextAsync("4 weeks");
        await page.AssertPageIsGoodAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "What goes with your pain" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-long-run")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("article:has(#f-long-run)")).ToContainTextAsync(new Regex(@"points higher \(\d+\.\d to \d+\.\d\)"));
        await page.AssertPageIsGoodAsync();

        await page.GotoAsync("/insights/remedies");
        await Assertions.Expect(page.Locator(".remedy-table tbody tr")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator(".remedy-table tbody tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Heat" }) }))
            .ToContainTextAsync(new Regex(@"\d+ evenings with"));
        await page.AssertPageIsGoodAsync();

        await page.GotoAsync("/insights/summary");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("clinician");
        await page.AssertPageIsGoodAsync();
        // The printed page leaves the site's header and navigation out.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.site-header")).ToBeHiddenAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GotoAsync("/insights/experiments");
        await page.AssertPageIsGoodAsync();
        await page.Locator(".link-list a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#result-title + p")).ToContainTextAsync(new Regex("heat", RegexOptions.IgnoreCase));
        await page.AssertPageIsGoodAsync();
    }
}
