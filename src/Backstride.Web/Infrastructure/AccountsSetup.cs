using Backstride.Data;
using Backstride.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Backstride.Web.Infrastructure;

public static class AccountsSetup
{
    /// <summary>Pages sign in with the cookie; API callers may send "Authorization: Bearer" instead.</summary>
    public const string CookieOrBearerScheme = "CookieOrBearer";

    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public const int MinPasswordLength = 10;

    public static void AddBackstrideAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentityCore<UserAccount>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B): long passphrases, no forced symbols.
                options.Password.RequiredLength = MinPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<BackstrideDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        var authentication = builder.Services.AddAuthentication(options =>
        {
            options.DefaultScheme = CookieOrBearerScheme;
            options.DefaultChallengeScheme = CookieOrBearerScheme;
            options.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
        });
        authentication.AddPolicyScheme(CookieOrBearerScheme, "Cookie or bearer token", options =>
            options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme);
        authentication.AddBearerToken(IdentityConstants.BearerScheme);
        authentication.AddIdentityCookies();

        // A deleted account's other devices (and a sample runner deleted after its day) are signed out within a minute,
        // not at the default half hour; one account lookup a minute per active runner is cheap.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "backstride.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // A runner on a phone should not have to sign in before every check-in.
            options.ExpireTimeSpan = TimeSpan.FromDays(30);
            options.SlidingExpiration = true;
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/sign-in";
            options.Events.OnRedirectToLogin = context => AnswerApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            // Signed in but not allowed (a runner on an admin page): 403, never the sign-in page, which sends a signed-in
            // person straight back here.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        builder.Services.AddAuthorization();
        builder.Services.AddScoped<Features.Account.Registration>();
    }

    // API callers get a status code, never an HTML sign-in page.
    private static Task AnswerApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int statusCode)
    {
        if (ApiSetup.IsApiRequest(context.HttpContext))
        {
            context.Response.StatusCode = statusCode;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
