using Microsoft.Extensions.DependencyInjection;

namespace Backstride.Data.Shop;

public static class ShopStoresSetup
{
    /// <summary>The shop's stores, one per request like the context they share. They need a TimeProvider registered.</summary>
    public static IServiceCollection AddShopStores(this IServiceCollection services)
    {
        services.AddSingleton<CatalogSnapshot>();
        services.AddScoped<CatalogStore>();
        services.AddScoped<CartStore>();
        services.AddScoped<CheckoutService>();
        services.AddScoped<OrderStore>();
        services.AddScoped<CatalogAdminStore>();
        services.AddScoped<DiscountStore>();
        services.AddScoped<AuditLog>();
        return services;
    }
}
