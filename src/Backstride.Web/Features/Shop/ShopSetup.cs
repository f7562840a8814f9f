using Backstride.Core.Shop;
using Backstride.Data;
using Backstride.Data.Shop;
using Microsoft.Extensions.Options;

namespace Backstride.Web.Features.Shop;

public static class ShopSetup
{
    /// <summary>The shop: settings from "Shop" (checked at start-up), its stores, carts, order access and e-mails.</summary>
    public static IServiceCollection AddShop(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ShopOptions>().Bind(configuration.GetSection(ShopOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ShopOptions>, ShopOptionsValidation>();
        services.AddShopStores();
        services.AddSingleton<CartCookie>();
        services.AddScoped<CurrentCart>();
        services.AddScoped<OrderAccess>();
        services.AddScoped<OrderEmails>();
        // No ICardPaymentProvider is registered: there is no card provider yet (see Payments.cs).
        return services;
    }

    /// <summary>A fresh install shows a clearly marked sample catalog; runs once the schema is up to date.</summary>
    public static async Task SeedShopAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BackstrideDbContext>();
        await ShopSeeder.SeedSampleCatalogIfEmptyAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>());
    }

    /// <summary>Where a product image is served (by the endpoint that also takes the owner's uploads, Admin/ShopImages.cs).</summary>
    public static string ImageUrl(ProductImage image) => Admin.ShopImages.UrlOf(image.FileName);
}
