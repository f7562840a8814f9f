using Backstride.Core.Runners;
using Backstride.Core.Units;
using Backstride.Data.Diary;
using Backstride.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Backstride.Web.Features.Settings;

public static class SettingsApi
{
    public sealed record SettingsDto(DistanceUnit? Units, string? TimeZone, int? BirthYear);

    private static readonly Dictionary<string, string> ApiNames = new(StringComparer.Ordinal)
    {
        [RunnerSettingsRules.UnitsField] = "units",
        [RunnerSettingsRules.TimeZoneField] = "timeZone",
        [RunnerSettingsRules.BirthYearField] = "birthYear",
    };

    public static RouteGroupBuilder MapSettingsApi(this RouteGroupBuilder diary)
    {
        var settings = diary.MapGroup("/settings").WithTags("Settings");
        settings.MapGet("/", GetAsync).WithSummary("The runner's units, time zone and birth year.");
        settings.MapPut("/", PutAsync).WithSummary("Replace the runner's settings.");
        return settings;
    }

    private static async Task<Ok<SettingsDto>> GetAsync(RunnerSettingsStore store, CancellationToken cancellationToken)
    {
        var settings = await store.GetAsync(cancellationToken);
        return TypedResults.Ok(new SettingsDto(settings.Units, settings.TimeZoneId, settings.BirthYear));
    }

    private static async Task<Results<Ok<SettingsDto>, ValidationProblem>> PutAsync(SettingsDto request,
        RunnerSettingsStore store, CancellationToken cancellationToken)
    {
        var result = await store.SaveAsync(request.Units, request.TimeZone, request.BirthYear, cancellationToken);
        if (result.Value is not { } saved)
        {
            return result.Errors.ToProblem(ApiNames);
        }
        return TypedResults.Ok(new SettingsDto(saved.Units, saved.TimeZoneId, saved.BirthYear));
    }
}
