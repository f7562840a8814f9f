using Backstride.Web.Features.SampleData;
using System.Globalization;
using Backstride.Web.Features.Admin;
using Backstride.Web.Features.Exports;
using Backstride.Web.Features.Imports;
using Backstride.Web.Features.Shop;
using Backstride.Web.Features.Training;
using Backstride.Web.Infrastructure;
using Backstride.Web.Infrastructure.Email;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
var storage = builder.AddBackstrideStorage();
builder.AddBackstrideAccounts();
builder.Services.AddImports(builder.Configuration);
builder.Services.AddShop(builder.Configuration);
builder.Services.AddShopAdmin();
builder.Services.AddDataProtection()
    .SetApplicationName("Backstride")
    .PersistKeysToDbContext<Backstride.Data.BackstrideDbContext>();
builder.Services.Configure<EmailOptions>(builder.Configuration.GetSection(EmailOptions.SectionName));
builder.Services.Configure<AppOptions>(builder.Configuration.GetSection(AppOptions.SectionName));
// Behind a load balancer on this machine or a configured proxy, the client's scheme and address come from its headers.
builder.Services.Configure<ForwardedHeadersOptions>(options =>
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
builder.Services.AddSingleton<IEmailSender, EmailSender>();
builder.Services.AddRazorPages(options =>
{
    options.RootDirectory = "/Features";
    options.Conventions.AuthorizeFolder("/");
    options.Conventions.AuthorizeFolder("/Admin", AdminRole.Policy);
    options.Conventions.AllowAnonymousToPage("/Index");
    options.Conventions.AllowAnonymousToFolder("/Status");
    options.Conventions.AllowAnonymousToFolder("/Account");
});
builder.Services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
builder.AddBackstrideApi();
builder.Services.AddSampleDataRateLimit(builder.Configuration);

var app = builder.Build();

app.UseForwardedHeaders();
await app.MigrateDatabaseAsync();
await app.SeedShopAsync();
await app.GrantConfiguredAdminsAsync();
// `dotnet run -- grant-admin EMAIL` makes an existing account a shop admin, then exits without serving.
if (AdminBootstrapSetup.GrantVerbEmail(args) is { } adminEmail)
{
    Environment.ExitCode = await app.GrantFromCommandLineAsync(adminEmail);
    await app.DisposeAsync();
    return;
}

// Pages read and write numbers and dates one way, whatever the server's culture.
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(CultureInfo.GetCultureInfo("en-US")),
    SupportedCultures = [CultureInfo.GetCultureInfo("en-US")],
    SupportedUICultures = [CultureInfo.GetCultureInfo("en-US")],
});
// The API answers failures as ProblemDetails; pages answer with a friendly page.
app.UseWhen(ApiSetup.IsApiRequest, api =>
{
    api.UseExceptionHandler(handler => handler.Run(async context =>
        await ApiSetup.WriteApiProblemAsync(context, context.RequestServices.GetRequiredService<IProblemDetailsService>())));
    api.UseStatusCodePages();
});
app.UseWhen(context => !ApiSetup.IsApiRequest(context), pages =>
{
    pages.UseExceptionHandler("/status/500");
    pages.UseStatusCodePagesWithReExecute("/status/{0}");
});
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapRazorPages();
app.MapBackstrideApi();
app.MapHealthEndpoints();
app.MapCalendarFeed();
app.MapShopImages();
app.MapOrdersExport();
app.MapExports();

app.Logger.LogInformation("Backstride is starting; it will print the address it listens on next ({Provider}).", storage.Provider);
await app.RunAsync();
