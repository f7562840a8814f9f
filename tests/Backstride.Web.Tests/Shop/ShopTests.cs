using System.Net;
using AngleSharp.Html.Dom;
using Backstride.Core.Shop;
using Backstride.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Backstride.Web.Tests.Shop;

public abstract class ShopTests(BackstrideApp app)
{
    [Fact]
    public async Task ProductListAndPage_ShowPricesAndStockInWords_SoldOutSizeCannotBeChosen()
    {
        var visitor = app.NewRunner();
        var product = await app.NewProductAsync(("50 ml tube", 14.95m, 3), ("100 ml tube", 24.95m, 40), ("Travel sachet", 4.95m, 0));

        var everything = await visitor.GetPageAsync("/shop");
        var found = await visitor.GetPageAsync($"/shop?q={product.Token.ToUpperInvariant()}");
        var page = await visitor.GetPageAsync($"/shop/{product.Slug}");

        Assert.Contains("Sample catalog: the shop owner replaces these products",
            everything.QuerySelector(".sample-banner")!.TextContent, StringComparison.Ordinal);
        var card = Assert.Single(found.QuerySelectorAll(".product-card"));
        Assert.Equal(product.Name, card.QuerySelector(".product-name")!.TextContent.Trim());
        Assert.Equal("From $4.95", card.QuerySelector(".price")!.TextContent.Trim());
        Assert.Equal("In stock", card.QuerySelector(".stock")!.TextContent.Trim());
        Assert.Null(found.QuerySelector(".sample-banner"));
        var sizes = page.QuerySelectorAll(".variant-choice");
        Assert.Equal(3, sizes.Length);
        Assert.Contains("$14.95", sizes[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Only 3 left", sizes[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("In stock", sizes[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Out of stock", sizes[2].TextContent, StringComparison.Ordinal);
        Assert.False(sizes[0].QuerySelector("input")!.HasAttribute("disabled"));
        Assert.True(sizes[2].QuerySelector("input")!.HasAttribute("disabled"));
        Assert.Contains("copper gluconate", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Never under a heating pad", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuestCart_TwoSizes_ShowsEachLineAndTheTotalsWithShipping()
    {
        var guest = app.NewRunner();
        var product = await app.NewProductAsync(("50 ml tube", 14.95m, 20), ("100 ml tube", 24.95m, 20));

        await guest.AddToCartAsync(product, variant: 0, quantity: 2);
        await guest.AddToCartAsync(product, variant: 1, quantity: 1);
        var cart = await guest.GetPageAsync("/shop/cart");
        var removed = await guest.PostFormAsync("/shop/cart?handler=Remove", ("variantId", product.VariantIds[1].ToString()));
        var smaller = await guest.GetPageAsync("/shop/cart");

        var lines = cart.QuerySelectorAll(".cart-line");
        Assert.Equal(2, lines.Length);
        Assert.Contains("50 ml tube", lines[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("2", lines[0].QuerySelector("input[name=quantity]")!.GetAttribute("value"));
        Assert.Equal("$29.90", lines[0].QuerySelector(".line-total")!.TextContent.Trim());
        Assert.Equal("$24.95", lines[1].QuerySelector(".line-total")!.TextContent.Trim());
        Assert.Equal("$54.85", Text(cart, "#cart-subtotal"));
        Assert.Equal("Free", Text(cart, "#cart-shipping"));
        Assert.Equal("$54.85", Text(cart, "#cart-total"));
        Assert.Equal("Cart (3)", Text(cart, ".cart-link"));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Single(smaller.QuerySelectorAll(".cart-line"));
        Assert.Equal("$5.95", Text(smaller, "#cart-shipping"));
        Assert.Equal("$35.85", Text(smaller, "#cart-total"));
        Assert.Contains("Add $20.10 more for free shipping", Text(smaller, "#free-shipping-hint"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkout_MissingFields_NamesEachFieldKeepsWhatWasTypedAndOrdersNothing()
    {
        var guest = app.NewRunner();
        var product = await app.NewProductAsync(("50 ml tube", 14.95m, 20));
        await guest.AddToCartAsync(product, 0, 1);
        var email = RunnerClient.UniqueEmail();
        var (token, key) = await guest.OpenCheckoutAsync();

        var response = await guest.PostWithTokenAsync("/shop/checkout", token,
            ("Input.Email", email), ("Input.Name", "Ada Runner"), ("Input.Line1", ""), ("Input.City", ""),
            ("Input.PostalCode", ""), ("Input.Country", "US"), ("Input.Region", "IL"), ("Input.IdempotencyKey", key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await RunnerClient.ParseAsync(response);
        Assert.Contains("street address", Text(page, "#line1-error"), StringComparison.Ordinal);
        Assert.NotEmpty(Text(page, "#city-error"));
        Assert.NotEmpty(Text(page, "#postalcode-error"));
        Assert.NotEmpty(Text(page, "#payment-error"));
        Assert.NotEmpty(Text(page, "#terms-error"));
        Assert.Empty(Text(page, "#email-error"));
        Assert.Empty(Text(page, "#name-error"));
        Assert.Equal(email, page.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.Equal("Ada Runner", page.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal("IL", page.QuerySelector("#Input_Region")!.GetAttribute("value"));
        Assert.Equal(key, page.QuerySelector("input[name='Input.IdempotencyKey']")!.GetAttribute("value"));
        Assert.Equal(0, await app.OrderCountAsync(email));
    }

    [Fact]
    public async Task Checkout_DiscountCodes_ApplyReRendersTotalsAndUnknownOrExpiredCodesSayWhy()
    {
        var guest = app.NewRunner();
        var product = await app.NewProductAsync(("50 ml tube", 14.95m, 20));
        var now = DateTimeOffset.UtcNow;
        var expired = $"OLD-{product.Token.ToUpperInvariant()}";
        var valid = $"TEN-{product.Token.ToUpperInvariant()}";
        await app.ReadAsAsync(owner: null, async db =>
        {
            db.DiscountCodes.Add(new DiscountCode
            {
                Code = expired, Kind = DiscountKind.Percent, Value = 10, StartsAt = now.AddDays(-30), EndsAt = now.AddDays(-1),
                CreatedAt = now.AddDays(-30),
            });
            db.DiscountCodes.Add(new DiscountCode { Code = valid, Kind = DiscountKind.Percent, Value = 10, CreatedAt = now });
            return await db.SaveChangesAsync();
        });
        await guest.AddToCartAsync(product, 0, 1);
        var email = RunnerClient.UniqueEmail();
        var (token, key) = await guest.OpenCheckoutAsync();

        var unknown = await RunnerClient.ParseAsync(await guest.PostWithTokenAsync("/shop/checkout?handler=Apply", token,
            ShopSteps.CheckoutFields(email, key, discountCode: "NO-SUCH-CODE")));
        var old = await RunnerClient.ParseAsync(await guest.PostWithTokenAsync("/shop/checkout?handler=Apply", token,
            ShopSteps.CheckoutFields(email, key, discountCode: expired.ToLowerInvariant())));
        var applied = await RunnerClient.ParseAsync(await guest.PostWithTokenAsync("/shop/checkout?handler=Apply", token,
            ShopSteps.CheckoutFields(email, key, discountCode: valid.ToLowerInvariant())));
        var refused = await guest.PostWithTokenAsync("/shop/checkout", token,
            ShopSteps.CheckoutFields(email, key, discountCode: "NO-SUCH-CODE"));

        Assert.Contains("not valid", Text(unknown, "#discountcode-error"), StringComparison.Ordinal);
        Assert.Equal("NO-SUCH-CODE", unknown.QuerySelector("#Input_DiscountCode")!.GetAttribute("value"));
        Assert.Null(unknown.QuerySelector("#checkout-discount"));
        Assert.Equal("$20.90", Text(unknown, "#checkout-total"));
        Assert.Contains("expired", Text(old, "#discountcode-error"), StringComparison.Ordinal);
        Assert.Empty(Text(applied, "#discountcode-error"));
        Assert.Equal("−$1.50", Text(applied, "#checkout-discount"));
        Assert.Equal("$19.40", Text(applied, "#checkout-total"));
        Assert.Equal(key, applied.QuerySelector("input[name='Input.IdempotencyKey']")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("not valid", Text(await RunnerClient.ParseAsync(refused), "#discountcode-error"), StringComparison.Ordinal);
        Assert.Equal(0, await app.OrderCountAsync(email));
    }

    [Fact]
    public async Task ProductPage_QuantityAboveStock_RefusedWithAMessageAndNothingAdded()
    {
        var guest = app.NewRunner();
        var product = await app.NewProductAsync(("50 ml tube", 14.95m, 3));

        var response = await guest.PostAddToCartAsync(product, product.VariantIds[0].ToString(), "5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await RunnerClient.ParseAsync(response);
        Assert.Contains("Only 3 left", Text(page, "#quantity-error"), StringComparison.Ordinal);
        Assert.Equal("5", page.QuerySelector("#Quantity")!.GetAttribute("value"));
        var cart = await guest.GetPageAsync("/shop/cart");
        Assert.Contains("Your cart is empty", cart.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, await app.StockOfAsync(product.VariantIds[0]));
    }

    [Fact]
    public async Task TamperedVariantId_ClearMessageNothingInTheCartAndNoOrder()
    {
        var guest = app.NewRunner();
        var product = await app.NewProductAsync(("50 ml tube", 14.95m, 20));
        var other = await app.NewProductAsync(("100 ml tube", 24.95m, 20));
        var email = RunnerClient.UniqueEmail();

        var otherProducts = await guest.PostAddToCartAsync(product, other.VariantIds[0].ToString(), "1");
        var madeUp = await guest.PostAddToCartAsync(product, Guid.NewGuid().ToString(), "1");
        var notAnId = await guest.PostAddToCartAsync(product, "1 OR 1=1", "1");
        var token = await guest.AntiforgeryTokenAsync($"/shop/{product.Slug}");
        var checkout = await guest.PostWithTokenAsync("/shop/checkout", token,
            ShopSteps.CheckoutFields(email, Guid.NewGuid().ToString("N")));

        foreach (var response in new[] { otherProducts, madeUp, notAnId })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await RunnerClient.ParseAsync(response);
            Assert.Contains("Choose one of the sizes shown", Text(page, "#variant-error"), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Redirect, checkout.StatusCode);
        Assert.Equal("/shop/cart", checkout.Headers.Location?.OriginalString);
        Assert.Contains("Your cart is empty", (await guest.GetPageAsync("/shop/cart")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.OrderCountAsync(email));
        Assert.Equal(20, await app.StockOfAsync(other.VariantIds[0]));
    }

    [Fact]
    public async Task Checkout_SameFormPostedTwice_MakesOneOrderAndShowsItAgain()
    {
        var guest = app.NewRunner();
        var product = await app.NewProductAsync(("50 ml tube", 14.95m, 20));
        await guest.AddToCartAsync(product, 0, 2);
        var email = RunnerClient.UniqueEmail();
        var (token, key) = await guest.OpenCheckoutAsync();
        var fields = ShopSteps.CheckoutFields(email, key);

        var first = await guest.PostWithTokenAsync("/shop/checkout", token, fields);
        var second = await guest.PostWithTokenAsync("/shop/checkout", token, fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var number = ShopSteps.OrderNumberIn(first);
        Assert.Equal(number, ShopSteps.OrderNumberIn(second));
        Assert.Equal(1, await app.OrderCountAsync(email));
        Assert.Equal(18, await app.StockOfAsync(product.VariantIds[0]));
        var shown = await guest.GetPageAsync($"/shop/orders/{number}");
        Assert.Contains(number, shown.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("already placed", Text(shown, ".notice"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuestCart_SignIn_MergesIntoTheRunnersCart()
    {
        var runner = await app.NewRunner().RegisterAsync();
        var product = await app.NewProductAsync(("50 ml tube", 14.95m, 20), ("100 ml tube", 24.95m, 20));
        await runner.AddToCartAsync(product, 0, 1);
        var guest = app.NewRunner();
        await guest.AddToCartAsync(product, 0, 2);
        await guest.AddToCartAsync(product, 1, 1);

        var signIn = await guest.PostFormAsync("/account/sign-in",
            ("Input.Email", runner.Email), ("Input.Password", RunnerClient.Password));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        foreach (var client in new[] { guest, runner })
        {
            var cart = await client.GetPageAsync("/shop/cart");
            var lines = cart.QuerySelectorAll(".cart-line");
            Assert.Equal(2, lines.Length);
            Assert.Equal("3", QuantityOf(lines, "50 ml tube"));
            Assert.Equal("1", QuantityOf(lines, "100 ml tube"));
        }
        var userId = await app.UserIdAsync(runner.Email);
        Assert.Equal(1, await app.ReadAsAsync(owner: null, db => db.Carts.CountAsync(c => c.UserId == userId)));
    }

    [Fact]
    public async Task OrderStatus_WrongEmailFindsNothing_RightEmailShowsStatusAndBankDetails()
    {
        var guest = app.NewRunner();
        var product = await app.NewProductAsync(("50 ml tube", 14.95m, 20));
        await guest.AddToCartAsync(product, 0, 1);
        var email = RunnerClient.UniqueEmail();
        var number = await guest.CheckOutAsync(email, payment: "BankTransfer");
        var visitor = app.NewRunner();

        var withoutProof = await visitor.Http.GetAsync($"/shop/orders/{number}");
        var wrong = await visitor.PostFormAsync("/shop/order-status", ("Number", number), ("Email", "someone.else@example.com"));
        var right = await visitor.PostFormAsync("/shop/order-status", ("Number", number.ToLowerInvariant()), ("Email", email.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.Redirect, withoutProof.StatusCode);
        Assert.StartsWith("/shop/order-status", withoutProof.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var notFound = await RunnerClient.ParseAsync(wrong);
        Assert.Contains("couldn't find an order", Text(notFound, ".error-summary"), StringComparison.Ordinal);
        Assert.DoesNotContain(product.Name, notFound.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("62701", notFound.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal($"/shop/orders/{number}", right.Headers.Location?.OriginalString);
        var status = await visitor.GetPageAsync($"/shop/orders/{number}");
        Assert.Contains("Placed", Text(status, "#order-status"), StringComparison.Ordinal);
        Assert.Contains("Waiting for your bank transfer", Text(status, "#payment-status"), StringComparison.Ordinal);
        Assert.Equal("Not shipped yet", Text(status, "#shipping-status"));
        Assert.Equal(number, Text(status, "#bank-reference"));
        Assert.Equal("GB00 SAMP 0000 0000 0000 00", Text(status, "#bank-account"));
        Assert.Contains(product.Name, status.QuerySelector(".order-lines")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("$20.90", Text(status, "#order-total"));
    }

    [Fact]
    public async Task MyOrders_RequiresSignIn_AndListsOnlyTheRunnersOwnOrders()
    {
        var guest = app.NewRunner();
        var product = await app.NewProductAsync(("50 ml tube", 14.95m, 20));
        var first = await app.NewRunner().RegisterAsync();
        var second = await app.NewRunner().RegisterAsync();
        await first.AddToCartAsync(product, 0, 1);
        var firstNumber = await first.CheckOutAsync(first.Email);
        await second.AddToCartAsync(product, 0, 1);
        var secondNumber = await second.CheckOutAsync(second.Email);

        var anonymous = await guest.Http.GetAsync("/shop/my-orders");
        var mine = await first.GetPageAsync("/shop/my-orders");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var listed = mine.QuerySelectorAll(".my-orders .item-title").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal($"Order {firstNumber}", Assert.Single(listed));
        Assert.DoesNotContain(secondNumber, mine.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await first.Http.GetAsync($"/shop/orders/{secondNumber}")).StatusCode);
    }

    private static string Text(IHtmlDocument page, string selector)
    {
        var element = page.QuerySelector(selector);
        Assert.NotNull(element);
        return element.TextContent.Trim();
    }

    private static string? QuantityOf(AngleSharp.Dom.IHtmlCollection<AngleSharp.Dom.IElement> lines, string variantName) =>
        lines.Single(l => l.QuerySelector(".meta")!.TextContent.Contains(variantName, StringComparison.Ordinal))
            .QuerySelector("input[name=quantity]")!.GetAttribute("value");
}

public sealed class ShopTestsOnSqlite(BackstrideApp app) : ShopTests(app), IClassFixture<BackstrideApp>;

public sealed class ShopTestsOnPostgres(PostgresBackstrideApp app) : ShopTests(app), IClassFixture<PostgresBackstrideApp>;
