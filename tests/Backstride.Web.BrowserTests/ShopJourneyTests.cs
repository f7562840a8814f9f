using System.Text.RegularExpressions;
using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Backstride.Web.BrowserTests.Infrastructure;
using Backstride.Web.Features.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Backstride.Web.BrowserTests;

/// <summary>
/// A guest buys two sizes of the sample cream on a phone with a discount code and gets the e-mail; the owner marks the
/// order shipped; the guest's status page shows it shipped with its tracking number. Every shop page is checked with axe.
/// </summary>
public sealed class ShopJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Guest_BuysTwoSizesWithACode_OwnerShips_StatusPageShowsTheTrackingNumber()
    {
        var code = $"RUN{Random.Shared.Next(1000, 9999)}";
        await CreateDiscountCodeAsync(code, percent: 10);
        var guestEmail = $"guest+{Guid.NewGuid():N}@example.com";

        // The guest browses, picks the 50 ml and the 100 ml tube.
        var guest = await browser.NewPhonePageAsync();
        await guest.GotoAsync("/shop");
        await Assertions.Expect(guest.GetByText("Sample catalog")).ToBeVisibleAsync();
        await guest.AssertPageIsGoodAsync();
        await guest.GetByRole(AriaRole.Link, new() { Name = "WBC Copper Back Cream (sample)", Exact = true }).First.ClickAsync();
        await Assertions.Expect(guest.GetByRole(AriaRole.Heading, new() { Name = "WBC Copper Back Cream (sample)" })).ToBeVisibleAsync();
        await guest.AssertPageIsGoodAsync();
        await guest.Locator("label.variant-choice", new() { HasText = "50 ml" }).ClickAsync();
        await guest.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await guest.GotoAsync("/shop/" + SampleCatalog.Products[0].Slug);
        await guest.Locator("label.variant-choice", new() { HasText = "100 ml" }).ClickAsync();
        await guest.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();

        await guest.GotoAsync("/shop/cart");
        await Assertions.Expect(guest.GetByRole(AriaRole.Heading, new() { Name = "Your cart" })).ToBeVisibleAsync();
        await Assertions.Expect(guest.GetByText("50 ml tube").First).ToBeVisibleAsync();
        await Assertions.Expect(guest.GetByText("100 ml tube").First).ToBeVisibleAsync();
        await guest.AssertPageIsGoodAsync();

        // Checkout with the code, paying by bank transfer.
        await guest.GetByRole(AriaRole.Link, new() { Name = "Checkout" }).ClickAsync();
        await guest.GetByLabel("E-mail").FillAsync(guestEmail);
        await guest.GetByLabel("Full name").FillAsync("Sam Runner");
        await guest.GetByLabel("Street address").FillAsync("1 Canal Street");
        await guest.GetByLabel("Town or city").FillAsync("Springfield");
        await guest.GetByLabel("Postal code (ZIP code)").FillAsync("12345");
        await guest.Locator("#Input_Country").FillAsync("US");
        await guest.Locator("#Input_DiscountCode").FillAsync(code);
        await guest.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        // 14.95 + 24.95 = 39.90, 10 % off = 35.91, under 50: 5.95 shipping; total 41.86. What was typed is kept.
        await Assertions.Expect(guest.GetByLabel("Full name")).ToHaveValueAsync("Sam Runner");
        await Assertions.Expect(guest.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Place order · \\$41\\.86") })).ToBeVisibleAsync();
        await guest.AssertPageIsGoodAsync();
        await guest.GetByLabel(new Regex("Bank transfer", RegexOptions.IgnoreCase)).CheckAsync();
        await guest.GetByLabel(new Regex("^I accept the")).CheckAsync();
        await guest.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Place order") }).ClickAsync();

        var heading = guest.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Order WBC-") });
        await Assertions.Expect(heading).ToBeVisibleAsync();
        var number = (await heading.TextContentAsync())!.Replace("Order ", "", StringComparison.Ordinal).Trim();
        await Assertions.Expect(guest.GetByText("Pay by bank transfer")).ToBeVisibleAsync();
        await guest.AssertPageIsGoodAsync();

        // The confirmation e-mail names the order, both items and the total.
        var mail = await WaitForMailAsync(number);
        Assert.Contains("50 ml tube", mail, StringComparison.Ordinal);
        Assert.Contains("100 ml tube", mail, StringComparison.Ordinal);
        Assert.Contains("41.86", mail, StringComparison.Ordinal);

        // The owner marks it paid and shipped with a tracking number.
        var owner = await NewAdminPageAsync();
        await owner.GotoAsync("/admin/orders?q=" + Uri.EscapeDataString(number));
        await owner.GetByRole(AriaRole.Link, new() { Name = number }).First.ClickAsync();
        await Assertions.Expect(owner.GetByRole(AriaRole.Heading, new() { Name = "Order " + number })).ToBeVisibleAsync();
        await owner.AssertPageIsGoodAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Mark paid" }).ClickAsync();
        await owner.GetByLabel("Tracking number").FillAsync("1Z999AA10123456784");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Mark shipped" }).ClickAsync();
        await Assertions.Expect(owner.GetByText("1Z999AA10123456784").First).ToBeVisibleAsync();

        // The guest looks the order up by number and e-mail.
        var lookup = await browser.NewPhonePageAsync();
        await lookup.GotoAsync("/shop/order-status");
        await lookup.AssertPageIsGoodAsync();
        await lookup.GetByLabel("Order number").FillAsync(number);
        await lookup.GetByLabel("E-mail").FillAsync(guestEmail);
        await lookup.GetByRole(AriaRole.Button, new() { Name = "Show my order" }).ClickAsync();
        await Assertions.Expect(lookup.Locator("#shipping-status")).ToContainTextAsync("Shipped");
        await Assertions.Expect(lookup.Locator("#tracking-number")).ToHaveTextAsync("1Z999AA10123456784");
        await lookup.AssertPageIsGoodAsync();
        await lookup.GotoAsync("/shop/terms");
        await lookup.AssertPageIsGoodAsync();

        // Every page of the owner's admin passes the same checks on a phone.
        foreach (var path in new[] { "/admin", "/admin/products", "/admin/products/new", "/admin/stock", "/admin/orders",
                     "/admin/discounts", "/admin/discounts/new", "/admin/audit" })
        {
            await owner.GotoAsync(path);
            await owner.AssertPageIsGoodAsync();
        }
        await owner.GotoAsync("/admin/products");
        await owner.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("WBC Copper Back Cream \\(sample\\)") }).First.ClickAsync();
        await owner.AssertPageIsGoodAsync();
    }

    private async Task CreateDiscountCodeAsync(string code, decimal percent)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var discounts = scope.ServiceProvider.GetRequiredService<DiscountStore>();
        var saved = await discounts.SaveAsync(null,
            new DiscountDraft(code, DiscountKind.Percent, percent, null, null, null, null, null, true),
            new AdminActor(Guid.NewGuid(), "test-setup@example.com"));
        Assert.Equal(ShopOutcome.Saved, saved.Outcome);
    }

    private async Task<IPage> NewAdminPageAsync()
    {
        var email = $"owner+{Guid.NewGuid():N}@example.com";
        var page = await browser.NewPhonePageAsync();
        await page.GotoAsync("/account/register");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByLabel(new Regex("I agree that Backstride stores")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            Assert.Equal(GrantOutcome.Granted, await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().GrantAsync(email));
        }

        // The role is in the sign-in cookie from the next sign-in on; the header's sign-out button must work too.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToBeVisibleAsync();
        return page;
    }

    private async Task<string> WaitForMailAsync(string orderNumber)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(browser.App.PickupDirectory))
            {
                foreach (var file in Directory.GetFiles(browser.App.PickupDirectory, "*.eml"))
                {
                    var text = await File.ReadAllTextAsync(file);
                    if (text.Contains(orderNumber, StringComparison.Ordinal))
                    {
                        return text;
                    }
                }
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No e-mail about {orderNumber} reached {browser.App.PickupDirectory}.");
    }
}
