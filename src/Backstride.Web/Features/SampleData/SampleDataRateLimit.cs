using System.Threading.RateLimiting;

namespace Backstride.Web.Features.SampleData;

/// <summary>
/// Anyone may make a sample runner without an account, and each one writes six months of rows: a few per address per
/// hour is plenty for a person and stops a script from filling the database. Counted per instance, in memory.
/// </summary>
public static class SampleDataRateLimit
{
    public const string Policy = "sample-data";

    public const int DefaultPerAddressPerHour = 10;

    public static IServiceCollection AddSampleDataRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perHour = configuration.GetValue("SampleData:PerAddressPerHour", DefaultPerAddressPerHour);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1) })
                // Reading the explanation costs nothing.
                : RateLimitPartition.GetNoLimiter("read"));
        });
    }
}
