using System.Text.Json;
using System.Text.Json.Serialization;
using Backstride.Web.Features.Account;
using Backstride.Web.Features.CheckIns;
using Backstride.Web.Features.Imports;
using Backstride.Web.Features.Runs;
using Backstride.Web.Features.Plans;
using Backstride.Web.Features.Settings;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Scalar.AspNetCore;

namespace Backstride.Web.Infrastructure;

public static class ApiSetup
{
    public const string Prefix = "/api";
    public const string V1 = "/api/v1";

    public static void AddBackstrideApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        // Malformed JSON throws, so the exception handler can say which field was wrong.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Backstride API";
            document.Info.Description = "Runs, post-run check-ins and settings of the signed-in runner. "
                + "Sign in with POST /api/v1/account/token and send the token as 'Authorization: Bearer'.";
            return Task.CompletedTask;
        }));
    }

    public static void MapBackstrideApi(this WebApplication app)
    {
        app.MapOpenApi("/api/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/docs", options => options
            .WithTitle("Backstride API")
            .WithOpenApiRoutePattern("/api/openapi/{documentName}.json")).AllowAnonymous();

        var v1 = app.MapGroup(V1);
        v1.MapAccountApi();

        var diary = v1.MapGroup("").RequireAuthorization(policy => policy
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, IdentityConstants.BearerScheme)
            .RequireAuthenticatedUser());
        diary.MapRunsApi();
        diary.MapCheckInsApi();
        diary.MapSettingsApi();
        diary.MapPlansApi();
        diary.MapImportsApi();
    }

    public static bool IsApiRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>API failures answer as ProblemDetails; a bad JSON body names the field it choked on.</summary>
    public static async Task WriteApiProblemAsync(HttpContext context, IProblemDetailsService problems)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is BadHttpRequestException badRequest)
        {
            context.Response.StatusCode = badRequest.StatusCode;
            var detail = badRequest.InnerException is JsonException json
                ? $"The request body is not valid JSON for this endpoint at {json.Path ?? "$"}."
                : badRequest.Message;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = badRequest.StatusCode, Title = "The request could not be read.", Detail = detail },
            });
            return;
        }
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = 500, Title = "Something went wrong on our side. Nothing was saved." },
        });
    }
}
