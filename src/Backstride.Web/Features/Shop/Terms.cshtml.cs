using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Backstride.Web.Features.Shop;

[AllowAnonymous]
public sealed class ShopTermsModel(IOptions<ShopOptions> options) : PageModel
{
    public ShopOptions Shop => options.Value;
}
