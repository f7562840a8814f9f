using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Backstride.Web.Features.Admin;
using Backstride.Web.Features.Shop;
using Backstride.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Backstride.Web.Tests.Admin;

/// <summary>
/// The owner's admin: closed to guests and runners, and the day-to-day work it exists for (products, stock, orders,
/// export) done through its pages as an admin would. Each test makes its own admin, products and orders.
/// </summary>
public abstract class AdminTests(BackstrideApp app)
{
    private const string SomeId = "0190f0c4-5c3a-7d2e-8f00-00000000a11d";

    private sealed record AdminSession(RunnerClient Client, string Email);

    private sealed record AdminProduct(Guid ProductId, Guid VariantId, string Slug, string Name, string Sku);

    // A tiny but real PNG (1 × 1 pixel).
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    /// <summary>Every admin page, handler and endpoint; <see cref="AuthorisationList_NamesEveryAdminRoute"/> keeps it complete.</summary>
    private static readonly (string Method, string Route)[] Endpoints =
    [
        ("GET", "/admin"),
        ("GET", "/admin/products"),
        ("GET", "/admin/products/new"),
        ("GET", $"/admin/products/{SomeId}"),
        ("GET", "/admin/stock"),
        ("GET", "/admin/orders"),
        ("GET", $"/admin/orders/{SomeId}"),
        ("GET", "/admin/orders.csv"),
        ("GET", "/admin/discounts"),
        ("GET", "/admin/discounts/new"),
        ("GET", $"/admin/discounts/{SomeId}"),
        ("GET", "/admin/audit"),
        ("POST", "/admin/products/new"),
        ("POST", $"/admin/products/{SomeId}"),
        ("POST", $"/admin/products/{SomeId}?handler=Publish"),
        ("POST", $"/admin/products/{SomeId}?handler=Variant"),
        ("POST", $"/admin/products/{SomeId}?handler=Stock"),
        ("POST", $"/admin/products/{SomeId}?handler=Image"),
        ("POST", $"/admin/products/{SomeId}?handler=RemoveImage"),
        ("POST", "/admin/stock"),
        ("POST", $"/admin/orders/{SomeId}?handler=Paid"),
        ("POST", $"/admin/orders/{SomeId}?handler=Shipped"),
        ("POST", $"/admin/orders/{SomeId}?handler=Delivered"),
        ("POST", $"/admin/orders/{SomeId}?handler=Cancel"),
        ("POST", $"/admin/orders/{SomeId}?handler=Refund"),
        ("POST", $"/admin/orders/{SomeId}?handler=Note"),
        ("POST", "/admin/discounts/new"),
        ("POST", $"/admin/discounts/{SomeId}"),
    ];

    public static TheoryData<string, string> AdminEndpoints()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, route) in Endpoints)
        {
            data.Add(method, route);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints), MemberType = typeof(AdminTests))]
    public async Task AdminEndpoint_Guest_IsSentToSignInAndChangesNothing(string method, string route)
    {
        var guest = app.NewRunner();
        var slug = "guest-" + Token();

        var response = await SendAsync(guest, method, route, tokenPage: "/account/sign-in", slug);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", PathOf(response.Headers.Location!), StringComparison.Ordinal);
        Assert.Equal(0, await ProductsWithSlugAsync(slug));
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints), MemberType = typeof(AdminTests))]
    public async Task AdminEndpoint_SignedInRunner_IsForbiddenAndChangesNothing(string method, string route)
    {
        var runner = await app.NewRunner().RegisterAsync();
        var slug = "runner-" + Token();

        var response = await SendAsync(runner, method, route, tokenPage: "/runs/new", slug);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Shop admin", body, StringComparison.Ordinal);
        Assert.Equal(0, await ProductsWithSlugAsync(slug));
    }

    [Fact]
    public void AuthorisationList_NamesEveryAdminRoute()
    {
        _ = app.NewRunner();
        var listed = Endpoints.Select(endpoint => endpoint.Route.Split('?')[0]).Distinct().ToList();

        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(endpoint => "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(route => route == "/admin" || route.StartsWith("/admin/", StringComparison.Ordinal) || route.StartsWith("/admin.", StringComparison.Ordinal))
            .Select(route => route.Replace("{id:guid}", SomeId, StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.NotEmpty(routes);
        Assert.All(routes, route => Assert.Contains(route, listed));
    }

    [Fact]
    public async Task GrantAdmin_RegisteredAccount_IsGrantedOnceAndUnknownEmailIsRefused()
    {
        var account = await app.NewRunner().RegisterAsync();

        var first = await GrantAsync(account.Email);
        var again = await GrantAsync(account.Email.ToUpperInvariant());
        var unknown = await GrantAsync(RunnerClient.UniqueEmail());

        Assert.Equal(GrantOutcome.Granted, first);
        Assert.Equal(GrantOutcome.AlreadyAdmin, again);
        Assert.Equal(GrantOutcome.NoSuchAccount, unknown);
    }

    [Fact]
    public async Task Dashboard_Admin_SeesTheAdminLinkAndLowStock_ARunnerSeesNoLink()
    {
        var admin = await NewAdminAsync();
        var runner = await app.NewRunner().RegisterAsync();
        var product = await CreatePublishedProductAsync(admin, stock: 2);

        var dashboard = await admin.Client.GetPageAsync("/admin");
        var adminHome = await admin.Client.GetPageAsync("/");
        var runnerHome = await runner.GetPageAsync("/");

        Assert.NotNull(adminHome.QuerySelector("header a[href='/admin']"));
        Assert.Null(runnerHome.QuerySelector("header a[href='/admin']"));
        Assert.NotNull(dashboard.QuerySelector("[data-figure='awaiting-payment']"));
        Assert.NotNull(dashboard.QuerySelector("[data-figure='awaiting-shipping']"));
        // A fresh install's bank details are samples: the owner is told before a customer is shown them.
        Assert.Contains("still the samples", dashboard.QuerySelector("#sample-bank-details")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(product.Sku, dashboard.QuerySelector("#low-stock-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Product_CreatedWithASizeAndPublished_IsInTheShop_AndHiddenItIsNot()
    {
        var admin = await NewAdminAsync();
        var guest = app.NewRunner();
        var token = Token();
        var productId = await CreateProductAsync(admin, $"admin-cream-{token}", $"Admin Cream {token}");
        var sku = $"AC-{token}";
        await AddVariantAsync(admin, productId, sku, "50 ml tube", "14.95");
        var variantId = await VariantIdAsync(sku);
        await SetStockAsync(admin, productId, variantId, 12);

        var beforePublishing = await guest.Http.GetAsync($"/shop/admin-cream-{token}");
        await PublishAsync(admin, productId, publish: true);
        var shopPage = await guest.GetPageAsync($"/shop/admin-cream-{token}");
        var list = await admin.Client.GetPageAsync("/admin/products");

        Assert.Equal(HttpStatusCode.NotFound, beforePublishing.StatusCode);
        var text = shopPage.Body!.TextContent;
        Assert.Contains($"Admin Cream {token}", text, StringComparison.Ordinal);
        Assert.Contains("50 ml tube", text, StringComparison.Ordinal);
        Assert.Contains("14.95", text, StringComparison.Ordinal);
        var row = list.QuerySelectorAll(".admin-table tbody tr").Single(tr => tr.TextContent.Contains(token, StringComparison.Ordinal));
        Assert.Contains("Published", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewProduct_Invalid_KeepsWhatWasTypedAndSavesNothing()
    {
        var admin = await NewAdminAsync();
        var name = "Half-typed " + Token();

        var response = await admin.Client.PostFormAsync("/admin/products/new",
            ("Input.Name", name), ("Input.Slug", "Not A Slug"), ("Input.Summary", "Kept summary"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await RunnerClient.ParseAsync(response);
        Assert.Contains("lower-case letters", page.QuerySelector("[data-valmsg-for='Input.Slug']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Not A Slug", page.QuerySelector("input[name='Input.Slug']")!.GetAttribute("value"));
        Assert.Equal(name, page.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));
        Assert.Equal("Kept summary", page.QuerySelector("textarea[name='Input.Summary']")!.TextContent.Trim());
        Assert.Equal(0, await app.ReadAsAsync(null, db => db.Set<Product>().CountAsync(p => p.Name == name)));
    }

    [Fact]
    public async Task Stock_AdjustedWithAReason_ChangesTheCountAndIsInTheAuditLog()
    {
        var admin = await NewAdminAsync();
        var product = await CreatePublishedProductAsync(admin, stock: 10);

        var adjusted = await admin.Client.PostFormAsync("/admin/stock", ("Stock.VariantId", product.VariantId.ToString()),
            ("Stock.Mode", "Adjust"), ("Stock.Quantity", "-3"), ("Stock.Reason", "3 tubes damaged in storage"));
        var audit = await admin.Client.GetPageAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.Redirect, adjusted.StatusCode);
        Assert.Equal(7, await StockOfAsync(product.VariantId));
        var entry = audit.QuerySelectorAll(".audit-table tbody tr")
            .First(tr => tr.TextContent.Contains("3 tubes damaged in storage", StringComparison.Ordinal)).TextContent;
        Assert.Contains("stock.adjust", entry, StringComparison.Ordinal);
        Assert.Contains(admin.Email, entry, StringComparison.Ordinal);
        Assert.Contains(product.Name, entry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stock_WithoutAReason_IsRefusedKeepsTheNumberAndChangesNothing()
    {
        var admin = await NewAdminAsync();
        var product = await CreatePublishedProductAsync(admin, stock: 10);

        var response = await admin.Client.PostFormAsync("/admin/stock", ("Stock.VariantId", product.VariantId.ToString()),
            ("Stock.Mode", "Adjust"), ("Stock.Quantity", "24"), ("Stock.Reason", "  "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await RunnerClient.ParseAsync(response);
        Assert.Contains("Say why the stock changes", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("24", page.QuerySelector("input[name='Stock.Quantity']")!.GetAttribute("value"));
        Assert.Equal(10, await StockOfAsync(product.VariantId));
    }

    [Fact]
    public async Task Order_MarkedPaidAndShippedWithATrackingNumber_ShowsShippedWithIt()
    {
        var admin = await NewAdminAsync();
        var product = await CreatePublishedProductAsync(admin, stock: 10);
        var order = await PlaceOrderAsync(product.VariantId, 2, RunnerClient.UniqueEmail());
        var url = $"/admin/orders/{order.Id}";
        var token = await admin.Client.AntiforgeryTokenAsync(url);

        var withoutTracking = await admin.Client.PostWithTokenAsync(url + "?handler=Shipped", token, ("TrackingNumber", ""));
        var paid = await admin.Client.PostWithTokenAsync(url + "?handler=Paid", token);
        var shipped = await admin.Client.PostWithTokenAsync(url + "?handler=Shipped", token, ("TrackingNumber", "1Z999AA10123456784"));
        var page = await admin.Client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, withoutTracking.StatusCode);
        Assert.Contains("Enter the tracking number", (await RunnerClient.ParseAsync(withoutTracking)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, shipped.StatusCode);
        Assert.Equal("Shipped", page.QuerySelector("[data-status='shipping']")!.TextContent.Trim());
        Assert.Equal("Paid", page.QuerySelector("[data-status='payment']")!.TextContent.Trim());
        Assert.Equal("1Z999AA10123456784", page.QuerySelector("[data-tracking]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector($"form[action='{url}?handler=Cancel']"));
    }

    [Fact]
    public async Task Order_Cancelled_ReturnsItsStock_AndCannotBeCancelledTwice()
    {
        var admin = await NewAdminAsync();
        var product = await CreatePublishedProductAsync(admin, stock: 10);
        var order = await PlaceOrderAsync(product.VariantId, 3, RunnerClient.UniqueEmail());
        var url = $"/admin/orders/{order.Id}";
        var token = await admin.Client.AntiforgeryTokenAsync(url);
        var afterOrder = await StockOfAsync(product.VariantId);

        var cancelled = await admin.Client.PostWithTokenAsync(url + "?handler=Cancel", token, ("CancelReason", "Customer changed their mind"));
        var again = await admin.Client.PostWithTokenAsync(url + "?handler=Cancel", token, ("CancelReason", "Pressed twice"));
        var page = await admin.Client.GetPageAsync(url);

        Assert.Equal(7, afterOrder);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already cancelled", (await RunnerClient.ParseAsync(again)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(10, await StockOfAsync(product.VariantId));
        Assert.Equal("Cancelled", page.QuerySelector("[data-status='order']")!.TextContent.Trim());
    }

    [Fact]
    public async Task OrdersCsv_OfASearch_HasAHeaderAndOneRowPerOrder_AndNeutralisesAFormula()
    {
        var admin = await NewAdminAsync();
        var product = await CreatePublishedProductAsync(admin, stock: 20);
        var email = RunnerClient.UniqueEmail();
        var first = await PlaceOrderAsync(product.VariantId, 2, email, name: "=1+2");
        var second = await PlaceOrderAsync(product.VariantId, 1, email);

        var list = await admin.Client.GetPageAsync("/admin/orders?q=" + Uri.EscapeDataString(email));
        var response = await admin.Client.Http.GetAsync("/admin/orders.csv?q=" + Uri.EscapeDataString(email));

        Assert.Equal(2, list.QuerySelectorAll(".admin-table tbody tr").Length);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("number,created,email,name,country,status,payment,shipping,subtotal,discount,shipping_cost,tax,total,refunded,currency,items",
            lines[0]);
        var firstRow = Assert.Single(lines, line => line.StartsWith(first.Number + ",", StringComparison.Ordinal));
        Assert.Single(lines, line => line.StartsWith(second.Number + ",", StringComparison.Ordinal));
        Assert.Contains(",\"'=1+2\",", firstRow, StringComparison.Ordinal);
        Assert.Contains($"2 × {product.Sku}", firstRow, StringComparison.Ordinal);
        Assert.Contains(",US,Placed,Pending,NotShipped,", firstRow, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_RealPngIsStoredAndServed_ATextFileNamedPngIsRefused()
    {
        var admin = await NewAdminAsync();
        var product = await CreatePublishedProductAsync(admin, stock: 5);
        var url = $"/admin/products/{product.ProductId}";

        var forged = await UploadImageAsync(admin, url, "<?php echo 'not an image'; ?>"u8.ToArray(), "photo.png", "Front of the tube");
        var real = await UploadImageAsync(admin, url, Png, "tube.png", "Front of the 50 ml tube");
        var page = await admin.Client.GetPageAsync(url);
        var src = page.QuerySelector(".admin-images img")!.GetAttribute("src")!;
        var served = await app.NewRunner().Http.GetAsync(src);
        var madeUp = await app.NewRunner().Http.GetAsync("/shop/images/not-a-guid.png");

        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("Only JPEG, PNG and WebP", (await RunnerClient.ParseAsync(forged)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.Single(page.QuerySelectorAll(".admin-images img"));
        Assert.Equal("Front of the 50 ml tube", page.QuerySelector(".admin-images img")!.GetAttribute("alt"));
        Assert.Matches("^/shop/images/[0-9a-f]{32}\\.png$", src);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Convert.ToBase64String(Png), Convert.ToBase64String(await served.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotFound, madeUp.StatusCode);
    }

    [Fact]
    public async Task Admin_CannotOpenARunnersRun()
    {
        var runner = await app.NewRunner().RegisterAsync();
        var runId = await runner.LogRunAsync(notes: "Private note of the runner");
        var admin = await NewAdminAsync();

        var response = await admin.Client.Http.GetAsync($"/runs/{runId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Private note of the runner", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Token() => Guid.NewGuid().ToString("N")[..12];

    private static string PathOf(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    private static async Task<HttpResponseMessage> SendAsync(RunnerClient client, string method, string route, string tokenPage,
        string slug)
    {
        if (method == "GET")
        {
            return await client.Http.GetAsync(route);
        }
        // A valid token of the client's own: the refusal must come from the role, not from antiforgery.
        var token = await client.AntiforgeryTokenAsync(tokenPage);
        return await client.PostWithTokenAsync(route, token,
            ("Input.Name", "Intruder's cream"), ("Input.Slug", slug), ("publish", "true"),
            ("Variant.Sku", "X-" + slug), ("Variant.Name", "Huge"), ("Variant.Price", "1.00"),
            ("Stock.VariantId", SomeId), ("Stock.Mode", "Set"), ("Stock.Quantity", "0"), ("Stock.Reason", "Intruder"),
            ("imageId", SomeId), ("TrackingNumber", "X1"), ("CancelReason", "Intruder"), ("RefundAmount", "1.00"),
            ("NoteText", "Intruder"), ("Input.Code", "INTRUDER"), ("Input.Kind", "Percent"), ("Input.Value", "100"));
    }

    private Task<int> ProductsWithSlugAsync(string slug) =>
        app.ReadAsAsync(null, db => db.Set<Product>().CountAsync(p => p.Slug == slug));

    private Task<int> StockOfAsync(Guid variantId) =>
        app.ReadAsAsync(null, db => db.Set<ProductVariant>().Where(v => v.Id == variantId).Select(v => v.Stock).SingleAsync());

    private Task<Guid> VariantIdAsync(string sku) =>
        app.ReadAsAsync(null, db => db.Set<ProductVariant>().Where(v => v.Sku == sku).Select(v => v.Id).SingleAsync());

    private async Task<GrantOutcome> GrantAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().GrantAsync(email);
    }

    /// <summary>Registers an account as anyone would, grants it the role the way start-up does, then signs in afresh.</summary>
    private async Task<AdminSession> NewAdminAsync()
    {
        var account = await app.NewRunner().RegisterAsync();
        Assert.Equal(GrantOutcome.Granted, await GrantAsync(account.Email));
        var admin = app.NewRunner();
        var signedIn = await admin.PostFormAsync("/account/sign-in",
            ("Input.Email", account.Email), ("Input.Password", RunnerClient.Password), ("Input.KeepSignedIn", "false"));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return new AdminSession(admin, account.Email);
    }

    private static async Task<Guid> CreateProductAsync(AdminSession admin, string slug, string name)
    {
        var created = await admin.Client.PostFormAsync("/admin/products/new",
            ("Input.Name", name), ("Input.Slug", slug), ("Input.Summary", "A copper cream for the lower back."),
            ("Input.Description", "Rubbed into the lower back after a run."), ("Input.Ingredients", "water, copper gluconate"),
            ("Input.Directions", "A thin layer on the lower back."), ("Input.SafetyText", "Not on broken skin."));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.StartsWith("/admin/products/", location, StringComparison.Ordinal);
        return Guid.Parse(location["/admin/products/".Length..]);
    }

    private static async Task AddVariantAsync(AdminSession admin, Guid productId, string sku, string name, string price)
    {
        var added = await admin.Client.PostFormAsync($"/admin/products/{productId}?handler=Variant",
            ("Variant.Sku", sku), ("Variant.Name", name), ("Variant.Price", price), ("Variant.LowStockThreshold", "5"),
            ("Variant.Position", "0"), ("Variant.IsActive", "true"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
    }

    private static async Task SetStockAsync(AdminSession admin, Guid productId, Guid variantId, int stock)
    {
        var set = await admin.Client.PostFormAsync($"/admin/products/{productId}?handler=Stock",
            ("Stock.VariantId", variantId.ToString()), ("Stock.Mode", "Set"),
            ("Stock.Quantity", stock.ToString(CultureInfo.InvariantCulture)), ("Stock.Reason", "First delivery"));
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
    }

    private static async Task PublishAsync(AdminSession admin, Guid productId, bool publish)
    {
        var published = await admin.Client.PostFormAsync($"/admin/products/{productId}?handler=Publish",
            ("publish", publish ? "true" : "false"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
    }

    /// <summary>A published product with one size and this much stock, made through the admin pages.</summary>
    private async Task<AdminProduct> CreatePublishedProductAsync(AdminSession admin, int stock)
    {
        var token = Token();
        var slug = $"admin-test-{token}";
        var name = $"Admin Test Cream {token}";
        var sku = $"AT-{token}";
        var productId = await CreateProductAsync(admin, slug, name);
        await AddVariantAsync(admin, productId, sku, "50 ml tube", "14.95");
        var variantId = await VariantIdAsync(sku);
        await SetStockAsync(admin, productId, variantId, stock);
        await PublishAsync(admin, productId, publish: true);
        return new AdminProduct(productId, variantId, slug, name, sku);
    }

    /// <summary>Places an order through the shop's own checkout service, as a guest paying on delivery.</summary>
    private async Task<Order> PlaceOrderAsync(Guid variantId, int quantity, string email, string name = "Ada Runner")
    {
        Guid cartId;
        ShopRules rules;
        // The cart and the checkout each in their own scope, as in two requests.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            rules = scope.ServiceProvider.GetRequiredService<IOptions<ShopOptions>>().Value.ToRules();
            var change = await scope.ServiceProvider.GetRequiredService<CartStore>().AddAsync(null, null, variantId, quantity, rules);
            cartId = change.Cart.Id;
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var draft = new CheckoutDraft(email, name, "1 Long Road", null, "Springfield", "IL", "62701", "US", null,
                PaymentMethod.PayOnDelivery, AcceptedTerms: true, IdempotencyKey: Guid.NewGuid().ToString());
            var result = await scope.ServiceProvider.GetRequiredService<CheckoutService>()
                .PlaceOrderAsync(cartId, draft, rules, userId: null, pricesConfirmed: true);
            Assert.Equal(CheckoutOutcome.Placed, result.Outcome);
            return result.Order!;
        }
    }

    private static async Task<HttpResponseMessage> UploadImageAsync(AdminSession admin, string url, byte[] bytes, string fileName,
        string altText)
    {
        var token = await admin.Client.AntiforgeryTokenAsync(url);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent(altText), "Image.AltText");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "Image.File", fileName);
        return await admin.Client.Http.PostAsync(url + "?handler=Image", form);
    }
}

public sealed class AdminTestsOnSqlite(BackstrideApp app) : AdminTests(app), IClassFixture<BackstrideApp>;

public sealed class AdminTestsOnPostgres(PostgresBackstrideApp app) : AdminTests(app), IClassFixture<PostgresBackstrideApp>;
