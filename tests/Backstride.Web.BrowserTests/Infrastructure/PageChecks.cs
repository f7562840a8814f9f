using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Backstride.Web.BrowserTests.Infrastructure;

public static class PageChecks
{
    /// <summary>axe finds no serious or critical violation on the page as it is now.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(blocking.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", blocking));
    }

    /// <summary>Every visible form field has a label a person can see, and nothing scrolls sideways at phone width.</summary>
    public static async Task AssertFieldsLabelledAndFitsAsync(this IPage page)
    {
        // Closed <details> hide fields from layout; open them so their fields are checked too.
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => {
              const shown = el => el.getClientRects().length > 0;
              const readable = el => shown(el) && el.innerText.trim().length > 0;
              return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
                .filter(field => shown(field) && !Array.from(field.labels || []).some(readable))
                .map(field => field.name || field.id);
            }
            """);
        Assert.True(unlabelled.Length == 0, $"Fields without a visible label on {page.Url}: {string.Join(", ", unlabelled)}");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{page.Url} scrolls sideways by {overflow}px at {page.ViewportSize?.Width}px wide.");
    }

    public static async Task AssertPageIsGoodAsync(this IPage page)
    {
        await page.AssertAccessibleAsync();
        await page.AssertFieldsLabelledAndFitsAsync();
    }
}
