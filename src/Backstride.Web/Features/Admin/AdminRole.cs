using System.Security.Claims;
using Backstride.Data.Shop;
using Backstride.Web.Infrastructure;

namespace Backstride.Web.Features.Admin;

/// <summary>
/// The shop owner's role: every page under /admin (Program.cs: AuthorizeFolder("/Admin", Policy)) and the order export
/// require it. The owner never sees anyone's diary: the admin reads shop tables only.
/// </summary>
public static class AdminRole
{
    public const string Name = "Admin";

    public const string Policy = "ShopAdmin";

    public static IServiceCollection AddShopAdmin(this IServiceCollection services)
    {
        services.AddAuthorization(options => options.AddPolicy(Policy, policy => policy
            .RequireAuthenticatedUser()
            .RequireRole(Name)));
        services.AddScoped<AdminBootstrap>();
        services.AddSingleton<ShopImages>();
        return services;
    }

    /// <summary>Who made an admin change, for the audit log.</summary>
    public static AdminActor ActorOf(ClaimsPrincipal user) => new(
        user.GetUserId() ?? throw new InvalidOperationException("Only a signed-in admin changes the shop."),
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "");
}
