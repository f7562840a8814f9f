using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Stretches;

/// <summary>The pre-run routine needs no account: it is the same for everyone.</summary>
[AllowAnonymous]
public sealed class PreRunModel : PageModel
{
}
