using System.Security.Claims;
using Backstride.Data;

namespace Backstride.Web.Infrastructure;

public static class CurrentUser
{
    /// <summary>The one way to read who is signed in: the account id that Identity puts in the name-identifier claim.</summary>
    public static Guid? GetUserId(this ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}

/// <summary>The diary owner of a web request is whoever is signed in; anonymous requests see no diary rows.</summary>
internal sealed class SignedInDiaryOwner(IHttpContextAccessor httpContextAccessor) : IDiaryOwner
{
    public Guid? UserId => httpContextAccessor.HttpContext?.User.GetUserId();
}
