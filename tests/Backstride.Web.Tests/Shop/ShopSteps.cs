using System.Globalization;
using System.Net;
using Backstride.Core.Shop;
using Backstride.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Backstride.Web.Tests.Shop;

/// <summary>A product a test made for itself: unique slug and name, its variants' ids in the order given.</summary>
public sealed record TestProduct(string Slug, string Name, string Token, IReadOnlyList<Guid> VariantIds);

/// <summary>The shop steps tests repeat: a product of their own, adding to the cart, checking out as a browser would.</summary>
public static class ShopSteps
{
    /// <summary>Inserts a published product with these sizes (name, price, stock), named uniquely for this test.</summary>
    public static async Task<TestProduct> NewProductAsync(this BackstrideApp app, params (string Name, decimal Price, int Stock)[] variants)
    {
        var token = Guid.NewGuid().ToString("N")[..12];
        var now = DateTimeOffset.UtcNow;
        var name = $"Test Cream {token}";
        var product = new Product
        {
            Slug = $"test-cream-{token}",
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            Summary = "A copper cream made for one test.",
            Description = "Rubbed into the lower back after a run.",
            Ingredients = "water, copper gluconate, aloe vera",
            Directions = "Rub a thin layer into the lower back.",
            SafetyText = "Not on broken skin. Never under a heating pad.",
            IsPublished = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        for (var i = 0; i < variants.Length; i++)
        {
            product.Variants.Add(new ProductVariant
            {
                ProductId = product.Id,
                Sku = $"T-{token}-{i.ToString(CultureInfo.InvariantCulture)}",
                Name = variants[i].Name,
                Price = variants[i].Price,
                Stock = variants[i].Stock,
                Position = i,
            });
        }
        await app.ReadAsAsync(owner: null, async db =>
        {
            db.Products.Add(product);
            return await db.SaveChangesAsync();
        });
        app.ForgetCatalogSnapshot();
        return new TestProduct(product.Slug, name, token, product.Variants.Select(v => v.Id).ToList());
    }

    /// <summary>
    /// Rows written straight to the database bypass the stores that drop the shop's 2-second catalog snapshot, as a
    /// write by another instance would; a test that reads the shop right after must drop it itself.
    /// </summary>
    public static void ForgetCatalogSnapshot(this BackstrideApp app) =>
        app.Services.GetRequiredService<Backstride.Data.Shop.CatalogSnapshot>().Invalidate();

    public static Task<int> StockOfAsync(this BackstrideApp app, Guid variantId) =>
        app.ReadAsAsync(owner: null, db => db.ProductVariants.Where(v => v.Id == variantId).Select(v => v.Stock).SingleAsync());

    public static Task<int> OrderCountAsync(this BackstrideApp app, string email)
    {
        var normalized = CheckoutRules.NormalizeEmail(email);
        return app.ReadAsAsync(owner: null, db => db.Orders.CountAsync(o => o.NormalizedEmail == normalized));
    }

    /// <summary>Posts the product page's form: one size and how many.</summary>
    public static Task<HttpResponseMessage> PostAddToCartAsync(this RunnerClient client, TestProduct product, string variantId, string quantity) =>
        client.PostFormAsync($"/shop/{product.Slug}", ("VariantId", variantId), ("Quantity", quantity));

    public static async Task AddToCartAsync(this RunnerClient client, TestProduct product, int variant, int quantity)
    {
        var response = await client.PostAddToCartAsync(product, product.VariantIds[variant].ToString(),
            quantity.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/shop/cart", response.Headers.Location?.OriginalString);
    }

    /// <summary>The checkout form's fields, filled in completely.</summary>
    public static (string Name, string Value)[] CheckoutFields(string email, string key, string payment = "PayOnDelivery",
        string discountCode = "") =>
    [
        ("Input.Email", email),
        ("Input.Name", "Ada Runner"),
        ("Input.Line1", "1 Long Road"),
        ("Input.Line2", ""),
        ("Input.City", "Springfield"),
        ("Input.Region", "IL"),
        ("Input.PostalCode", "62701"),
        ("Input.Country", "US"),
        ("Input.DiscountCode", discountCode),
        ("Input.PaymentMethod", payment),
        ("Input.AcceptedTerms", "true"),
        ("Input.IdempotencyKey", key),
    ];

    /// <summary>Opens the checkout page for its antiforgery token and the idempotency key it made.</summary>
    public static async Task<(string Token, string Key)> OpenCheckoutAsync(this RunnerClient client)
    {
        var form = await client.GetPageAsync("/shop/checkout");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var key = form.QuerySelector("input[name='Input.IdempotencyKey']")!.GetAttribute("value")!;
        Assert.False(string.IsNullOrEmpty(key));
        return (token, key);
    }

    /// <summary>Checks out the cart completely filled in and returns the new order's number (from the redirect).</summary>
    public static async Task<string> CheckOutAsync(this RunnerClient client, string email, string payment = "PayOnDelivery")
    {
        var (token, key) = await client.OpenCheckoutAsync();
        var response = await client.PostWithTokenAsync("/shop/checkout", token, CheckoutFields(email, key, payment));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return OrderNumberIn(response);
    }

    public static string OrderNumberIn(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        Assert.StartsWith("/shop/orders/", location, StringComparison.Ordinal);
        return location["/shop/orders/".Length..];
    }
}
